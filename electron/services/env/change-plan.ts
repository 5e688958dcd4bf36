import { posix } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { removeKey, serializeEnvFile, setValue } from '../../../shared/plane/env/edit-env-file';
import type { EnvDocument } from '../../../shared/plane/env/env-document';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import type { Deployment } from '../../../shared/schemas/deployment';
import { SECRET_MASK, type ChangeWarning, type EnvChange, type EnvPreviewResult, type KeyChange } from '../../../shared/schemas/env-edit';
import { changeWarnings } from './change-warnings';
import { findingKey, findingsFor, resolvedValues, type EnvModel, type LoadedEnvFile } from './env-model';
import { diffLines, toHunks, type Hunk } from './line-diff';
import { composeServices, planRecreate } from './recreate-plan';
import { maskLine, maskValue, unmaskText, type SecretTest } from './secret-mask';

/** The deployment, its files as read now, its compose texts and the user's edits. */
export interface PlanInput {
  readonly deployment: Deployment;
  readonly model: EnvModel;
  readonly files: readonly LoadedEnvFile[];
  readonly composeTexts: readonly string[];
  readonly changes: readonly EnvChange[];
}

/** The preview plus the new texts a save writes (only files that really change). */
export interface ChangePlan extends EnvPreviewResult {
  readonly newTexts: ReadonlyMap<string, string>;
}

/**
 * Everything a save confirmation shows, computed without touching the server: the exact diff
 * (secrets masked), keys whose effective value changes, findings fixed and introduced, the
 * services to recreate and what else must be done. Pure, so preview and save agree.
 */
export function planChanges(input: PlanInput): ChangePlan {
  const newTexts = applyChanges(input.files, input.changes, input.model);
  const after = (f: LoadedEnvFile) => newTexts.get(f.ref.name) ?? f.text;
  const changedKeys: KeyChange[] = [];
  const changedInterpolationKeys: string[] = [];
  const changedEnvFiles = new Map<string, string[]>();
  for (const f of input.files) {
    if (!newTexts.has(f.ref.name)) continue;
    const keys = keyChanges(f.ref.name, resolvedValues(f.text), resolvedValues(after(f)), input.model.isSecret);
    changedKeys.push(...keys);
    if (f.ref.interpolation) changedInterpolationKeys.push(...keys.map((k) => k.key));
    changedEnvFiles.set(f.ref.path, keys.map((k) => k.key));
  }
  const compose = input.composeTexts.length > 0 ? composeServices(input.composeTexts) : undefined;
  const recreate = planRecreate({
    compose,
    changedInterpolationKeys,
    changedEnvFiles,
    resolvePath: (p) => (posix.isAbsolute(p) ? posix.normalize(p) : posix.join(input.deployment.workingDir, p)),
    schema: input.model.schema,
    knownServices: input.deployment.services.map((s) => s.service),
  });
  const before = findingsFor(input.deployment, input.model, input.files.map((f) => ({ path: f.ref.path, text: f.text })), input.composeTexts);
  const findings = findingsFor(input.deployment, input.model, input.files.map((f) => ({ path: f.ref.path, text: after(f) })), input.composeTexts, input.files.map((f) => ({ path: f.ref.path, text: f.text })));
  const beforeKeys = new Set(before.map(findingKey));
  const afterKeys = new Set(findings.map(findingKey));
  const interpolationAfter = input.files.filter((f) => f.ref.interpolation).map((f) => resolvedValues(after(f)));
  const warnings: ChangeWarning[] = [
    ...parseWarnings(input.files, newTexts),
    ...changeWarnings({ deployment: input.deployment, changed: changedKeys, valueAfter: (key) => interpolationAfter.map((v) => v.get(key)).find((v) => v !== undefined) }),
  ];
  return {
    newTexts,
    files: input.files.map((f) => ({ name: f.ref.name, path: f.ref.path, changed: newTexts.has(f.ref.name), baseEtag: f.etag, hunks: maskedHunks(f.text, after(f), input.model.isSecret) })),
    changedKeys,
    findings,
    fixed: before.filter((f) => !afterKeys.has(findingKey(f))),
    introduced: findings.filter((f) => !beforeKeys.has(findingKey(f))),
    recreate,
    warnings,
  };
}

