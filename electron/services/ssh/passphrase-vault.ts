import { join } from 'node:path';
import { z } from 'zod';
import type { SecretBox } from '../platform/platform-port';
import { createFileLock, readJsonFile, writeJsonFileAtomic } from '../platform/json-file';

/**
 * Remembered key passphrases, encrypted by the OS keychain (PlatformPort.secrets) and stored as
 * ciphertext only. When the keychain is unavailable the vault stores nothing and says so through
 * `canRemember`, so no code path can fall back to plain text.
 */
export interface PassphraseVault {
  readonly canRemember: boolean;
  get(keyPath: string): Promise<string | undefined>;
  set(keyPath: string, passphrase: string): Promise<void>;
  forget(keyPath: string): Promise<void>;
}

const fileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });

/** Opens the vault file in `dataDir`; with an unavailable SecretBox every call is a no-op. */
export function createPassphraseVault(dataDir: string, secrets: SecretBox): PassphraseVault {
  const path = join(dataDir, 'passphrases.json');
  const withLock = createFileLock();
  const load = () => readJsonFile(path, fileSchema, () => ({ version: 1 as const, entries: {} }));
  const canRemember = secrets.isAvailable();
  return {
    canRemember,
    async get(keyPath) {
      if (!canRemember) return undefined;
      const sealed = (await load()).entries[keyPath];
      if (sealed === undefined) return undefined;
      try {
        return secrets.decrypt(Buffer.from(sealed, 'base64'));
      } catch {
        return undefined; // keychain changed (new login keyring): ask again rather than fail
      }
    },
    set: (keyPath, passphrase) =>
      withLock(async () => {
        if (!canRemember) return;
        const file = await load();
        await writeJsonFileAtomic(path, {
          version: 1,
          entries: { ...file.entries, [keyPath]: secrets.encrypt(passphrase).toString('base64') },
        });
      }),
    forget: (keyPath) =>
      withLock(async () => {
        const file = await load();
        if (!(keyPath in file.entries)) return;
        const { [keyPath]: _dropped, ...rest } = file.entries;
        await writeJsonFileAtomic(path, { version: 1, entries: rest });
      }),
  };
}
