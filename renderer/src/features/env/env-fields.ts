import { getEnvSchema } from '../../../../shared/plane/schema/env-schema';
import { parsePlaneVersion } from '../../../../shared/plane/schema/plane-version';
import type { EnvKeySpec, KeyGroup } from '../../../../shared/schemas/env';
import type { EnvLoadResult, EnvFileView } from '../../../../shared/schemas/env-edit';

/** Where a field writes: one file and whether the key is already in it. */
export interface FieldTarget {
  file: string;
  line?: number;
}

/**
 * One editable value of the form. A secret known to the schema that several files set (the
 * split layout's LIVE_SERVER_SECRET_KEY in .env.api and .env.live) is ONE field whose edit
 * writes every file, so the copies cannot drift apart.
 */
export interface EnvField {
  id: string;
  key: string;
  spec: EnvKeySpec | undefined;
  /** Form section; keys the schema does not know go to `unknown` (kept and shown, never dropped). */
  group: KeyGroup | 'unknown';
  targets: FieldTarget[];
  /** In some file already (false: a schema key the files leave out; setting it adds a line). */
  present: boolean;
  /** Loaded value (the mask for a non-empty secret). */
  value: string;
  secret: boolean;
  /** False when no container receives the key (plane-reference.md invariant 23). */
  reachesContainer: boolean | undefined;
}

/** Field id of a key in a file; the shared-secret field drops the file. */
export function fieldId(key: string, file?: string): string {
  return file === undefined ? key : `${file}::${key}`;
}

function fileRole(file: EnvFileView): EnvKeySpec['file'] {
  return file.role === 'env' ? undefined : file.role;
}

/** The file a key absent from every file would be added to: the one of its role, else the interpolation file. */
function homeFile(files: readonly EnvFileView[], spec: EnvKeySpec): EnvFileView | undefined {
  if (spec.file !== undefined) return files.find((f) => f.role === spec.file);
  return files.find((f) => f.interpolation) ?? files[0];
}

/**
 * The form's fields for a loaded deployment, in schema order within each group, then the keys
 * the schema does not know. Pure, so the grouping and merging is unit-tested.
 */
export function buildFields(data: EnvLoadResult): EnvField[] {
  const schema = getEnvSchema(data.deployment.layout, parsePlaneVersion(data.deployment.version));
  const byId = new Map<string, EnvField>();
  for (const file of data.files) {
    for (const entry of file.entries) {
      const spec = schema.spec(entry.key, fileRole(file));
      const shared = spec !== undefined && spec.secret;
      const id = fieldId(entry.key, shared ? undefined : file.name);
      const existing = byId.get(id);
      if (existing !== undefined) {
        existing.targets.push({ file: file.name, line: entry.line });
        if (entry.reachesContainer === true) existing.reachesContainer = true;
        continue;
      }
      byId.set(id, {
        id,
        key: entry.key,
        spec,
        group: spec?.group ?? 'unknown',
        targets: [{ file: file.name, line: entry.line }],
        present: true,
        value: entry.value,
        secret: entry.secret,
        reachesContainer: entry.reachesContainer,
      });
    }
  }
  const ordered: EnvField[] = [];
  for (const spec of schema.keys) {
    const home = homeFile(data.files, spec);
    if (home === undefined) continue;
    const id = spec.secret ? fieldId(spec.key) : fieldId(spec.key, home.name);
    const found = byId.get(id);
    if (found !== undefined) {
      ordered.push(found);
      byId.delete(id);
    } else if (!ordered.some((f) => f.key === spec.key && f.targets.some((t) => t.file === home.name))) {
      ordered.push({
        id,
        key: spec.key,
        spec,
        group: spec.group,
        targets: [{ file: home.name }],
        present: false,
        value: '',
        secret: spec.secret,
        reachesContainer: undefined,
      });
    }
  }
  // Whatever is left: known keys in an unexpected file, and keys the schema does not know.
  return [...ordered, ...byId.values()];
}

/** A field's fields by section, in the editor's display order; empty sections are left out. */
export function groupFields(
  fields: readonly EnvField[],
  order: readonly KeyGroup[],
): { group: KeyGroup | 'unknown'; fields: EnvField[] }[] {
  const groups: (KeyGroup | 'unknown')[] = [...order, 'unknown'];
  return groups.map((group) => ({ group, fields: fields.filter((f) => f.group === group) })).filter((g) => g.fields.length > 0);
}
