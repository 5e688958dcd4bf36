import { AppError } from '../../ipc/errors';
import { candidateEncodings } from './encode-env-value';
import type { EnvDocument, EnvLine, LineEnding } from './env-document';
import { parseEnvFile } from './parse-env-file';
import { resolveEnvFile } from './resolve-env-file';

/** The file text, byte for byte: an unchanged document gives back exactly what was parsed. */
export function serializeEnvFile(doc: EnvDocument): string {
  let out = doc.bom ? '\ufeff' : '';
  for (const line of doc.lines) out += line.raw + line.eol;
  return out;
}

/** Where a new key goes: keys of the same schema group stay together. */
export interface EditOptions {
  /** Schema group of a key (e.g. 'database'); undefined for keys the schema does not know. */
  readonly groupOf?: (key: string) => string | undefined;
}

const newKeyPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Sets `key` to the literal `value` (what the container should receive, no `${…}` expansion).
 * An existing key keeps its line, indentation, `export `, quoting style when it can carry the value,
 * and its inline comment; only that line changes. A new key is inserted after the last key of its
 * schema group, or at the end. Duplicates: the last (effective) occurrence is edited.
 */
export function setValue(doc: EnvDocument, key: string, value: string, options: EditOptions = {}): EnvDocument {
  const index = lastIndexOfKey(doc.lines, key);
  if (index === -1 && !newKeyPattern.test(key)) {
    throw new AppError(
      'INVALID_INPUT',
      `'${key}' cannot be added as an env variable: Compose only substitutes names made of letters, digits and '_' that do not start with a digit. Rename it.`,
      { key },
    );
  }
  const at = index === -1 ? insertionIndex(doc, key, options.groupOf) : index;
  for (const raw of candidateLines(doc, index, key, value)) {
    const lines = index === -1 ? insertAfter(doc, at, raw) : replaceAt(doc.lines, index, { raw, eol: (doc.lines[index] as EnvLine).eol });
    const edited = rebuild(doc, lines);
    if (keepsOtherLines(doc, edited, index === -1 ? at + 1 : index, index === -1) && resolveEnvFile(edited).values.get(key) === value)
      return edited;
  }
  const broken = doc.diagnostics.find((d) => d.code === 'unterminated-quote');
  throw new AppError(
    'ENV_PARSE_FAILED',
    broken === undefined
      ? `${key} cannot be written so that Docker Compose reads it back unchanged. Edit the file as text.`
      : `${key} cannot be written safely while line ${broken.line} has an unclosed quote: any quote added below it would change other lines. Fix line ${broken.line} first.`,
    { key },
  );
}

/**
 * Removes every line that sets `key` (duplicates included), so the key is really gone. If the
 * removed line was the last one and had no newline, the file keeps ending without one.
 */
export function removeKey(doc: EnvDocument, key: string): EnvDocument {
  const kept: { raw: string; eol: LineEnding }[] = [];
  const last = doc.lines.length - 1;
  doc.lines.forEach((line, i) => {
    const matches = (line.kind === 'entry' || line.kind === 'inherit') && line.key === key;
    if (!matches) {
      kept.push({ raw: line.raw, eol: line.eol });
      return;
    }
    const previous = kept[kept.length - 1];
    if (i === last && line.eol === '' && previous !== undefined) previous.eol = '';
  });
  if (kept.length === doc.lines.length) return doc;
  return rebuild(doc, kept);
}

/** The possible texts of the edited line, best first. */
function candidateLines(doc: EnvDocument, index: number, key: string, value: string): string[] {
  const line = index === -1 ? undefined : (doc.lines[index] as EnvLine);
  if (line === undefined || line.kind !== 'entry') {
    const head = line === undefined ? key : line.raw;
    return candidateEncodings(value).map((e) => `${head}=${e.text}`);
  }
  const rest = line.suffix.trimStart();
  // Unquoted values end at ' #' and are trimmed, so they may only be followed by blanks, or by a
  // ' # comment' when the value is non-empty (`KEY= # note` would make '# note' the value).
  const unquotedOk = rest === '' || (line.suffix.startsWith(' ') && rest.startsWith('#') && value !== '');
  return candidateEncodings(value, line.quote, unquotedOk).map((e) => line.prefix + e.text + line.suffix);
}

/** True when every line but the edited one is still the same line: no quote swallowed a neighbour. */
function keepsOtherLines(before: EnvDocument, after: EnvDocument, editedIndex: number, inserted: boolean): boolean {
  if (after.lines.length !== before.lines.length + (inserted ? 1 : 0)) return false;
  return after.lines.every((line, i) => {
    if (i === editedIndex) return true;
    const original = before.lines[inserted && i > editedIndex ? i - 1 : i];
    return original !== undefined && original.kind === line.kind && (original.raw === line.raw || (inserted && i === editedIndex - 1));
  });
}

function lastIndexOfKey(lines: readonly EnvLine[], key: string): number {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i] as EnvLine;
    if ((line.kind === 'entry' || line.kind === 'inherit') && line.key === key) return i;
  }
  return -1;
}

function insertionIndex(doc: EnvDocument, key: string, groupOf: EditOptions['groupOf']): number {
  const group = groupOf?.(key);
  if (group !== undefined) {
    for (let i = doc.lines.length - 1; i >= 0; i -= 1) {
      const line = doc.lines[i] as EnvLine;
      if (line.kind === 'entry' && groupOf?.(line.key) === group) return i;
    }
  }
  return doc.lines.length - 1;
}

function replaceAt(lines: readonly EnvLine[], index: number, next: { raw: string; eol: LineEnding }): { raw: string; eol: LineEnding }[] {
  return lines.map((line, i) => (i === index ? next : { raw: line.raw, eol: line.eol }));
}

function insertAfter(doc: EnvDocument, at: number, raw: string): { raw: string; eol: LineEnding }[] {
  const out = doc.lines.map((line) => ({ raw: line.raw, eol: line.eol }));
  const anchor = out[at];
  if (anchor === undefined) return [{ raw, eol: doc.newline }, ...out];
  if (anchor.eol === '') {
    // The anchor was the unterminated last line: it gets the newline, the new line inherits ''.
    anchor.eol = doc.newline;
    out.splice(at + 1, 0, { raw, eol: '' });
  } else {
    out.splice(at + 1, 0, { raw, eol: doc.newline });
  }
  return out;
}

/** Re-parses the edited text so line numbers and diagnostics stay true after the edit. */
function rebuild(doc: EnvDocument, lines: readonly { raw: string; eol: LineEnding }[]): EnvDocument {
  let text = doc.bom ? '\ufeff' : '';
  for (const line of lines) text += line.raw + line.eol;
  return parseEnvFile(text);
}
