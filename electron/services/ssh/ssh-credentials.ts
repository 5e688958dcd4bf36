import { readFile } from 'node:fs/promises';
import ssh2, { createAgent, type ParsedKey } from 'ssh2';
import { AppError } from '../../../shared/ipc/errors';
import type { PassphraseAnswer, PassphrasePrompt } from '../../../shared/schemas/connection';
import type { PassphraseVault } from './passphrase-vault';
import { sshError } from './ssh-errors';

// ssh2 is CommonJS; `utils` is not detectable as a named ESM export.
const { utils } = ssh2;

/** How many passphrase attempts before SSH_PASSPHRASE_WRONG, as OpenSSH's ssh-add allows. */
export const MAX_PASSPHRASE_ATTEMPTS = 3;

/** Asks the UI for a key passphrase; null means the user cancelled. */
export type AskPassphrase = (prompt: PassphrasePrompt, signal: AbortSignal) => Promise<PassphraseAnswer>;

/** How to get a passphrase for an encrypted key: ask the UI, or use one remembered in the keychain. */
export interface LoadKeyOptions {
  hostId: string;
  askPassphrase?: AskPassphrase;
  vault?: PassphraseVault;
  signal: AbortSignal;
}

/**
 * Reads and decrypts a private key before the handshake starts, so a passphrase dialog never
 * races the server's login grace time. A remembered passphrase is tried first and forgotten if
 * it no longer works; then the user gets up to three attempts.
 */
export async function loadPrivateKey(keyPath: string, options: LoadKeyOptions): Promise<ParsedKey> {
  const data = await readKeyFile(keyPath);
  const plain = utils.parseKey(data);
  if (!(plain instanceof Error)) return requirePrivate(plain, keyPath);
  if (!isEncryptedKeyError(plain)) throw sshError('SSH_KEY_INVALID', { target: keyPath }, { keyPath, reason: plain.message });

  const remembered = await options.vault?.get(keyPath);
  if (remembered !== undefined) {
    const key = utils.parseKey(data, remembered);
    if (!(key instanceof Error)) return requirePrivate(key, keyPath);
    await options.vault?.forget(keyPath);
  }
  if (!options.askPassphrase) throw sshError('SSH_PASSPHRASE_REQUIRED', { target: keyPath }, { keyPath });
  for (let attempt = 1; attempt <= MAX_PASSPHRASE_ATTEMPTS; attempt += 1) {
    if (options.signal.aborted) throw new AppError('CANCELLED', 'Connecting was cancelled.');
    const answer = await options.askPassphrase(
      { hostId: options.hostId, keyPath, attempt, maxAttempts: MAX_PASSPHRASE_ATTEMPTS, canRemember: options.vault?.canRemember ?? false },
      options.signal,
    );
    if (answer === null) throw new AppError('CANCELLED', 'You cancelled the passphrase prompt, so Hangar did not connect.', { keyPath });
    const key = utils.parseKey(data, answer.passphrase);
    if (key instanceof Error) continue;
    if (answer.remember) await options.vault?.set(keyPath, answer.passphrase);
    return requirePrivate(key, keyPath);
  }
  throw sshError('SSH_PASSPHRASE_WRONG', { target: keyPath }, { keyPath, attempts: MAX_PASSPHRASE_ATTEMPTS });
}

/** Confirms an agent answers and holds keys; an empty agent would otherwise look like a wrong key. */
export async function checkAgent(socketPath: string | undefined, signal: AbortSignal, timeoutMs = 3000): Promise<string> {
  if (socketPath === undefined || socketPath === '') throw sshError('SSH_AGENT_UNAVAILABLE', { target: 'ssh-agent' });
  const agent = createAgent(socketPath);
  const keyCount = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(sshError('SSH_AGENT_UNAVAILABLE', { target: 'ssh-agent' }, { reason: 'agent did not answer' })),
      timeoutMs,
    );
    const onAbort = () => reject(new AppError('CANCELLED', 'Connecting was cancelled.'));
    signal.addEventListener('abort', onAbort, { once: true });
    agent.getIdentities((error, identities) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(sshError('SSH_AGENT_UNAVAILABLE', { target: 'ssh-agent' }, { socketPath, reason: error.message }));
      else resolve(identities?.length ?? 0);
    });
  });
  if (keyCount === 0) throw sshError('SSH_AGENT_NO_KEYS', { target: 'ssh-agent' }, { socketPath });
  return socketPath;
}

async function readKeyFile(keyPath: string): Promise<Buffer> {
  try {
    const data = await readFile(keyPath);
    if (data.length > 64 * 1024) throw new Error('file is larger than any SSH private key');
    return data;
  } catch (error) {
    const reason = (error as Error).message;
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `The key file ${keyPath} does not exist. Choose the private key again.`
        : code === 'EACCES'
          ? `Hangar may not read ${keyPath}. Make it readable by your user (chmod 600).`
          : `The key file ${keyPath} could not be read (${reason}). Choose another key file.`;
    throw new AppError('SSH_KEY_INVALID', message, { keyPath, reason });
  }
}

function isEncryptedKeyError(error: Error): boolean {
  return /encrypted|passphrase/i.test(error.message);
}

function requirePrivate(key: ParsedKey, keyPath: string): ParsedKey {
  if (key.isPrivateKey()) return key;
  throw new AppError('SSH_KEY_INVALID', `${keyPath} is a public key. Choose the private key file (the one without .pub).`, { keyPath });
}
