import { AppError, isAppError } from '../../../shared/ipc/errors';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import type { EnvChange, EnvSaveResult } from '../../../shared/schemas/env-edit';
import type { HostAccess } from '../deployment/host-access';
import type { DiscoveredDeployment } from '../deployment/discover-deployments';
import { createBackup, pruneBackups } from './backups';
import { applyChanges, keyChanges, planChanges } from './change-plan';
import { resolvedValues, type EnvModel, type LoadedEnvFile } from './env-model';
import { maskText } from './secret-mask';
import type { TextCache } from './text-cache';

/** The user's edits and the etags the files had when loaded (the conflict guard). */
export interface SaveRequest {
  readonly changes: readonly EnvChange[];
  readonly expectedEtags: Readonly<Record<string, string>>;
  readonly acknowledgeDokploy?: boolean | undefined;
}

/** The host, the deployment and its files as read at the start of this save. */
export interface SaveContext {
  readonly host: HostAccess;
  readonly discovered: DiscoveredDeployment;
  readonly model: EnvModel;
  /** The files as they are on the host right now. */
  readonly current: readonly LoadedEnvFile[];
  readonly cache: TextCache;
  readonly now: () => Date;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The safe save: every touched file must still have the etag the user loaded (else
 * ENV_CONFLICT with base/mine/theirs, nothing written) → the plan (refused if it adds lines
 * compose cannot read) → per file: atomic backup next to it → atomic write guarded by the etag
 * → re-read and verify the values → prune backups to the last 20.
 */
export async function saveChanges(ctx: SaveContext, request: SaveRequest): Promise<EnvSaveResult> {
  const { deployment, composeTexts } = ctx.discovered;
  assertDokployAcknowledged(deployment, request.acknowledgeDokploy);
  const touched = [...new Set(request.changes.map((c) => c.file))];
  for (const name of touched) {
    const file = ctx.current.find((f) => f.ref.name === name);
    const expected = request.expectedEtags[name];
    if (file === undefined) continue; // planChanges reports the unknown name
    if (expected === undefined) throw new AppError('INVALID_INPUT', `Saving ${name} needs the etag it had when it was loaded (expectedEtags["${name}"]). Reload the file and save again.`, { file: name });
    if (file.etag !== expected) throw conflictError(ctx, file, expected, request.changes.filter((c) => c.file === name));
  }
  const plan = planChanges({ deployment, model: ctx.model, files: ctx.current, composeTexts, changes: request.changes });
  const broken = plan.warnings.filter((w) => w.id === 'parse-error');
  if (broken.length > 0) throw new AppError('ENV_PARSE_FAILED', `Nothing was saved: ${broken.map((w) => w.message).join('; ')}. Docker Compose would refuse the file.`, { problems: broken.map((w) => w.message) });
  const saved: EnvSaveResult['files'] = [];
  for (const file of ctx.current) {
    const text = plan.newTexts.get(file.ref.name);
    if (text === undefined) {
      if (touched.includes(file.ref.name)) saved.push({ name: file.ref.name, path: file.ref.path, etag: file.etag, changed: false });
      continue;
    }
    saved.push({ name: file.ref.name, path: file.ref.path, ...(await writeOne(ctx, file, text)), changed: true });
  }
  return { files: saved, changedKeys: plan.changedKeys, findings: plan.findings, recreate: plan.recreate, warnings: plan.warnings };
}

/** Backup → atomic write (etag-guarded) → re-read and compare → prune. Exported for restore. */
export async function writeOne(ctx: SaveContext, file: LoadedEnvFile, text: string): Promise<{ etag: string; backupPath: string }> {
  const options = { signal: ctx.signal };
  const backupPath = await createBackup(ctx.host.files, file.ref.path, ctx.now, options);
  let etag: string;
  try {
    ({ etag } = await ctx.host.files.writeAtomic(file.ref.path, text, { expectedEtag: file.etag, ...options }));
  } catch (error) {
    if (isAppError(error, 'ENV_CONFLICT')) {
      const theirs = await ctx.host.files.read(file.ref.path, options);
      throw conflictError(ctx, { ...file, text: theirs.text, etag: theirs.etag }, file.etag, [{ kind: 'text', file: file.ref.name, text: maskText(parseEnvFile(text), ctx.model.isSecret) }]);
    }
    throw error;
  }
  const check = await ctx.host.files.read(file.ref.path, options);
  if (check.text !== text || !sameValues(resolvedValues(check.text), resolvedValues(text))) {
    throw new AppError('ENV_VERIFY_FAILED', `${file.ref.path} does not read back as saved (something changed it right after). Reload it and check; the previous version is in ${backupPath}.`, { path: file.ref.path, backupPath });
  }
  ctx.cache.remember(etag, text);
  await pruneBackups(ctx.host.files, file.ref.path, undefined, { ...options, now: ctx.now() });
  return { etag, backupPath };
}

/** Saving a file Dokploy regenerates needs the user's explicit "I know" (plane-reference.md §7.1). */
export function assertDokployAcknowledged(deployment: DiscoveredDeployment['deployment'], acknowledged: boolean | undefined): void {
  if (!deployment.dokployManaged || acknowledged === true) return;
  throw new AppError('INVALID_INPUT', `${deployment.editElsewhere ?? 'Dokploy regenerates these files on deploy.'} To save here anyway (for example to test a fix before making it in Dokploy), confirm that the change is temporary.`, { reason: 'dokploy-managed', project: deployment.project });
}

/**
 * ENV_CONFLICT whose details carry the three texts of a three-way view, secrets masked:
 * `base` (what the user loaded, when Hangar still has it), `mine` (base + the user's edits)
 * and `theirs` (the file now), plus the keys whose value differs between base and theirs.
 */
function conflictError(ctx: Pick<SaveContext, 'cache' | 'model'>, file: LoadedEnvFile, expectedEtag: string, changes: readonly EnvChange[]): AppError {
  const mask = (text: string) => maskText(parseEnvFile(text), ctx.model.isSecret);
  const base = ctx.cache.get(expectedEtag);
  let mine: string | undefined;
  if (base !== undefined) {
    try {
      mine = applyChanges([{ ...file, text: base, etag: expectedEtag }], changes, ctx.model).get(file.ref.name) ?? base;
    } catch {
      mine = undefined;
    }
  }
  const changedOnServer = base === undefined ? [] : keyChanges(file.ref.name, resolvedValues(base), resolvedValues(file.text), ctx.model.isSecret).map((k) => k.key);
  return new AppError(
    'ENV_CONFLICT',
    `${file.ref.path} was changed on the server since you loaded it, so Hangar wrote nothing. Compare the versions, reload, and apply your edits again.`,
    {
      file: file.ref.name,
      path: file.ref.path,
      expectedEtag,
      actualEtag: file.etag,
      ...(base !== undefined ? { base: mask(base) } : {}),
      ...(mine !== undefined ? { mine: mask(mine) } : {}),
      theirs: mask(file.text),
      changedOnServer,
    },
  );
}

function sameValues(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
