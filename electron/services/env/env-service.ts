import { AppError } from '../../../shared/ipc/errors';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../shared/plane/env/resolve-env-file';
import type { Deployment, DeploymentRef } from '../../../shared/schemas/deployment';
import type { BackupEntry, EnvApplyEvent, EnvChange, EnvLoadResult, EnvPreviewResult, EnvSaveResult, DiffHunk, KeyChange } from '../../../shared/schemas/env-edit';
import { discoverDeployments, findDeployment, type DiscoveredDeployment } from '../deployment/discover-deployments';
import { createHostAccessProvider, withHost, type HostAccess, type HostAccessDeps, type HostAccessProvider } from '../deployment/host-access';
import { applyServices } from './apply-changes';
import { backupTime, listBackups } from './backups';
import { keyChanges, maskedHunks, planChanges } from './change-plan';
import { envModel, resolvedValues, type EnvModel, type LoadedEnvFile } from './env-model';
import { saveChanges, type SaveRequest } from './env-save';
import { buildLoadResult } from './env-view';
import { createTextCache } from './text-cache';

/**
 * The env editor's service (issue 5): load → preview → save → apply, plus history. Every call
 * re-discovers the deployment and re-reads its files, so it never acts on a stale path; files
 * are addressed by name within the deployment (the renderer cannot name an arbitrary path);
 * secrets leave only masked, except through `revealSecret`.
 */
export interface EnvService {
  /** Plane deployments of a host (the deployments list; env calls name one by its project). */
  listDeployments(hostId: string, signal?: AbortSignal): Promise<Deployment[]>;
  load(ref: DeploymentRef, signal?: AbortSignal): Promise<EnvLoadResult>;
  preview(ref: DeploymentRef & { changes: readonly EnvChange[] }, signal?: AbortSignal): Promise<EnvPreviewResult>;
  save(ref: DeploymentRef & SaveRequest, signal?: AbortSignal): Promise<EnvSaveResult>;
  history(ref: DeploymentRef, signal?: AbortSignal): Promise<{ files: { name: string; path: string; backups: BackupEntry[] }[] }>;
  /** Diff of two versions of a file: backup names, or `current`. */
  diffBackups(ref: DeploymentRef & { file: string; a: string; b: string }, signal?: AbortSignal): Promise<{ hunks: DiffHunk[]; changedKeys: KeyChange[] }>;
  /** Puts a backup's content back through the same safe save (the current text is backed up first). */
  restore(ref: DeploymentRef & { file: string; backup: string; expectedEtag: string; acknowledgeDokploy?: boolean | undefined }, signal?: AbortSignal): Promise<EnvSaveResult>;
  revealSecret(ref: DeploymentRef & { file: string; key: string }, signal?: AbortSignal): Promise<{ key: string; value: string }>;
  apply(ref: DeploymentRef & { services: readonly string[] }, signal?: AbortSignal): AsyncIterable<EnvApplyEvent>;
}

/** The composition root passes hosts, pool and connections; tests may replace how hosts are opened. */
export interface EnvServiceDeps extends HostAccessDeps {
  /** Replaces how hosts are opened (tests); default: files, commands and Docker over the pooled session. */
  readonly hostAccess?: HostAccessProvider | undefined;
  readonly now?: () => Date;
  /** How long apply waits for recreated containers to settle (default 30 s). */
  readonly applySettleMs?: number;
}

