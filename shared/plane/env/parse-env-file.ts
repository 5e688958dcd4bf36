import { expandDoubleQuoteEscapes, isDotenvSpace, isKeyChar, isUnicodeSpace, leadingRun, trimEndUnicode } from './compose-chars';
import type { EnvDiagnostic, EnvDocument, EnvLine } from './env-document';
import { dominantNewline, duplicateDiagnostics, lineEndingDiagnostics, type PhysicalLine } from './file-diagnostics';

interface Parsed {
  readonly line: EnvLine;
  readonly consumed: number;
  readonly diagnostics: readonly EnvDiagnostic[];
}

/**
 * Parses an env file the way Docker Compose v2 (compose-go `dotenv`) reads it, keeping every
 * byte: comments, blank lines, quoting, `export `, CRLF, a missing final newline and a BOM all
 * survive `serializeEnvFile`. Problems become line-numbered diagnostics, never dropped lines, so
 * the editor can show a broken file and still save it unchanged.
 */
export function parseEnvFile(text: string): EnvDocument {
  const bom = text.startsWith('\ufeff');
  const physical = splitPhysicalLines(bom ? text.slice(1) : text);
  const lines: EnvLine[] = [];
  const diagnostics: EnvDiagnostic[] = [];
  if (bom) {
    diagnostics.push({
      code: 'bom',
      severity: 'info',
      line: 1,
      message: 'The file starts with a byte order mark. Docker Compose ignores it; Hangar keeps it as it is.',
    });
  }
  let i = 0;
  while (i < physical.length) {
    const parsed = parsePhysical(physical, i);
    lines.push(parsed.line);
    diagnostics.push(...parsed.diagnostics);
    i += parsed.consumed;
  }
  diagnostics.push(...duplicateDiagnostics(lines), ...lineEndingDiagnostics(physical));
  diagnostics.sort((a, b) => a.line - b.line);
  return { bom, lines, diagnostics, newline: dominantNewline(physical) };
}

function splitPhysicalLines(body: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf('\n', start);
    if (nl === -1) {
      out.push({ content: body.slice(start), eol: '' });
      break;
    }
    const crlf = nl > start && body.charAt(nl - 1) === '\r';
    out.push({ content: body.slice(start, crlf ? nl - 1 : nl), eol: crlf ? '\r\n' : '\n' });
    start = nl + 1;
  }
  return out;
}

function parsePhysical(physical: readonly PhysicalLine[], index: number): Parsed {
  const { content, eol } = physical[index] as PhysicalLine;
  const line = index + 1;
  const indent = leadingRun(content, 0, isUnicodeSpace);
  if (indent === content.length) return { line: { kind: 'blank', line, raw: content, eol }, consumed: 1, diagnostics: [] };
  if (content.charAt(indent) === '#') return { line: { kind: 'comment', line, raw: content, eol }, consumed: 1, diagnostics: [] };
  return parseStatement(physical, index, indent);
}

function invalid(physical: readonly PhysicalLine[], index: number, diagnostic: Omit<EnvDiagnostic, 'line'>): Parsed {
  const { content, eol } = physical[index] as PhysicalLine;
  return { line: { kind: 'invalid', line: index + 1, raw: content, eol }, consumed: 1, diagnostics: [{ ...diagnostic, line: index + 1 }] };
}

