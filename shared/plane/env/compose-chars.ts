/**
 * Character classes exactly as compose-go's dotenv parser (Docker Compose v2) defines them. The
 * parser and the encoder share them so that what Hangar writes is read back the same way.
 */

/** compose-go `isSpace`: blanks that do not end a line (note: `\r` counts, so CRLF values trim). */
export function isDotenvSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r' || ch === '\u0085' || ch === '\u00a0';
}

const goUnicodeSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/** Go `unicode.IsSpace`, used by compose-go to skip blank lines and to right-trim unquoted values. */
export function isUnicodeSpace(ch: string): boolean {
  return goUnicodeSpace.test(ch);
}

const keyRune = /^[\p{L}\p{N}_.\-[\]]$/u;

/** compose-go accepts letters, digits, `_`, `.`, `-`, `[`, `]` in a key. */
export function isKeyChar(ch: string): boolean {
  return keyRune.test(ch);
}

/** Length of the leading run of characters matching `pred` (code-unit index). */
export function leadingRun(text: string, from: number, pred: (ch: string) => boolean): number {
  let i = from;
  while (i < text.length && pred(text.charAt(i))) i += 1;
  return i - from;
}

/** Go `strings.TrimRightFunc(s, unicode.IsSpace)`. */
export function trimEndUnicode(text: string): string {
  let end = text.length;
  while (end > 0 && isUnicodeSpace(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

const simpleEscapes: Readonly<Record<string, string>> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
};

/**
 * compose-go `expandEscapes` for double-quoted values: the shell's escapes, `\0ooo` octal, and
 * `\$` which becomes `$$` so that the following interpolation yields a literal `$`. Anything it
 * does not know (`\c`, `\x41`, `\0` alone) stays as written, `\0` prefix quirk included.
 */
export function expandDoubleQuoteEscapes(text: string): string {
  return text.replace(/\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g, (match) => {
    if (match === '\\$') return '$$';
    const body = match.slice(1);
    if (body.startsWith('0')) {
      // Go rewrites `\0ooo` to `\ooo` and asks strconv.UnquoteChar, which wants exactly 3 octal digits.
      const digits = body.slice(1);
      if (/^[0-7]{3}$/.test(digits)) {
        const code = parseInt(digits, 8);
        if (code <= 0xff) return String.fromCharCode(code);
      }
      return `\\${digits}`;
    }
    return simpleEscapes[body] ?? match;
  });
}
