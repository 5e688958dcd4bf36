import { join } from 'node:path';
import { z } from 'zod';
import { createFileLock, readJsonFile, writeJsonFileAtomic } from '../platform/json-file';

/** One host key the user accepted in Hangar, with when: the date is shown if the key ever changes. */
export const trustedKeySchema = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  trustedAt: z.string(),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;

const fileSchema = z.object({ version: z.literal(1), keys: z.array(trustedKeySchema) });

/**
 * Hangar's own trust store (`known-hosts.json` in the data dir). Kept apart from
 * ~/.ssh/known_hosts so Hangar never rewrites a file OpenSSH owns, and so it can record the
 * date a key was trusted, which OpenSSH does not.
 */
export interface TrustedKeyStore {
  list(host: string, port: number): Promise<TrustedKey[]>;
  /** Adds a key; with `replaceType`, first drops this host's keys of the same type (the "replace key" action). */
  add(key: TrustedKey, options?: { replaceType?: boolean }): Promise<void>;
}

/** Opens Hangar's trusted-key file in `dataDir` (created on first trust). */
export function createTrustedKeyStore(dataDir: string): TrustedKeyStore {
  const path = join(dataDir, 'known-hosts.json');
  const withLock = createFileLock();
  const load = () => readJsonFile(path, fileSchema, () => ({ version: 1 as const, keys: [] }));
  const same = (k: TrustedKey, host: string, port: number) => k.host === host.toLowerCase() && k.port === port;
  return {
    async list(host, port) {
      return (await load()).keys.filter((k) => same(k, host, port));
    },
    add: (key, options = {}) =>
      withLock(async () => {
        const file = await load();
        const entry = { ...key, host: key.host.toLowerCase() };
        const kept = file.keys.filter(
          (k) =>
            !(same(k, entry.host, entry.port) && (k.key === entry.key || (options.replaceType === true && k.keyType === entry.keyType))),
        );
        await writeJsonFileAtomic(path, { version: 1, keys: [...kept, entry] });
      }),
  };
}
