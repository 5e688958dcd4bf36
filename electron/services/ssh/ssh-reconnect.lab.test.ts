import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { freeLoopbackPort } from '../../../e2e/lab/process-wait';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { execRemote } from './remote-exec';
import { createLabPool, labHost, waitForState } from './testing/lab-session';

let sshd: LabSshd;

/** PIDs of the per-connection sshd processes (children of the listener). */
function sessionProcesses(listenerPid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(listenerPid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

describe('connections that hold', () => {
  it('reconnects within 3 s after sshd is restarted mid-session, and commands work again', async () => {
    const lab = createLabPool();
    const host = labHost(sshd);
    const lease = await lab.pool.acquire(host);
    const children = sessionProcesses(sshd.pid);
    expect(children.length).toBeGreaterThan(0);
    const dropped = waitForState(lab.pool, host.id, (s) => s.state === 'reconnecting');
    await sshd.stop();
    for (const pid of children) process.kill(pid, 'SIGKILL'); // a restart that also ends sessions, like a reboot
    const reconnecting = await dropped;
    expect(reconnecting.error?.code).toBe('SSH_DISCONNECTED');
    expect(reconnecting.retryInMs).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // server away for a while: retries fail meanwhile
    const back = waitForState(lab.pool, host.id, (s) => s.state === 'connected');
    sshd = await startSshd({ port: sshd.port, dir: sshd.dir });
    const restartedAt = Date.now();
    await back;
    const reconnectMs = Date.now() - restartedAt;
    expect(reconnectMs).toBeLessThan(3000);
    expect(lab.prompts).toHaveLength(1); // same host key: no second question
    const result = await execRemote(lease.session, ['echo', 'still here']);
    expect(result.stdout).toBe('still here\n');
    lease.release();
    lab.pool.closeAll();
  });

  it('ends an open stream with SSH_DISCONNECTED when the TCP connection is cut, then reconnects on its own', async () => {
    const lab = createLabPool();
    const host = labHost(sshd);
    const lease = await lab.pool.acquire(host);
    const before = sessionProcesses(sshd.pid);
    const running = execRemote(lease.session, ['sleep', '10'], { timeoutMs: 20_000 }).then(
      () => undefined,
      (e: AppError) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const back = waitForState(lab.pool, host.id, (s) => s.state === 'connected');
    for (const pid of before) process.kill(pid, 'SIGKILL');
    const cutAt = Date.now();
    const error = await running;
    expect(error?.code).toBe('SSH_DISCONNECTED');
    expect(Date.now() - cutAt).toBeLessThan(2000);
    await back;
    expect(Date.now() - cutAt).toBeLessThan(3000);
    expect((await execRemote(lease.session, ['true'])).code).toBe(0);
    lease.release();
    lab.pool.closeAll();
  });

  it('goes through a ProxyJump host, checking each hop key, and reports a refused next hop', async () => {
    const target = await startSshd();
    try {
      appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${target.clientKeyPath}.pub`));
      const lab = createLabPool();
      const viaJump = labHost(target, { proxyJump: `${sshd.user}@127.0.0.1:${sshd.port}` });
      const lease = await lab.pool.acquire(viaJump);
      expect(lab.prompts.map((p) => p.hostLabel)).toEqual([`[127.0.0.1]:${sshd.port}`, `[127.0.0.1]:${target.port}`]);
      expect((await execRemote(lease.session, ['echo', 'hop'])).stdout).toBe('hop\n');
      lease.release();
      lab.pool.closeAll();

      const closedPort = await freeLoopbackPort();
      const refused = await createLabPool()
        .pool.acquire(labHost({ ...target, port: closedPort }, { proxyJump: `${sshd.user}@127.0.0.1:${sshd.port}` }))
        .then(
          () => undefined,
          (e: AppError) => e,
        );
      expect(refused?.code).toBe('SSH_CONNECTION_REFUSED');
      expect(refused?.message).toContain(`127.0.0.1:${closedPort}`);
    } finally {
      await target.stop();
    }
  });
});
