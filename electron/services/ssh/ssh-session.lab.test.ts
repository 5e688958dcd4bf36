import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/ipc/errors';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { freeLoopbackPort } from '../../../e2e/lab/process-wait';
import { sha256Fingerprint } from './fingerprint';
import { createLabPool, labHost } from './testing/lab-session';

let sshd: LabSshd;
const hostPubBlob = () => Buffer.from(sshd.hostPublicKey.split(' ')[1]!, 'base64');

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the connection to fail');
}

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

describe('SSH sessions against the lab sshd', () => {
  it('asks about an unknown host key with the fingerprint ssh-keygen prints, then connects and remembers it', async () => {
    const lab = createLabPool();
    const lease = await lab.pool.acquire(labHost(sshd));
    const printed = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(lab.prompts).toEqual([
      {
        hostId: `lab-${sshd.port}`,
        hostLabel: `[127.0.0.1]:${sshd.port}`,
        algorithm: 'ssh-ed25519',
        fingerprint: printed,
        kind: 'unknown',
      },
    ]);
    expect(lease.session.state().state).toBe('connected');
    lease.release();
    const again = await lab.pool.acquire(labHost(sshd));
    expect(lab.prompts).toHaveLength(1);
    again.release();
    lab.pool.closeAll();
  });

  it('does not connect when the user rejects the key', async () => {
    const lab = createLabPool({ answer: 'reject' });
    const error = await failure(lab.pool.acquire(labHost(sshd)));
    expect(isAppError(error, 'SSH_HOST_KEY_UNKNOWN')).toBe(true);
    expect(lab.pool.states().find((s) => s.hostId === `lab-${sshd.port}`)).toMatchObject({
      state: 'failed',
      error: { code: 'SSH_HOST_KEY_UNKNOWN' },
    });
    expect(await lab.knownHosts.check(sshd.host, sshd.port, hostPubBlob())).toMatchObject({ status: 'unknown' });
  });

  it('refuses a changed host key without asking, showing both fingerprints and the old trust date', async () => {
    const lab = createLabPool();
    const otherKey = join(sshd.dir, 'other_host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    const otherBlob = Buffer.from(readFileSync(`${otherKey}.pub`, 'utf8').split(' ')[1]!, 'base64');
    await lab.knownHosts.trust(sshd.host, sshd.port, otherBlob);
    const error = await failure(lab.pool.acquire(labHost(sshd)));
    expect(error.code).toBe('SSH_HOST_KEY_MISMATCH');
    expect(error.details).toMatchObject({
      fingerprint: sha256Fingerprint(hostPubBlob()),
      previousFingerprint: sha256Fingerprint(otherBlob),
      previousSource: 'Hangar',
    });
    expect(String(error.details?.previousTrustedAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lab.prompts).toEqual([]);
    await lab.knownHosts.replace(sshd.host, sshd.port, sha256Fingerprint(hostPubBlob()));
    const lease = await lab.pool.acquire(labHost(sshd));
    lease.release();
    lab.pool.closeAll();
  });

  it('honours ~/.ssh/known_hosts (even next to a malformed line) without asking', async () => {
    const file = join(sshd.dir, 'user_known_hosts');
    writeFileSync(file, `this line is broken\n${sshd.knownHostsLine}\n`);
    const lab = createLabPool({ knownHostsFiles: [file] });
    const lease = await lab.pool.acquire(labHost(sshd));
    expect(lab.prompts).toEqual([]);
    expect((await lab.knownHosts.reports())[0]?.issues).toEqual([expect.objectContaining({ line: 1, kind: 'malformed' })]);
    lease.release();
    lab.pool.closeAll();
  });

  it('maps a closed port to SSH_CONNECTION_REFUSED', async () => {
    const port = await freeLoopbackPort();
    const error = await failure(createLabPool().pool.acquire(labHost({ ...sshd, port })));
    expect(error.code).toBe('SSH_CONNECTION_REFUSED');
    expect(error.message).toContain(`127.0.0.1:${port} refused the connection`);
  });

  it('reports the closed port first, as OpenSSH does, even when the agent or key would fail too', async () => {
    const port = await freeLoopbackPort();
    const noAgent = await failure(createLabPool({ agentSocket: '' }).pool.acquire(labHost({ ...sshd, port }, { auth: { kind: 'agent' } })));
    expect(noAgent.code).toBe('SSH_CONNECTION_REFUSED');
    let asked = 0;
    const encrypted = createLabPool({ askPassphrase: async () => (asked++, null) });
    const missingKey = await failure(encrypted.pool.acquire(labHost({ ...sshd, port }, { auth: { kind: 'key', keyPath: join(sshd.dir, 'no-such-key') } })));
    expect(missingKey.code).toBe('SSH_CONNECTION_REFUSED');
    expect(asked).toBe(0);
  });

  it('times out on a server that never speaks SSH, and cancels promptly on abort', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const error = await failure(createLabPool({ connectTimeoutMs: 700 }).pool.acquire(labHost({ ...sshd, port })));
      expect(error.code).toBe('SSH_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(3000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const cancelled = await failure(
        createLabPool({ connectTimeoutMs: 30_000 }).pool.acquire(labHost({ ...sshd, port }), controller.signal),
      );
      expect(cancelled.code).toBe('CANCELLED');
    } finally {
      silent.close();
    }
  });

  it('maps a key the server does not know to SSH_AUTH_FAILED and a non-key file to SSH_KEY_INVALID', async () => {
    const stranger = join(sshd.dir, 'stranger_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const denied = await failure(createLabPool().pool.acquire(labHost(sshd, { auth: { kind: 'key', keyPath: stranger } })));
    expect(denied.code).toBe('SSH_AUTH_FAILED');
    const notAKey = join(sshd.dir, 'sshd_config');
    const invalid = await failure(createLabPool().pool.acquire(labHost(sshd, { auth: { kind: 'key', keyPath: notAKey } })));
    expect(invalid.code).toBe('SSH_KEY_INVALID');
  });

  it('asks for an encrypted key passphrase: three wrong answers fail, the right one connects', async () => {
    const encrypted = join(sshd.dir, 'encrypted_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-a', '2', '-N', 'open sesame', '-f', encrypted]);
    appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${encrypted}.pub`));
    const host = labHost(sshd, { auth: { kind: 'key', keyPath: encrypted } });
    const attempts: number[] = [];
    const wrong = createLabPool({ askPassphrase: async (p) => (attempts.push(p.attempt), { passphrase: 'guess', remember: false }) });
    expect((await failure(wrong.pool.acquire(host))).code).toBe('SSH_PASSPHRASE_WRONG');
    expect(attempts).toEqual([1, 2, 3]);
    const right = createLabPool({ askPassphrase: async () => ({ passphrase: 'open sesame', remember: false }) });
    const lease = await right.pool.acquire(host);
    expect(lease.session.state().state).toBe('connected');
    lease.release();
    right.pool.closeAll();
  });

  it('authenticates through ssh-agent, and says so when the agent holds no keys', async () => {
    const socket = join(sshd.dir, `agent-${Date.now()}.sock`);
    const out = execFileSync('ssh-agent', ['-s', '-a', socket], { encoding: 'utf8' });
    const agentPid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]);
    try {
      const host = labHost(sshd, { auth: { kind: 'agent' } });
      const empty = await failure(createLabPool({ agentSocket: socket }).pool.acquire(host));
      expect(empty.code).toBe('SSH_AGENT_NO_KEYS');
      execFileSync('ssh-add', [sshd.clientKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
      const lab = createLabPool({ agentSocket: socket });
      const lease = await lab.pool.acquire(host);
      expect(lease.session.state().state).toBe('connected');
      lease.release();
      lab.pool.closeAll();
    } finally {
      process.kill(agentPid);
    }
  });
});
