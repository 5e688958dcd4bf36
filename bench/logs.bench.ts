import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docker as dockerCli } from '../e2e/lab/docker-cli';
import { startSshd, type LabSshd } from '../e2e/lab/sshd';
import { logsContract } from '../shared/ipc/contracts/logs';
import type { LogsEvent } from '../shared/schemas/logs';
import { dockerForSession, type SshDocker } from '../electron/services/docker/docker-over-ssh';
import { createLogsService } from '../electron/services/docker/logs/logs-service';
import { LogContainers } from '../electron/services/docker/logs/testing/log-containers';
import { createRouter } from '../electron/rpc/router';
import { createKnownHosts } from '../electron/services/ssh/known-hosts';
import { createSessionPool } from '../electron/services/ssh/session-pool';
import { labHost } from '../electron/services/ssh/testing/lab-session';
import { benchRow, median, type BenchRow } from './bench-row';

const run = promisify(execFile);
const LINES = 50_000;
const SAMPLES = 5;

/**
 * Reading a container that printed 50,000 lines: plain `ssh host docker logs <c>` (the OpenSSH
 * client, same lab sshd and Docker Engine) against Hangar's `logs.tail` read through the real
 * router, so the figure includes sanitising, level detection and the pump's 50 ms / 64 KiB
 * batches the window would receive. Cold = a new SSH connection per sample on both sides; warm =
 * an open session vs an OpenSSH ControlMaster. Medians of 5.
 */
export async function runLogsBench(): Promise<BenchRow[]> {
  const sshd = await startSshd();
  const containers = new LogContainers('hangar-bench-logs');
  const dataDir = mkdtempSync(join(tmpdir(), 'hangar-bench-logs-'));
  const knownHostsFile = join(dataDir, 'known_hosts');
  writeFileSync(knownHostsFile, `${sshd.knownHostsLine}\n`);
  const sshArgs = ['-p', String(sshd.port), '-i', sshd.clientKeyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHostsFile}`];
  const newPool = () => createSessionPool({ knownHosts: createKnownHosts({ dataDir, knownHostsFiles: [knownHostsFile] }), askHostKey: async () => 'reject', idleCloseMs: 0 });
  try {
    const name = await containers.start(
      'chatty',
      `import time\nfor i in range(1, ${LINES + 1}): print('[2024-05-01 12:00:00 +0000] [7] [INFO] GET /api/workspaces/%d/projects/ 200 in 12ms' % i)\ntime.sleep(600)`,
    );
    await waitForLine(name, `/${LINES}/projects/`);
    const dockerLogs = ['docker', 'logs', name];
    const countLines = (stdout: string) => stdout.split('\n').length - 1;

    const coldSsh: number[] = [];
    const coldHangar: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      let started = performance.now();
      const { stdout } = await run('ssh', [...sshArgs, `${sshd.user}@${sshd.host}`, ...dockerLogs], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
      coldSsh.push(performance.now() - started);
      if (countLines(stdout) !== LINES) throw new Error(`ssh docker logs printed ${countLines(stdout)} lines, not ${LINES}`);
      started = performance.now();
      const pool = newPool();
      const lease = await pool.acquire(labHost(sshd));
      const remote = dockerForSession(lease.session);
      const read = await readThroughRouter(remote, name);
      coldHangar.push(performance.now() - started);
      remote.destroy();
      lease.release();
      pool.closeAll();
      if (read.lines !== LINES) throw new Error(`logs.tail delivered ${read.lines} lines, not ${LINES}`);
    }

    const pool = newPool();
    const lease = await pool.acquire(labHost(sshd));
    const remote = dockerForSession(lease.session);
    const warm = [];
    for (let i = 0; i < SAMPLES; i += 1) warm.push(await readThroughRouter(remote, name));
    remote.destroy();
    lease.release();
    pool.closeAll();
    const warmSsh = await withControlMaster(sshd, sshArgs, async (args) => {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const started = performance.now();
        await run('ssh', [...args, ...dockerLogs], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
        times.push(performance.now() - started);
      }
      return times;
    });

    const warmMs = median(warm.map((w) => w.ms));
    return [
      benchRow(`logs cold: connect + ${LINES.toLocaleString('en')} lines to the last one, through the router (vs ssh host docker logs)`, 'ms', median(coldHangar), median(coldSsh), 'ratio <= 1.0'),
      benchRow(`logs warm: ${LINES.toLocaleString('en')} lines to the last one over the open session (vs docker logs over ControlMaster)`, 'ms', warmMs, median(warmSsh), 'ratio <= 1.5'),
      benchRow('logs warm: lines/s the router pump sends to the window (vs lines/s of docker logs over ControlMaster)', 'lines/s', LINES / (warmMs / 1000), LINES / (median(warmSsh) / 1000), 'ratio >= 0.7'),
      benchRow(`logs warm: IPC batches for ${LINES.toLocaleString('en')} lines (50 ms / 64 KiB pump)`, 'batches', median(warm.map((w) => w.batches)), null, '—'),
      benchRow('logs warm: largest IPC batch', 'KiB', Math.max(...warm.map((w) => w.maxBatchKiB)), null, '<= 88 KiB (64 KiB + one event)'),
    ];
  } finally {
    await containers.removeAll();
    await sshd.stop();
  }
}

/** One non-following `logs.tail` through createRouter's pump; counts what the window would receive. */
async function readThroughRouter(remote: SshDocker, container: string): Promise<{ ms: number; lines: number; batches: number; maxBatchKiB: number }> {
  const logs = createLogsService({ connections: { docker: async () => ({ docker: remote.docker, streaming: remote.streaming, where: 'on the lab' }) } });
  const router = createRouter({ contract: logsContract, handlers: { 'logs.tail': (input, ctx) => logs.tail(input, ctx.signal) } });
  const started = performance.now();
  let lines = 0;
  let batches = 0;
  let maxBatch = 0;
  await new Promise<void>((resolve, reject) => {
    router.subscribe('logs.tail', { hostId: 'lab', containerIds: [container], tail: 100_000, follow: false }, { owner: 'bench', id: 'b' }, {
      events: (batch) => {
        batches += 1;
        maxBatch = Math.max(maxBatch, JSON.stringify(batch).length);
        for (const event of batch as LogsEvent[]) if (event.event === 'lines') lines += event.lines.length;
      },
      end: (error) => (error === null ? resolve() : reject(new Error(error.message))),
    });
  });
  return { ms: performance.now() - started, lines, batches, maxBatchKiB: maxBatch / 1024 };
}

async function waitForLine(name: string, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await dockerCli(['logs', '--tail', '1', name])).stdout.includes(text)) {
    if (Date.now() > deadline) throw new Error(`${name} did not finish printing`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `work` with ssh args reusing one OpenSSH master connection, stopped by PID afterwards. */
async function withControlMaster<T>(sshd: LabSshd, sshArgs: string[], work: (args: string[]) => Promise<T>): Promise<T> {
  const controlPath = join(sshd.dir, 'logs-cm.sock');
  const master = spawn('ssh', [...sshArgs, '-o', 'ControlMaster=yes', '-o', `ControlPath=${controlPath}`, '-N', `${sshd.user}@${sshd.host}`], { stdio: 'ignore' });
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
