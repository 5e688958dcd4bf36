import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import type { PlatformPort, SecretBox } from './platform-port';

/** Injected paths and secrets for tests; the CLI passes none and gets the user's real dirs. */
export interface NodePlatformOptions {
  /** Explicit data dir (tests); otherwise $HANGAR_DATA_DIR, then ~/.config/hangar. */
  dataDir?: string;
  homeDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Test seam: a SecretBox to use instead of "unavailable". */
  secrets?: SecretBox;
}

/**
 * Why no secrets here: Node has no OS keychain binding and Hangar refuses to invent one (a key
 * stored next to the ciphertext protects nothing). So the CLI and tests never remember
 * passphrases; the user is asked each time, or uses ssh-agent.
 */
export const unavailableSecrets: SecretBox = {
  isAvailable: () => false,
  encrypt: () => {
    throw new AppError(
      'INTERNAL',
      'No OS keychain is available here, so Hangar cannot remember secrets. Use ssh-agent or enter the passphrase each time.',
    );
  },
  decrypt: () => {
    throw new AppError(
      'INTERNAL',
      'No OS keychain is available here, so Hangar cannot read remembered secrets. Enter the passphrase again.',
    );
  },
};

/** The PlatformPort for the CLI and tests: plain paths, no keychain, no browser, no dialogs. */
export function createNodePlatform(options: NodePlatformOptions = {}): PlatformPort {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? env.HOME ?? homedir();
  const dataDir =
    options.dataDir ?? nonEmpty(env.HANGAR_DATA_DIR) ?? join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), 'hangar');
  return {
    userDataDir: () => dataDir,
    homeDir: () => home,
    secrets: options.secrets ?? unavailableSecrets,
    openExternal: async (url: string) => {
      throw new AppError('INTERNAL', `Hangar cannot open a browser from the command line. Open ${url} yourself.`);
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
