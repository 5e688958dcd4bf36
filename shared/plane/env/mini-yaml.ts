import { parseFlow, decodeScalar } from './mini-yaml-scalars';

/** A parsed YAML node: scalars stay text (Compose hands them to containers as text), null for `~`/empty. */
export type YamlValue = string | null | YamlValue[] | YamlMap;
export type YamlMap = Map<string, YamlValue>;

/** Something the subset parser skipped or could not read; the rest of the file still parses. */
export interface YamlProblem {
  readonly line: number;
  readonly message: string;
}

export interface YamlDocument {
  readonly root: YamlValue;
  readonly problems: readonly YamlProblem[];
}

interface Line {
  indent: number;
  text: string;
  readonly number: number;
}

/**
 * The YAML subset Compose files use: block maps and sequences, quoted and plain scalars, flow
 * `[…]`/`{…}`, block scalars, anchors, aliases and `<<` merges (a list merges earlier-first, and
 * explicit keys win). Enough to know what each service's `environment:` really contains without
 * a YAML dependency; constructs beyond it are reported, not guessed.
 */
export function parseYaml(text: string): YamlDocument {
  const parser = new BlockParser(toLines(text));
  const root = parser.parseDocument();
  return { root, problems: parser.problems };
}

class BlockParser {
  readonly problems: YamlProblem[] = [];
  private readonly anchors = new Map<string, YamlValue>();
  private pos = 0;

  constructor(private readonly lines: Line[]) {}

  parseDocument(): YamlValue {
    const first = this.lines[0];
    if (first === undefined) return null;
    const value = this.parseBlock(first.indent);
    for (const rest of this.lines.slice(this.pos))
      this.problems.push({ line: rest.number, message: 'Unexpected indentation; line ignored.' });
    return value;
  }

  private parseBlock(indent: number): YamlValue {
    const line = this.lines[this.pos];
    if (line === undefined || line.indent < indent) return null;
    return isSequenceItem(line.text) ? this.parseSequence(line.indent) : this.parseMapping(line.indent);
  }

