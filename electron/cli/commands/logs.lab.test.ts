import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../../e2e/lab/docker-cli';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { logLineSchema } from '../../../shared/schemas/logs';
import { LogContainers, numberedPrinter, until } from '../../services/docker/logs/testing/log-containers';
import { runCli } from '../index';

/** `hangar logs` as a terminal or a script runs it: one-off host through the lab sshd, text and --json. */
describe('hangar logs on the lab', () => {
  const containers = new LogContainers('hangar-cli-logs');
  const project = `hangar-cli-logs-${process.pid}`;
  let sshd: LabSshd;
  let home: string;
  let host: string[];
  let api: string;
  let worker: string;

  /** Starts `hangar …`; `output()` shows stdout so far (a follow is read while it runs). */
  const start = (argv: string[], signal = new AbortController().signal) => {
    let stdout = '';
    let stderr = '';
    const env = { HOME: home, HANGAR_DATA_DIR: join(home, 'data') };
    const done = runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: home, signal }).then((code) => ({ code, stdout, stderr }));
    return { done, output: () => stdout };
  };
  const run = (argv: string[]) => start(argv).done;

  beforeAll(async () => {
    sshd = await startSshd();
    home = mkdtempSync(join(tmpdir(), 'hangar-cli-logs-'));
    writeFileSync(join(home, 'known_hosts'), `${sshd.knownHostsLine}\n`);
    host = ['--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.clientKeyPath, '--known-hosts', join(home, 'known_hosts')];
    const labels = (service: string) => ({ 'com.docker.compose.project': project, 'com.docker.compose.service': service });
    const script = (who: string) =>
      `import time\nfor i in range(1, 6):\n    print('${who} %d' % i)\n    time.sleep(0.02)\nprint('[2024-05-01 12:00:00 +0000] [7] [ERROR] ${who} failed', flush=True)\ntime.sleep(600)`;
    [api, worker] = await Promise.all([containers.start('api', script('api'), { labels: labels('api') }), containers.start('worker', script('worker'), { labels: labels('worker') })]);
    for (const name of [api, worker]) {
      const deadline = Date.now() + 20_000;
      while (!(await docker(['logs', name])).stdout.includes('failed')) {
        if (Date.now() > deadline) throw new Error(`${name} did not print its lines`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  afterAll(async () => {
    await containers.removeAll();
    await sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('prints one container’s lines as "HH:MM:SS.mmm text", selected by compose service', async () => {
    const result = await run(['logs', ...host, 'api', '--project', project, '--utc']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} api 1$/);
    expect(lines[5]).toMatch(/ \[2024-05-01 12:00:00 \+0000\] \[7\] \[ERROR\] api failed$/);
  });

  it('merges several containers with a container column, and filters by level and --grep', async () => {
    const merged = await run(['logs', ...host, 'api', 'worker', '--project', project]);
    expect(merged.code).toBe(0);
    const rows = merged.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(12);
    const columns = rows.map((r) => /^\d{2}:\d{2}:\d{2}\.\d{3} (\S+) +\| /.exec(r)?.[1]);
    expect(columns.filter((c) => c === api)).toHaveLength(6);
    expect(columns.filter((c) => c === worker)).toHaveLength(6);
    expect(new Set(rows.map((r) => r.indexOf(' | '))).size).toBe(1); // the text column lines up

    const errors = await run(['logs', ...host, 'api', 'worker', '--project', project, '--level', 'error']);
    expect(errors.stdout.trimEnd().split('\n').map((r) => r.split(' | ')[1]).sort()).toEqual(['[2024-05-01 12:00:00 +0000] [7] [ERROR] api failed', '[2024-05-01 12:00:00 +0000] [7] [ERROR] worker failed']);
    const grep = await run(['logs', ...host, worker, '--grep', '/^WORKER [24]$/i']);
    expect(grep.stdout.trimEnd().split('\n').map((r) => r.slice(13))).toEqual(['worker 2', 'worker 4']);
  });

  it('prints one JSON log line per line with --json', async () => {
    const result = await run(['logs', ...host, api, '--json', '--tail', '2']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((l) => logLineSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => [l.container, l.service, l.text, l.level])).toEqual([
      [api, 'api', 'api 5', 'unknown'],
      [api, 'api', '[2024-05-01 12:00:00 +0000] [7] [ERROR] api failed', 'error'],
    ]);
  });

  it('follows new lines until Ctrl-C, then exits 0', async () => {
    const ticker = await containers.start('ticker', numberedPrinter(100, 'tick'));
    const controller = new AbortController();
    const follow = start(['logs', ...host, ticker, '--follow', '--tail', '1'], controller.signal);
    await until(() => (follow.output().match(/ tick \d+\n/g) ?? []).length >= 5, 'five ticks');
    controller.abort();
    const result = await follow.done;
    expect(result.code).toBe(0);
    const ticks = (result.stdout.match(/tick (\d+)/g) ?? []).map((t) => Number(t.slice(5)));
    expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => (ticks[0] ?? 0) + i));
  });

  it('exits 1 naming a container or service that does not exist', async () => {
    const result = await run(['logs', ...host, 'no-such-thing', '--project', project]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No container, compose service or Plane role called "no-such-thing"');
    const json = await run(['logs', ...host, 'no-such-thing', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
