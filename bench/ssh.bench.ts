import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSshd, type LabSshd } from '../e2e/lab/sshd';
import { listContainerGroups } from '../electron/services/docker/containers';
import { dockerForSession } from '../electron/services/docker/docker-over-ssh';
import { createKnownHosts } from '../electron/services/ssh/known-hosts';
import { createSessionPool } from '../electron/services/ssh/session-pool';
import { labHost, waitForState } from '../electron/services/ssh/testing/lab-session';
import { benchRow, median, type BenchRow } from './bench-row';

const run = promisify(execFile);
const COLD_SAMPLES = 7;
const WARM_SAMPLES = 100;
const RECONNECT_SAMPLES = 5;

/**
 * Hangar's connection layer against plain OpenSSH on the same lab sshd and Docker Engine, in
 * the same run: (a) cold connect + first container list, (b) warm lists over an open
 * connection vs a ControlMaster, (c) reconnect after the lab cuts the connection. Medians.
 */
export async function runSshBench(): Promise<BenchRow[]> {
  const sshd = await startSshd();
  const dataDir = mkdtempSync(join(tmpdir(), 'hangar-bench-ssh-'));
  const knownHostsFile = join(dataDir, 'known_hosts');
  writeFileSync(knownHostsFile, `${sshd.knownHostsLine}\n`);
  const sshArgs = [
    '-p',
    String(sshd.port),
    '-i',
    sshd.clientKeyPath,
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    `UserKnownHostsFile=${knownHostsFile}`,
  ];
  const dockerPs = ['docker', 'ps', '-a', '--format', 'json'];
  const newPool = () =>
    createSessionPool({
      knownHosts: createKnownHosts({ dataDir, knownHostsFiles: [knownHostsFile] }),
      askHostKey: async () => 'reject',
      idleCloseMs: 0,
    });
  try {
    const coldHangar: number[] = [];
    const coldSsh: number[] = [];
    for (let i = 0; i < COLD_SAMPLES; i += 1) {
      let started = performance.now();
      const pool = newPool();
      const lease = await pool.acquire(labHost(sshd));
      const remote = dockerForSession(lease.session);
      await listContainerGroups(remote.docker);
      coldHangar.push(performance.now() - started);
      remote.destroy();
      lease.release();
      pool.closeAll();
      started = performance.now();
      await run('ssh', [...sshArgs, `${sshd.user}@${sshd.host}`, ...dockerPs], { timeout: 30_000 });
      coldSsh.push(performance.now() - started);
    }

    const pool = newPool();
    const lease = await pool.acquire(labHost(sshd));
    const remote = dockerForSession(lease.session);
    await listContainerGroups(remote.docker);
    const warmHangar = await sample(WARM_SAMPLES, () => listContainerGroups(remote.docker));
    const warmSsh = await withControlMaster(sshd, sshArgs, (args) =>
      sample(WARM_SAMPLES, () => run('ssh', [...args, ...dockerPs], { timeout: 30_000 })),
    );

    const reconnects: number[] = [];
    for (let i = 0; i < RECONNECT_SAMPLES; i += 1) {
      const back = waitForState(pool, lease.session.hostId, (s) => s.state === 'connected', 15_000);
      const children = execFileSync('pgrep', ['-P', String(sshd.pid)], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map(Number);
      const cutAt = performance.now();
      for (const pid of children) process.kill(pid, 'SIGKILL');
      await back;
      reconnects.push(performance.now() - cutAt);
    }
    remote.destroy();
    lease.release();
    pool.closeAll();

    return [
      benchRow(
        'ssh cold: connect + first container list (vs ssh -o BatchMode=yes … docker ps -a --format json)',
        'ms',
        median(coldHangar),
        median(coldSsh),
        'ratio <= 1.0',
      ),
      benchRow(
        `ssh warm: container list over the open session, median of ${WARM_SAMPLES} (vs docker ps over ControlMaster)`,
        'ms',
        median(warmHangar),
        median(warmSsh),
        '<= 5 ms',
      ),
      benchRow(
        `ssh reconnect: connection killed by the lab → connected again, median of ${RECONNECT_SAMPLES}`,
        'ms',
        median(reconnects),
        null,
        '<= 3000 ms',
      ),
    ];
  } finally {
    await sshd.stop();
  }
}

async function sample(count: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** Runs `work` with ssh args that reuse one OpenSSH master connection, then stops that master by PID. */
async function withControlMaster<T>(sshd: LabSshd, sshArgs: string[], work: (args: string[]) => Promise<T>): Promise<T> {
  const controlPath = join(sshd.dir, 'cm.sock');
  const master = spawn(
    'ssh',
    [...sshArgs, '-o', 'ControlMaster=yes', '-o', `ControlPath=${controlPath}`, '-N', `${sshd.user}@${sshd.host}`],
    { stdio: 'ignore' },
  );
  try {
    const deadline = Date.now() + 15_000;
    while (!existsSync(controlPath)) {
      if (Date.now() > deadline || master.exitCode !== null) throw new Error('the OpenSSH ControlMaster did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return await work([...sshArgs, '-o', 'ControlMaster=no', '-o', `ControlPath=${controlPath}`, `${sshd.user}@${sshd.host}`]);
  } finally {
    master.kill('SIGTERM');
  }
}
