import { isDotenvSpace, isUnicodeSpace } from './compose-chars';
import type { QuoteStyle } from './env-document';

/** A value as it must be written after `KEY=` so that Compose reads back exactly the literal. */
export interface EncodedValue {
  readonly text: string;
  readonly quote: QuoteStyle;
}

/**
 * Chooses how to write a literal so that Docker Compose v2 reads back exactly that string, with no
 * interpolation. The file's existing style wins when it can carry the value (`allowUnquoted` false
 * when what follows on the line would change an unquoted value's meaning); otherwise the order
 * is: unquoted (plain values), single quotes (values with `$`, `#` or spaces: v1 and v2 read them
 * the same), double quotes with escapes (the only style for `'`, `\`, and newlines).
 */
export function encodeEnvValue(value: string, preferred: QuoteStyle = 'none', allowUnquoted = true): EncodedValue {
  return candidateEncodings(value, preferred, allowUnquoted)[0] as EncodedValue;
}

/**
 * Every way of writing the literal, best first (see `encodeEnvValue`); never empty, since double
 * quotes can carry anything. The editor falls back to the next one when a broken line elsewhere
 * (an unclosed quote) would swallow the first.
 */
export function candidateEncodings(value: string, preferred: QuoteStyle = 'none', allowUnquoted = true): EncodedValue[] {
  const out: EncodedValue[] = [];
  const order: QuoteStyle[] = [preferred, 'none', 'single', 'double'];
  for (const style of new Set(order)) {
    if (style === 'none' && allowUnquoted && fitsUnquoted(value)) out.push({ text: value, quote: 'none' });
    if (style === 'single' && fitsSingle(value)) out.push({ text: `'${value}'`, quote: 'single' });
    if (style === 'double') out.push({ text: `"${escapeDouble(value)}"`, quote: 'double' });
  }
  return out;
}

/**
 * Unquoted values are cut at ` #`, trimmed on both sides and interpolated; a leading quote or `#`
 * changes their meaning, and Compose v1 reads `$$` differently from v2, so `$` forces quotes.
 */
export function fitsUnquoted(value: string): boolean {
  if (value === '') return true;
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  if (first === '"' || first === "'" || first === '#' || isDotenvSpace(first) || isUnicodeSpace(first)) return false;
  if (isUnicodeSpace(last)) return false;
  return !/[\n\r$]| #/.test(value);
}

/** Single quotes are literal in Compose v2, except that `\'` escapes the quote and a final `\` would eat it. */
function fitsSingle(value: string): boolean {
  return !/['\\\n\r]/.test(value);
}

function escapeDouble(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '$') out += '$$';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}
