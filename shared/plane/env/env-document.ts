/**
 * The lossless model of an env file. Every byte of the input lives in exactly one line's `raw`
 * or `eol` (plus the optional BOM), so `serializeEnvFile(parseEnvFile(text)) === text` holds by
 * construction, and an edit replaces one line object without touching the others.
 */

/** How a value is written: decides escapes and whether `${…}` is expanded (not in single quotes). */
export type QuoteStyle = 'none' | 'single' | 'double';

/** Line terminator as found in the file; `''` only for a last line without a newline. */
export type LineEnding = '\n' | '\r\n' | '';

interface LineBase {
  /** 1-based number of the first physical line, as editors show it. */
  readonly line: number;
  /** Exact text of the line(s) without the final terminator (multi-line values keep inner ones). */
  readonly raw: string;
  readonly eol: LineEnding;
}

export interface BlankLine extends LineBase {
  readonly kind: 'blank';
}

export interface CommentLine extends LineBase {
  readonly kind: 'comment';
}

/**
 * A `KEY=value` statement. `raw === prefix + valueText + suffix`, so an edit swaps `valueText`
 * (and maybe `suffix`) while indentation, `export `, spacing and inline comments survive.
 */
export interface EntryLine extends LineBase {
  readonly kind: 'entry';
  readonly key: string;
  readonly exported: boolean;
  /** `=` normally; `:` is Compose v2's YAML-style form (v1 rejects it). */
  readonly separator: '=' | ':';
  readonly quote: QuoteStyle;
  /** Leading whitespace, `export `, key, separator and spaces before the value. */
  readonly prefix: string;
  /** The value as written, quotes included. */
  readonly valueText: string;
  /** Whatever follows the value on its last line: spaces, ` # comment`. */
  readonly suffix: string;
  /**
   * The value after Compose's quote and escape handling but before `${…}` expansion; what
   * `interpolate()` receives when `expands` is true, the final value otherwise.
   */
  readonly template: string;
  /** False for single-quoted values: Compose takes them literally. */
  readonly expands: boolean;
  /** Physical lines the statement spans (>1 only for quoted values containing newlines). */
  readonly lineCount: number;
}

/** A `KEY` line without `=`: Compose takes the value from its own process environment. */
export interface InheritLine extends LineBase {
  readonly kind: 'inherit';
  readonly key: string;
}

/** A line Docker Compose cannot read. Kept verbatim; `diagnostics` says why. */
export interface InvalidLine extends LineBase {
  readonly kind: 'invalid';
}

export type EnvLine = BlankLine | CommentLine | EntryLine | InheritLine | InvalidLine;

/** How bad a parse problem is: `error` means `docker compose` refuses the whole file. */
export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  'bom' | 'duplicate-key' | 'invalid-key' | 'unterminated-quote' | 'text-after-quote' | 'missing-separator' | 'mixed-line-endings';

export interface EnvDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly line: number;
  readonly message: string;
  readonly key?: string;
}

export interface EnvDocument {
  /** A UTF-8 byte order mark before the first line (Compose strips it; Hangar keeps it). */
  readonly bom: boolean;
  readonly lines: readonly EnvLine[];
  readonly diagnostics: readonly EnvDiagnostic[];
  /** The terminator new lines get: the file's most common one (`\n` for an empty file). */
  readonly newline: '\n' | '\r\n';
}

/** The effective entry for each key: the last one wins, as in Compose. */
export function effectiveEntries(doc: EnvDocument): Map<string, EntryLine> {
  const out = new Map<string, EntryLine>();
  for (const line of doc.lines) {
    if (line.kind === 'entry') out.set(line.key, line);
  }
  return out;
}