  private parseSequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (
      let line = this.lines[this.pos];
      line !== undefined && line.indent === indent && isSequenceItem(line.text);
      line = this.lines[this.pos]
    ) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.pos += 1;
        items.push(this.childBlock(indent));
      } else if (splitKey(rest) !== null && !/^[[{"'&*!|>]/.test(rest)) {
        // `- key: value` opens a mapping whose keys align with `key`.
        line.indent = indent + (line.text.length - rest.length);
        line.text = rest;
        items.push(this.parseMapping(line.indent));
      } else {
        this.pos += 1;
        items.push(this.parseValue(rest, indent, line.number));
      }
    }
    return items;
  }

  private parseMapping(indent: number): YamlMap {
    const own: YamlMap = new Map();
    const merges: YamlMap[] = [];
    for (
      let line = this.lines[this.pos];
      line !== undefined && line.indent === indent && !isSequenceItem(line.text);
      line = this.lines[this.pos]
    ) {
      this.pos += 1;
      const split = splitKey(line.text);
      if (split === null) {
        this.problems.push({ line: line.number, message: `Expected 'key: value', found '${line.text}'.` });
        continue;
      }
      const value = this.parseValue(split.rest, indent, line.number, true);
      if (split.key === '<<') merges.push(...this.mergeSources(value, line.number));
      else own.set(split.key, value);
    }
    if (merges.length === 0) return own;
    const merged: YamlMap = new Map();
    for (const source of [...merges].reverse()) for (const [k, v] of source) merged.set(k, v);
    for (const [k, v] of own) merged.set(k, v);
    return merged;
  }

  private mergeSources(value: YamlValue, line: number): YamlMap[] {
    const list = Array.isArray(value) ? value : [value];
    const maps = list.filter((v): v is YamlMap => v instanceof Map);
    if (maps.length !== list.length) this.problems.push({ line, message: "'<<' must merge mappings (aliases like *name)." });
    return maps;
  }

  /** Text after `key:` or `- `: an anchor, alias, flow or block scalar, a scalar, or nothing (block child). */
  private parseValue(text: string, indent: number, lineNumber: number, inMapping = false): YamlValue {
    let rest = text.replace(/^!!?[\w]+\s*/, '');
    let anchor: string | undefined;
    const anchorMatch = /^&([^\s,[\]{}]+)\s*/.exec(rest);
    if (anchorMatch !== null) {
      anchor = anchorMatch[1];
      rest = rest.slice(anchorMatch[0].length);
    }
    let value: YamlValue;
    if (rest === '') value = inMapping ? this.childOrSameIndentSequence(indent) : this.childBlock(indent);
    else if (rest.startsWith('*')) value = this.alias(rest.slice(1).trim(), lineNumber);
    else if (rest.startsWith('[') || rest.startsWith('{')) value = this.flow(rest, lineNumber);
    else if (rest.startsWith('|') || rest.startsWith('>')) value = this.blockScalar(rest.charAt(0) === '|', indent);
    else value = this.scalarWithContinuation(rest, indent, lineNumber);
    if (anchor !== undefined) this.anchors.set(anchor, value);
    return value;
  }

  private childBlock(indent: number): YamlValue {
    const next = this.lines[this.pos];
    return next !== undefined && next.indent > indent ? this.parseBlock(next.indent) : null;
  }

  private childOrSameIndentSequence(indent: number): YamlValue {
    const next = this.lines[this.pos];
    if (next !== undefined && next.indent === indent && isSequenceItem(next.text)) return this.parseSequence(indent);
    return this.childBlock(indent);
  }

  private alias(name: string, line: number): YamlValue {
    const value = this.anchors.get(name);
    if (value === undefined) this.problems.push({ line, message: `Alias *${name} refers to no anchor defined above.` });
    return value ?? null;
  }

  private flow(text: string, line: number): YamlValue {
    let source = text;
    while (!balanced(source) && this.lines[this.pos] !== undefined) source += ` ${(this.lines[this.pos++] as Line).text}`;
    const parsed = parseFlow(source, (name) => this.alias(name, line));
    if (parsed === undefined) this.problems.push({ line, message: `Could not read the flow value '${text}'.` });
    return parsed ?? null;
  }

  private blockScalar(literal: boolean, indent: number): string {
    const parts: string[] = [];
    for (let line = this.lines[this.pos]; line !== undefined && line.indent > indent; line = this.lines[this.pos]) {
      parts.push(line.text);
      this.pos += 1;
    }
    return parts.join(literal ? '\n' : ' ') + '\n';
  }

  private scalarWithContinuation(text: string, indent: number, line: number): YamlValue {
    let source = text;
    const quote = text.charAt(0);
    if (quote === '"' || quote === "'") {
      while (!closedQuote(source, quote) && this.lines[this.pos] !== undefined) source += ` ${(this.lines[this.pos++] as Line).text}`;
    } else {
      for (
        let next = this.lines[this.pos];
        next !== undefined && next.indent > indent && splitKey(next.text) === null;
        next = this.lines[this.pos]
      ) {
        source += ` ${next.text}`;
        this.pos += 1;
      }
    }
    const value = decodeScalar(source);
    if (value === undefined) this.problems.push({ line, message: `Could not read the value '${text}'.` });
    return value ?? null;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** `key: rest` with a plain or quoted key; null when the line is not a mapping entry. */
function splitKey(text: string): { key: string; rest: string } | null {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s+|$)/.exec(text);
  if (quoted !== null) return { key: decodeScalar(quoted[1] as string) ?? '', rest: text.slice(quoted[0].length).trim() };
  const plain = /^([^\s#'"[\]{},][^#]*?)\s*:(?:\s+|$)/.exec(text);
  if (plain === null) return null;
  return { key: (plain[1] as string).trim(), rest: text.slice(plain[0].length).trim() };
}

function balanced(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (const ch of text) {
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth += 1;
    else if (ch === ']' || ch === '}') depth -= 1;
  }
  return depth <= 0;
}

function closedQuote(text: string, quote: string): boolean {
  const body = text.slice(1);
  if (quote === "'") return /(^|[^'])('')*'\s*$/.test(body) || /^'\s*$/.test(body);
  return /(^|[^\\])(\\\\)*"\s*$/.test(body);
}

/** Splits into logical lines: indentation measured, comments and blank lines dropped, quotes respected. */
function toLines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const stripped = stripComment(raw).replace(/\s+$/, '');
    const content = stripped.trimStart();
    if (content === '' || content === '---' || content === '...' || content.startsWith('%')) return;
    out.push({ indent: stripped.length - content.length, text: content, number: index + 1 });
  });
  return out;
}

function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (quote !== '') {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote) quote = '';
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(line.charAt(i - 1)))) {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line.charAt(i - 1)))) {
      return line.slice(0, i);
    }
  }
  return line;
}
