import { parseEnvFile } from '../../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../../shared/plane/env/resolve-env-file';
import { SECRET_MASK } from '../../../../shared/schemas/env-edit';
import type { EnvField } from './env-fields';
import { validateValue } from './field-validation';

/** A problem of the raw text at a line, worded like the form's. */
export interface RawProblem {
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * The raw view's validation: the parser's diagnostics (what Compose refuses or warns about) and
 * the same per-key checks the form runs as you type, on the values Compose would compute.
 */
export function checkRawText(text: string, file: string, fields: readonly EnvField[]): RawProblem[] {
  const doc = parseEnvFile(text);
  const problems: RawProblem[] = doc.diagnostics.map((d) => ({ line: d.line, severity: d.severity, message: d.message }));
  for (const entry of resolveEnvFile(doc).entries.values()) {
    if (entry.value === SECRET_MASK) continue;
    const field =
      fields.find((f) => f.key === entry.key && f.targets.some((t) => t.file === file)) ?? fields.find((f) => f.key === entry.key);
    const message = validateValue(field?.spec, entry.value);
    if (message !== null) problems.push({ line: entry.line, severity: 'error', message });
  }
  return problems.sort((a, b) => a.line - b.line);
}