/** One per process: it holds the loaded-texts cache that three-way conflict views draw from. */
export function createEnvService(deps: EnvServiceDeps): EnvService {
  const now = deps.now ?? (() => new Date());
  const cache = createTextCache();
  const hostAccess = deps.hostAccess ?? createHostAccessProvider(deps);

  /** Discovers the deployment and reads its env files, remembering each text for a later three-way view. */
  const open = async (host: HostAccess, project: string, signal?: AbortSignal): Promise<{ discovered: DiscoveredDeployment; model: EnvModel; files: LoadedEnvFile[] }> => {
    const discovered = await findDeployment(host, project, signal);
    const files: LoadedEnvFile[] = [];
    for (const ref of discovered.deployment.envFiles) {
      const loaded = await host.files.read(ref.path, { signal });
      cache.remember(loaded.etag, loaded.text);
      files.push({ ref, text: loaded.text, etag: loaded.etag, mode: loaded.mode, mtime: loaded.mtime });
    }
    return { discovered, model: envModel(discovered.deployment), files };
  };
  const fileNamed = (files: readonly LoadedEnvFile[], name: string): LoadedEnvFile => {
    const file = files.find((f) => f.ref.name === name);
    if (file === undefined) throw new AppError('NOT_FOUND', `This deployment has no env file named "${name}". Its files are: ${files.map((f) => f.ref.name).join(', ') || 'none'}.`, { file: name });
    return file;
  };
  /** A backup of `file` by name (validated: never a path), or the file itself for `current`. */
  const version = async (host: HostAccess, file: LoadedEnvFile, name: string, signal?: AbortSignal): Promise<string> => {
    if (name === 'current') return file.text;
    if (backupTime(name, file.ref.path.split('/').pop() ?? '') === undefined) throw new AppError('INVALID_INPUT', `"${name}" is not a backup of ${file.ref.name}. Pick one from its history.`, { backup: name });
    const backups = await listBackups(host.files, file.ref.path, { signal });
    const found = backups.find((b) => b.name === name);
    if (found === undefined) throw new AppError('NOT_FOUND', `The backup ${name} no longer exists (only the last 20 are kept). Reload the history.`, { backup: name });
    return (await host.files.read(found.path, { signal })).text;
  };

  return {
    listDeployments: (hostId, signal) => withHost(hostAccess, hostId, signal, async (host) => (await discoverDeployments(host, signal)).map((d) => d.deployment)),
    load: ({ hostId, project }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { discovered, model, files } = await open(host, project, signal);
        return buildLoadResult(discovered.deployment, model, files, discovered.composeTexts);
      }),
    preview: ({ hostId, project, changes }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { discovered, model, files } = await open(host, project, signal);
        const { newTexts: _texts, ...preview } = planChanges({ deployment: discovered.deployment, model, files, composeTexts: discovered.composeTexts, changes });
        return preview;
      }),
    save: ({ hostId, project, ...request }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { discovered, model, files } = await open(host, project, signal);
        return saveChanges({ host, discovered, model, current: files, cache, now, signal }, request);
      }),
    history: ({ hostId, project }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { deployment } = await findDeployment(host, project, signal);
        const out = [];
        for (const ref of deployment.envFiles) out.push({ name: ref.name, path: ref.path, backups: await listBackups(host.files, ref.path, { signal }) });
        return { files: out };
      }),
    diffBackups: ({ hostId, project, file, a, b }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { model, files } = await open(host, project, signal);
        const target = fileNamed(files, file);
        const [textA, textB] = [await version(host, target, a, signal), await version(host, target, b, signal)];
        return { hunks: maskedHunks(textA, textB, model.isSecret), changedKeys: keyChanges(file, resolvedValues(textA), resolvedValues(textB), model.isSecret) };
      }),
    restore: ({ hostId, project, file, backup, expectedEtag, acknowledgeDokploy }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { discovered, model, files } = await open(host, project, signal);
        const text = await version(host, fileNamed(files, file), backup, signal);
        // The same safe save as an edit: etag check, backup of the current text, atomic write, verify.
        return saveChanges({ host, discovered, model, current: files, cache, now, signal }, { changes: [{ kind: 'text', file, text }], expectedEtags: { [file]: expectedEtag }, acknowledgeDokploy });
      }),
    revealSecret: ({ hostId, project, file, key }, signal) =>
      withHost(hostAccess, hostId, signal, async (host) => {
        const { files } = await open(host, project, signal);
        const value = resolveEnvFile(parseEnvFile(fileNamed(files, file).text)).values.get(key);
        if (value === undefined) throw new AppError('NOT_FOUND', `${file} does not set ${key}.`, { file, key });
        return { key, value };
      }),
    apply: ({ hostId, project, services }, signal) => ({
      async *[Symbol.asyncIterator]() {
        const host = await hostAccess(hostId, signal);
        try {
          yield* applyServices(host, project, services, { signal, settleMs: deps.applySettleMs });
        } finally {
          host.release();
        }
      },
    }),
  };
}