/** Applies the changes file by file, in order; a file whose text ends up identical is not "changed". */
export function applyChanges(files: readonly LoadedEnvFile[], changes: readonly EnvChange[], model: EnvModel): Map<string, string> {
  const docs = new Map<string, EnvDocument>();
  for (const change of changes) {
    const file = files.find((f) => f.ref.name === change.file);
    if (file === undefined) {
      throw new AppError('INVALID_INPUT', `This deployment has no env file named "${change.file}". Its files are: ${files.map((f) => f.ref.name).join(', ') || 'none'}.`, { file: change.file });
    }
    const doc = docs.get(change.file) ?? parseEnvFile(file.text);
    if (change.kind === 'set') {
      // A secret field the user never revealed comes back as the mask: keep the stored value.
      if (change.value === SECRET_MASK && model.isSecret(change.key)) continue;
      docs.set(change.file, setValue(doc, change.key, change.value, { groupOf: model.schema.groupOf }));
    } else if (change.kind === 'remove') {
      docs.set(change.file, removeKey(doc, change.key));
    } else {
      docs.set(change.file, parseEnvFile(unmaskText(doc, change.text, model.isSecret)));
    }
  }
  const out = new Map<string, string>();
  for (const [name, doc] of docs) {
    const text = serializeEnvFile(doc);
    if (text !== files.find((f) => f.ref.name === name)?.text) out.set(name, text);
  }
  return out;
}

/** Keys whose effective value differs (added, removed or changed), values masked for secrets. */
export function keyChanges(file: string, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, isSecret: SecretTest): KeyChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const out: KeyChange[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    const secret = isSecret(key, a) || isSecret(key, b);
    const show = (v: string | undefined) => (v === undefined ? undefined : secret ? maskValue(v) : v);
    const change: KeyChange = { key, file, secret };
    out.push({ ...change, ...(a !== undefined ? { before: show(a) } : {}), ...(b !== undefined ? { after: show(b) } : {}) });
  }
  return out;
}

/** A line diff of two texts whose displayed lines have secret values masked (compared unmasked). */
export function maskedHunks(before: string, after: string, isSecret: SecretTest): Hunk[] {
  // Compared per statement (a quoted multi-line value is one unit), numbered by physical line.
  const a = parseEnvFile(before).lines;
  const b = parseEnvFile(after).lines;
  const lines = diffLines(
    a.map((l) => l.raw + l.eol),
    b.map((l) => l.raw + l.eol),
    (side, i) => {
      const line = side === 'old' ? a[i] : b[i];
      return line === undefined ? '' : maskLine(line, isSecret);
    },
  ).map((d) => ({
    ...d,
    ...(d.oldLine !== undefined ? { oldLine: a[d.oldLine - 1]?.line ?? d.oldLine } : {}),
    ...(d.newLine !== undefined ? { newLine: b[d.newLine - 1]?.line ?? d.newLine } : {}),
  }));
  return toHunks(lines);
}

function parseWarnings(files: readonly LoadedEnvFile[], newTexts: ReadonlyMap<string, string>): ChangeWarning[] {
  const out: ChangeWarning[] = [];
  for (const f of files) {
    const text = newTexts.get(f.ref.name);
    if (text === undefined) continue;
    const known = new Set(parseEnvFile(f.text).diagnostics.map((d) => `${d.code}|${d.key ?? ''}`));
    const added = parseEnvFile(text).diagnostics.filter((d) => d.severity === 'error' && !known.has(`${d.code}|${d.key ?? ''}`));
    for (const d of added) {
      out.push({ id: 'parse-error', severity: 'error', keys: d.key !== undefined ? [d.key] : [], message: `${f.ref.name} line ${d.line}: ${d.message}`, steps: ['Fix the line in the raw view before saving: docker compose refuses the whole file otherwise.'] });
    }
  }
  return out;
}
