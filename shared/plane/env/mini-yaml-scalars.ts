import type { YamlMap, YamlValue } from './mini-yaml';

const doubleEscapes: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\u0007',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\u001b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
};

/**
 * One scalar as YAML 1.1/1.2 reads it: plain (null for ``, `~`, `null`), 'single' (`''` is a
 * quote) or "double" (backslash escapes, as PyYAML and yaml.v3 write them). Undefined when a
 * quoted scalar is not closed where the text ends.
 */
export function decodeScalar(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('"')) {
    const end = closingDouble(trimmed);
    return end === -1 ? undefined : decodeDouble(trimmed.slice(1, end));
  }
  if (trimmed.startsWith("'")) {
    const end = closingSingle(trimmed);
    return end === -1 ? undefined : trimmed.slice(1, end).replace(/''/g, "'");
  }
  if (trimmed === '' || trimmed === '~' || /^(null|Null|NULL)$/.test(trimmed)) return null;
  return trimmed;
}

function closingDouble(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '\\') i += 1;
    else if (ch === '"') return i;
  }
  return -1;
}

function closingSingle(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text.charAt(i) !== "'") continue;
    if (text.charAt(i + 1) === "'") i += 1;
    else return i;
  }
  return -1;
}

function decodeDouble(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (match, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return doubleEscapes[code] ?? match;
  });
}

/**
 * A single flow collection (`[a, *b]`, `{k: v}`), nested ones included. Undefined on a syntax
 * error, so the caller can report the line instead of guessing.
 */
export function parseFlow(text: string, alias: (name: string) => YamlValue): YamlValue | undefined {
  const reader = { text: text.trim(), pos: 0 };
  try {
    const value = readFlowValue(reader, alias);
    skipBlanks(reader);
    return reader.pos === reader.text.length ? value : undefined;
  } catch {
    return undefined;
  }
}

interface Reader {
  readonly text: string;
  pos: number;
}

function readFlowValue(r: Reader, alias: (name: string) => YamlValue): YamlValue {
  skipBlanks(r);
  const ch = r.text.charAt(r.pos);
  if (ch === '[') return readFlowSequence(r, alias);
  if (ch === '{') return readFlowMapping(r, alias);
  if (ch === '*') {
    const name = /^\*([^\s,[\]{}]+)/.exec(r.text.slice(r.pos));
    if (name === null) throw new Error('alias');
    r.pos += name[0].length;
    return alias(name[1] as string);
  }
  return readFlowScalar(r);
}

function readFlowSequence(r: Reader, alias: (name: string) => YamlValue): YamlValue[] {
  r.pos += 1;
  const items: YamlValue[] = [];
  for (;;) {
    skipBlanks(r);
    if (r.text.charAt(r.pos) === ']') {
      r.pos += 1;
      return items;
    }
    items.push(readFlowValue(r, alias));
    skipBlanks(r);
    const sep = r.text.charAt(r.pos);
    if (sep === ',') r.pos += 1;
    else if (sep !== ']') throw new Error('sequence');
  }
}

function readFlowMapping(r: Reader, alias: (name: string) => YamlValue): YamlMap {
  r.pos += 1;
  const map: YamlMap = new Map();
  for (;;) {
    skipBlanks(r);
    if (r.text.charAt(r.pos) === '}') {
      r.pos += 1;
      return map;
    }
    const key = readFlowScalar(r, true);
    skipBlanks(r);
    let value: YamlValue = null;
    if (r.text.charAt(r.pos) === ':') {
      r.pos += 1;
      value = readFlowValue(r, alias);
    }
    map.set(key ?? '', value);
    skipBlanks(r);
    const sep = r.text.charAt(r.pos);
    if (sep === ',') r.pos += 1;
    else if (sep !== '}') throw new Error('mapping');
  }
}

function readFlowScalar(r: Reader, isKey = false): string | null {
  const rest = r.text.slice(r.pos);
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(rest);
  if (quoted !== null) {
    r.pos += quoted[0].length;
    return decodeScalar(quoted[0]) ?? null;
  }
  // A plain scalar in flow context ends at ',', ']', '}' and, for keys, at ': '.
  const plain = (isKey ? /^[^,[\]{}]*?(?=:\s|:$|[,\]}]|$)/ : /^[^,[\]{}]*/).exec(rest);
  const textValue = plain?.[0] ?? '';
  r.pos += textValue.length;
  return decodeScalar(textValue) ?? null;
}

function skipBlanks(r: Reader): void {
  while (r.pos < r.text.length && /\s/.test(r.text.charAt(r.pos))) r.pos += 1;
}
