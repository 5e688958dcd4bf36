import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import type { PassphrasePrompt } from '../../../shared/schemas/connection';
import type { SecretBox } from '../platform/platform-port';
import { createPassphraseVault } from './passphrase-vault';
import { checkAgent, loadPrivateKey } from './ssh-credentials';

const dir = mkdtempSync(join(tmpdir(), 'hangar-cred-'));
const keyPath = (name: string, args: string[]) => {
  const path = join(dir, name);
  execFileSync('ssh-keygen', ['-q', ...args, '-f', path]);
  return path;
};
const plain = keyPath('plain', ['-t', 'ed25519', '-N', '']);
const encrypted = keyPath('enc', ['-t', 'ecdsa', '-a', '2', '-N', 'correct horse']);
const rsaPem = keyPath('rsa', ['-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '']);
const signal = new AbortController().signal;

/** Reversible stand-in for the OS keychain: the vault must only ever store its output. */
const fakeKeychain: SecretBox = {
  isAvailable: () => true,
  encrypt: (text) => Buffer.from(text, 'utf8').reverse(),
  decrypt: (buffer) => Buffer.from(buffer).reverse().toString('utf8'),
};

describe('loadPrivateKey', () => {
  it('loads unencrypted ed25519 and PEM RSA keys', async () => {
    expect((await loadPrivateKey(plain, { hostId: 'h', signal })).type).toBe('ssh-ed25519');
    expect((await loadPrivateKey(rsaPem, { hostId: 'h', signal })).type).toBe('ssh-rsa');
  });

  it('gives SSH_KEY_INVALID for a file that is not a key, a public key, and a missing file', async () => {
    const notKey = join(dir, 'notes.txt');
    writeFileSync(notKey, 'hello, I am not a key\n');
    for (const path of [notKey, `${plain}.pub`, join(dir, 'missing')]) {
      await expect(loadPrivateKey(path, { hostId: 'h', signal })).rejects.toSatisfy((e) => isAppError(e, 'SSH_KEY_INVALID'));
    }
    await expect(loadPrivateKey(`${plain}.pub`, { hostId: 'h', signal })).rejects.toThrow(/public key/);
  });

  it('asks three times for a wrong passphrase, then fails with SSH_PASSPHRASE_WRONG', async () => {
    const asked: PassphrasePrompt[] = [];
    const result = loadPrivateKey(encrypted, {
      hostId: 'h',
      signal,
      askPassphrase: async (p) => (asked.push(p), { passphrase: 'wrong', remember: false }),
    });
    await expect(result).rejects.toSatisfy((e) => isAppError(e, 'SSH_PASSPHRASE_WRONG'));
    expect(asked.map((p) => p.attempt)).toEqual([1, 2, 3]);
    expect(asked[0]).toMatchObject({ keyPath: encrypted, maxAttempts: 3, canRemember: false });
  });

  it('without a prompt an encrypted key is SSH_PASSPHRASE_REQUIRED; cancelling is CANCELLED', async () => {
    await expect(loadPrivateKey(encrypted, { hostId: 'h', signal })).rejects.toSatisfy((e) => isAppError(e, 'SSH_PASSPHRASE_REQUIRED'));
    await expect(loadPrivateKey(encrypted, { hostId: 'h', signal, askPassphrase: async () => null })).rejects.toSatisfy((e) =>
      isAppError(e, 'CANCELLED'),
    );
  });

  it('remembers a passphrase only as keychain ciphertext and reuses it without asking', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hangar-vault-'));
    const vault = createPassphraseVault(dataDir, fakeKeychain);
    let asks = 0;
    const ask = async () => (asks++, { passphrase: 'correct horse', remember: true });
    await loadPrivateKey(encrypted, { hostId: 'h', signal, askPassphrase: ask, vault });
    await loadPrivateKey(encrypted, { hostId: 'h', signal, askPassphrase: ask, vault });
    expect(asks).toBe(1);
    expect(readFileSync(join(dataDir, 'passphrases.json'), 'utf8')).not.toContain('correct horse');
  });

  it('never remembers when the keychain is unavailable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hangar-vault-'));
    const vault = createPassphraseVault(dataDir, { ...fakeKeychain, isAvailable: () => false });
    await loadPrivateKey(encrypted, {
      hostId: 'h',
      signal,
      vault,
      askPassphrase: async () => ({ passphrase: 'correct horse', remember: true }),
    });
    expect(await vault.get(encrypted)).toBeUndefined();
  });
});

describe('checkAgent', () => {
  it('reports a missing agent and an empty agent with their own codes', async () => {
    await expect(checkAgent(undefined, signal)).rejects.toSatisfy((e) => isAppError(e, 'SSH_AGENT_UNAVAILABLE'));
    await expect(checkAgent(join(dir, 'no-such-socket'), signal)).rejects.toSatisfy((e) => isAppError(e, 'SSH_AGENT_UNAVAILABLE'));
    const agentSock = join(dir, 'agent.sock');
    const out = execFileSync('ssh-agent', ['-s', '-a', agentSock], { encoding: 'utf8' });
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]);
    try {
      await expect(checkAgent(agentSock, signal)).rejects.toSatisfy((e) => isAppError(e, 'SSH_AGENT_NO_KEYS'));
      execFileSync('ssh-add', [plain], { env: { ...process.env, SSH_AUTH_SOCK: agentSock }, stdio: 'ignore' });
      expect(await checkAgent(agentSock, signal)).toBe(agentSock);
    } finally {
      process.kill(pid);
    }
  });
});
