import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import {
  hostConfigSchema,
  hostDraftSchema,
  hostStoreFileSchema,
  type HostConfig,
  type HostDraft,
  type HostStoreFile,
} from '../../../shared/schemas/host';
import type { z } from 'zod';
import type { PlatformPort } from '../platform/platform-port';
import { createFileLock, readJsonFile, writeJsonFileAtomic } from '../platform/json-file';

/** The id of the built-in "This computer" host; it always exists and cannot be removed. */
export const LOCAL_HOST_ID = 'local';

/** The hosts the user added, persisted as `hosts.json` in the user data dir. */
export interface HostStore {
  /** All hosts, "This computer" first. */
  list(): Promise<HostConfig[]>;
  get(id: string): Promise<HostConfig>;
  /** Finds a host by id or by its (case-insensitive) name, as the CLI's `--host NAME` does. */
  find(idOrName: string): Promise<HostConfig | undefined>;
  add(draft: HostDraft): Promise<HostConfig>;
  update(host: HostConfig): Promise<HostConfig>;
  remove(id: string): Promise<void>;
  /** The host to reconnect at start; undefined when none was used or it was removed. */
  lastUsedHostId(): Promise<string | undefined>;
  setLastUsedHostId(id: string): Promise<void>;
  /** Where the file lives (shown in error messages and the CLI). */
  readonly path: string;
}

const LOCAL_HOST: HostConfig = { kind: 'local', id: LOCAL_HOST_ID, name: 'This computer' };

/**
 * Creates the store. Every call re-reads the file (it is tiny) so the CLI and the app never act
 * on a stale copy; writes are atomic and serialised within the process.
 */
export function createHostStore(platform: PlatformPort, fileName = 'hosts.json'): HostStore {
  const path = join(platform.userDataDir(), fileName);
  const withLock = createFileLock();
  const load = (): Promise<HostStoreFile> => readJsonFile(path, hostStoreFileSchema, () => ({ version: 1 as const, hosts: [] }));
  const save = (file: HostStoreFile): Promise<void> => writeJsonFileAtomic(path, file);

  const list = async (): Promise<HostConfig[]> => {
    const file = await load();
    return [file.hosts.find((h) => h.id === LOCAL_HOST_ID) ?? LOCAL_HOST, ...file.hosts.filter((h) => h.id !== LOCAL_HOST_ID)];
  };

  return {
    path,
    list,
    async get(id) {
      const host = (await list()).find((h) => h.id === id);
      if (!host) throw new AppError('HOST_NOT_FOUND', `No host with id "${id}" is saved. Add it again from the host list.`, { id });
      return host;
    },
    async find(idOrName) {
      const wanted = idOrName.trim().toLowerCase();
      const hosts = await list();
      return hosts.find((h) => h.id === idOrName) ?? hosts.find((h) => h.name.toLowerCase() === wanted);
    },
    add: (draft) =>
      withLock(async () => {
        const parsed = parseInput(hostDraftSchema, draft);
        const file = await load();
        assertUniqueName(file.hosts, parsed.name, undefined);
        if (parsed.kind === 'local') {
          throw new AppError('HOST_EXISTS', '"This computer" is always in the list; it cannot be added twice.');
        }
        const host: HostConfig = parseInput(hostConfigSchema, { ...parsed, id: randomUUID() });
        await save({ ...file, hosts: [...file.hosts, host] });
        return host;
      }),
    update: (host) =>
      withLock(async () => {
        const parsed = parseInput(hostConfigSchema, host);
        const file = await load();
        const exists = file.hosts.some((h) => h.id === parsed.id);
        if (!exists && parsed.id !== LOCAL_HOST_ID) {
          throw new AppError('HOST_NOT_FOUND', `The host "${parsed.name}" is no longer saved, so it cannot be updated. Add it again.`, {
            id: parsed.id,
          });
        }
        assertUniqueName(file.hosts, parsed.name, parsed.id);
        const hosts = exists ? file.hosts.map((h) => (h.id === parsed.id ? parsed : h)) : [parsed, ...file.hosts];
        await save({ ...file, hosts });
        return parsed;
      }),
    remove: (id) =>
      withLock(async () => {
        if (id === LOCAL_HOST_ID) throw new AppError('INVALID_INPUT', '"This computer" cannot be removed; it is always available.');
        const file = await load();
        if (!file.hosts.some((h) => h.id === id)) throw new AppError('HOST_NOT_FOUND', `No host with id "${id}" is saved.`, { id });
        const next: HostStoreFile = { ...file, hosts: file.hosts.filter((h) => h.id !== id) };
        if (next.lastUsedHostId === id) delete next.lastUsedHostId;
        await save(next);
      }),
    async lastUsedHostId() {
      const file = await load();
      const id = file.lastUsedHostId;
      return id !== undefined && (id === LOCAL_HOST_ID || file.hosts.some((h) => h.id === id)) ? id : undefined;
    },
    setLastUsedHostId: (id) =>
      withLock(async () => {
        const file = await load();
        if (id !== LOCAL_HOST_ID && !file.hosts.some((h) => h.id === id)) {
          throw new AppError('HOST_NOT_FOUND', `No host with id "${id}" is saved.`, { id });
        }
        await save({ ...file, lastUsedHostId: id });
      }),
  };
}

function assertUniqueName(hosts: readonly HostConfig[], name: string, exceptId: string | undefined): void {
  const clash = [LOCAL_HOST, ...hosts].find((h) => h.id !== exceptId && h.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (clash) throw new AppError('HOST_EXISTS', `A host named "${clash.name}" already exists. Pick another name.`, { id: clash.id });
}

/** Input from the UI or CLI is a trust boundary: a bad field becomes INVALID_INPUT naming the field. */
function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('INVALID_INPUT', `${field}${issue?.message ?? 'The host is not valid.'}`, {
    issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
