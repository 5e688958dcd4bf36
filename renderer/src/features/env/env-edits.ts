import type { EnvChange } from '../../../../shared/schemas/env-edit';
import type { EnvField } from './env-fields';

/** A pending form edit: the new literal value, or null to remove the key from its files. */
export interface FieldEdit {
  key: string;
  files: string[];
  value: string | null;
}

/**
 * The service's change list for the pending edits. A file edited as raw text is sent whole
 * (`text`) and its form edits are not sent (the raw view is only editable when the form has no
 * edits for that file, so nothing is lost). A shared secret's edit becomes one `set` per file.
 */
export function buildChanges(edits: Readonly<Record<string, FieldEdit>>, rawTexts: Readonly<Record<string, string>>): EnvChange[] {
  const changes: EnvChange[] = [];
  for (const [file, text] of Object.entries(rawTexts)) changes.push({ kind: 'text', file, text });
  for (const edit of Object.values(edits)) {
    for (const file of edit.files) {
      if (rawTexts[file] !== undefined) continue;
      changes.push(edit.value === null ? { kind: 'remove', file, key: edit.key } : { kind: 'set', file, key: edit.key, value: edit.value });
    }
  }
  return changes;
}

/** The edit for a field's new value, or undefined when it equals what was loaded (no change). */
export function editFor(field: EnvField, value: string | null): FieldEdit | undefined {
  if (value !== null && !field.secret && value === field.value && field.present) return undefined;
  if (value === null && !field.present) return undefined;
  return { key: field.key, files: field.targets.map((t) => t.file), value };
}

/** Files that have pending form edits (their raw view is read-only until saved or discarded). */
export function filesWithFormEdits(edits: Readonly<Record<string, FieldEdit>>): Set<string> {
  return new Set(Object.values(edits).flatMap((e) => e.files));
}