function parseStatement(physical: readonly PhysicalLine[], index: number, indent: number): Parsed {
  const { content, eol } = physical[index] as PhysicalLine;
  const line = index + 1;
  // Go RE2 `\s` is [\t\n\f\r ]; the same set here so `export` is recognised exactly when compose-go does.
  const exportMatch = /^export[\t\f\r ]+/.exec(content.slice(indent));
  const exported = exportMatch !== null;
  const keyStart = exported ? indent + 6 + leadingRun(content, indent + 6, isDotenvSpace) : indent;
  let sepAt = -1;
  for (let j = keyStart; j < content.length; j += 1) {
    const ch = content.charAt(j);
    if (isDotenvSpace(ch) || isKeyChar(ch)) continue;
    if (ch === '=' || ch === ':') {
      sepAt = j;
      break;
    }
    return invalid(physical, index, {
      code: 'invalid-key',
      severity: 'error',
      message: `Unexpected character '${ch}' in a variable name. Docker Compose refuses the whole file; fix or remove this line.`,
    });
  }
  const keyRaw = trimEndUnicode(content.slice(keyStart, sepAt === -1 ? content.length : sepAt));
  if (/\s/u.test(keyRaw)) {
    return invalid(physical, index, {
      code: 'invalid-key',
      severity: 'error',
      message: `The name '${keyRaw}' contains a space. Docker Compose refuses the whole file; use KEY=value.`,
    });
  }
  if (keyRaw === '') {
    return invalid(physical, index, {
      code: 'missing-separator',
      severity: 'warning',
      message: 'This line has a value but no variable name. Write it as KEY=value or remove it.',
    });
  }
  if (sepAt === -1) {
    return {
      line: { kind: 'inherit', line, raw: content, eol, key: keyRaw },
      consumed: 1,
      diagnostics: [
        {
          code: 'missing-separator',
          severity: 'info',
          line,
          key: keyRaw,
          message: `${keyRaw} has no '=': Docker Compose copies it from the environment of the shell that runs it, so its value here is unknown.`,
        },
      ],
    };
  }
  const valueStart = sepAt + 1 + leadingRun(content, sepAt + 1, isDotenvSpace);
  const prefix = content.slice(0, valueStart);
  const separator = content.charAt(sepAt) === ':' ? ':' : '=';
  const base = { line, key: keyRaw, exported, separator, prefix } as const;
  const quote = content.charAt(valueStart);
  if (quote !== '"' && quote !== "'") {
    const rest = content.slice(valueStart);
    const cut = rest.indexOf(' #');
    const valueText = trimEndUnicode(cut === -1 ? rest : rest.slice(0, cut));
    const entry = {
      ...base,
      kind: 'entry',
      raw: content,
      eol,
      quote: 'none',
      valueText,
      suffix: rest.slice(valueText.length),
      template: valueText,
      expands: true,
      lineCount: 1,
    } as const;
    return { line: entry, consumed: 1, diagnostics: [] };
  }
  return parseQuoted(physical, index, valueStart, quote, base);
}

function parseQuoted(
  physical: readonly PhysicalLine[],
  index: number,
  valueStart: number,
  quote: '"' | "'",
  base: { line: number; key: string; exported: boolean; separator: '=' | ':'; prefix: string },
): Parsed {
  let buffer = (physical[index] as PhysicalLine).content;
  let last = index;
  let escaped = false;
  let chars = '';
  let pos = valueStart + 1;
  for (;;) {
    if (pos >= buffer.length) {
      const next = physical[last + 1];
      if (next === undefined || (physical[last] as PhysicalLine).eol === '') {
        return invalid(physical, index, {
          code: 'unterminated-quote',
          severity: 'error',
          key: base.key,
          message: `The value of ${base.key} opens a ${quote === '"' ? 'double' : 'single'} quote that is never closed. Docker Compose refuses the whole file; add the closing ${quote}.`,
        });
      }
      buffer += (physical[last] as PhysicalLine).eol + next.content;
      last += 1;
      continue;
    }
    const ch = buffer.charAt(pos);
    pos += 1;
    if (escaped) {
      escaped = false;
      // compose-go drops the backslash of an escaped quote and keeps every other one.
      chars += ch === quote ? ch : `\\${ch}`;
    } else if (ch === '\\') {
      escaped = true;
    } else if (ch === quote) {
      break;
    } else {
      chars += ch;
    }
  }
  const suffix = buffer.slice(pos);
  const diagnostics: EnvDiagnostic[] = [];
  const trailing = suffix.trim();
  if (trailing !== '' && !trailing.startsWith('#')) {
    diagnostics.push({
      code: 'text-after-quote',
      severity: 'warning',
      line: last + 1,
      key: base.key,
      message: `Text after the closing quote of ${base.key} ('${trailing}') is read by Docker Compose as another statement. Move it inside the quotes or after a ' #'.`,
    });
  }
  const double = quote === '"';
  return {
    line: {
      ...base,
      kind: 'entry',
      raw: buffer,
      eol: (physical[last] as PhysicalLine).eol,
      quote: double ? 'double' : 'single',
      valueText: buffer.slice(valueStart, pos),
      suffix,
      template: double ? expandDoubleQuoteEscapes(chars) : chars,
      expands: double,
      lineCount: last - index + 1,
    },
    consumed: last - index + 1,
    diagnostics,
  };
}
