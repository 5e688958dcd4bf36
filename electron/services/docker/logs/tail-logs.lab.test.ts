import { execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker as dockerCli } from '../../../../e2e/lab/docker-cli';
import { startSshd, type LabSshd } from '../../../../e2e/lab/sshd';
import { logsContract } from '../../../../shared/ipc/contracts/logs';
import type { AppErrorData } from '../../../../shared/ipc/errors';
import type { LogLine, LogsEvent, LogsTailInput } from '../../../../shared/schemas/logs';
import { createRouter } from '../../../rpc/router';
import type { SessionLease } from '../../ssh/session-pool';
import { createLabPool, labHost, type LabPool } from '../../ssh/testing/lab-session';
import { dockerForSession, type SshDocker } from '../docker-over-ssh';
import { createLogsService } from './logs-service';
import { tailLogs } from './tail-logs';
import { countTo, LogContainers, numberedPrinter, until } from './testing/log-containers';

/** `logs.tail` against the real Docker Engine, reached through a real sshd like a remote server. */
describe('tailLogs over SSH on the lab', () => {
  const containers = new LogContainers('hangar-logs');
  let sshd: LabSshd;
  let lab: LabPool;
  let lease: SessionLease;
  let remote: SshDocker;

  beforeAll(async () => {
    sshd = await startSshd();
    lab = createLabPool();
    lease = await lab.pool.acquire(labHost(sshd));
    remote = dockerForSession(lease.session);
  });

  afterAll(async () => {
    remote?.destroy();
    lease?.release();
    lab?.pool.closeAll();
    await sshd?.stop();
    await containers.removeAll();
  });

  /** Runs a subscription, collecting events, until `stop` says so (or it ends by itself). */
  function subscribe(input: Omit<LogsTailInput, 'hostId'>) {
    const controller = new AbortController();
    const events: LogsEvent[] = [];
    let error: unknown;
    let ended = false;
    const done = (async () => {
      try {
        for await (const event of tailLogs(remote.docker, { hostId: 'lab', ...input }, { signal: controller.signal, where: 'on the lab', streaming: remote.streaming })) events.push(event);
      } catch (e) {
        error = e;
      } finally {
        ended = true;
      }
    })();
    const lines = (): LogLine[] => events.flatMap((e) => (e.event === 'lines' ? e.lines : []));
    return { events, lines, done, controller, error: () => error, ended: () => ended };
  }
  const numbers = (lines: LogLine[], prefix = 'n') => lines.filter((l) => l.text.startsWith(`${prefix} `)).map((l) => Number(l.text.slice(prefix.length + 1)));
  const waitForLine = async (name: string, text: string) => {
    const deadline = Date.now() + 20_000;
    while (!(await dockerCli(['logs', name])).stdout.includes(text)) {
      if (Date.now() > deadline) throw new Error(`${name} never printed ${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('reads the last N lines without following, then says the stream ended', async () => {
    const name = await containers.start('tail', countTo(100));
    await waitForLine(name, 'n 100');
    const sub = subscribe({ containerIds: [name], tail: 10, follow: false });
    await sub.done;
    expect(sub.error()).toBeUndefined();
    expect(numbers(sub.lines())).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
    expect(sub.events[0]).toMatchObject({ event: 'attached', container: name });
    expect(sub.events.at(-1)).toMatchObject({ event: 'detached', container: name, reason: 'ended' });
    expect(sub.lines()[0]).toMatchObject({ container: name, stream: 'stdout', level: 'unknown' });
  });

  it('reads exactly an inclusive since..until window, to the nanosecond', async () => {
    const name = await containers.start('window', `import time\nfor i in range(1, 41):\n    print('n %d' % i)\n    time.sleep(0.01)\ntime.sleep(600)`);
    await waitForLine(name, 'n 40');
    const all = subscribe({ containerIds: [name], tail: 1000, follow: false });
    await all.done;
    const stamps = all.lines().map((l) => l.ts);
    const window = subscribe({ containerIds: [name], follow: false, tail: 1000, since: stamps[9], until: stamps[19] });
    await window.done;
    expect(numbers(window.lines())).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('follows, and re-attaches across a restart with no gap and no double', async () => {
    const name = await containers.start('restart', numberedPrinter(20));
    const sub = subscribe({ containerIds: [name], tail: 5 });
    await until(() => numbers(sub.lines()).length >= 30, '30 numbered lines');
    await dockerCli(['restart', '-t', '10', name], { timeoutMs: 30_000 });
    const seenAtRestart = Math.max(...numbers(sub.lines()));
    await until(() => Math.max(...numbers(sub.lines())) >= seenAtRestart + 30, '30 lines after the restart');
    sub.controller.abort();
    await sub.done;
    const seen = numbers(sub.lines());
    const first = seen[0] ?? 0;
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => first + i));
    const kinds = sub.events.filter((e) => e.event !== 'lines').map((e) => (e.event === 'detached' ? `detached:${e.reason}` : e.event));
    expect(kinds.slice(0, 3)).toEqual(['attached', expect.stringMatching(/^detached:(exited|restarting)$/), 'attached']);
    expect(sub.error()).toMatchObject({ code: 'CANCELLED' });
  });

  it('stops following at until: the stream ends by itself and no later line arrives', async () => {
    const name = await containers.start('until', numberedPrinter(50));
    const until = new Date(Date.now() + 1500).toISOString();
    const sub = subscribe({ containerIds: [name], tail: 1, until });
    await sub.done;
    expect(Date.now() - Date.parse(until)).toBeLessThan(1500);
    expect(sub.error()).toBeUndefined();
    expect(sub.events.at(-1)).toMatchObject({ event: 'detached', reason: 'ended' });
    expect(numbers(sub.lines()).length).toBeGreaterThan(10);
    for (const line of sub.lines()) expect(Date.parse(line.ts)).toBeLessThanOrEqual(Date.parse(until));
  });

  it('merges two containers in timestamp order', async () => {
    const script = (p: string) => `import time\nfor i in range(1, 31):\n    print('${p} %d' % i)\n    time.sleep(0.013)\ntime.sleep(600)`;
    const [a, b] = await Promise.all([containers.start('merge-a', script('a')), containers.start('merge-b', script('b'))]);
    await Promise.all([waitForLine(a, 'a 30'), waitForLine(b, 'b 30')]);
    const sub = subscribe({ containerIds: [a, b], tail: 100, follow: false });
    await sub.done;
    const lines = sub.lines();
    expect(numbers(lines, 'a')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(numbers(lines, 'b')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const stamps = lines.map((l) => l.ts);
    expect(stamps).toEqual([...stamps].sort());
    expect(new Set(lines.slice(0, 20).map((l) => l.container)).size).toBe(2); // interleaved, not one after the other
  });

  it('ends a container’s part with "removed" when it is removed', async () => {
    const name = await containers.start('removed', numberedPrinter(50));
    const sub = subscribe({ containerIds: [name], tail: 1 });
    await until(() => numbers(sub.lines()).length >= 3, 'a few lines');
    await dockerCli(['rm', '-f', name]);
    await until(sub.ended, 'the stream to end', 10_000);
    expect(sub.error()).toBeUndefined();
    expect(sub.events.at(-1)).toMatchObject({ event: 'detached', reason: 'removed', container: name });
  });

  it('delivers hostile bytes sanitised: escapes, NUL, invalid UTF-8, a 1 MB line, a TTY container', async () => {
    const script = [
      'import sys, time',
      'w = sys.stdout.buffer.write',
      "w(b'\\x1b[31mred\\x1b[0m \\x1b]0;title\\x07NUL\\x00here \\xff\\xfe bad \\xe2\\x82\\xac ok\\n')",
      "w(b'x' * 1000000 + b'\\n')",
      "w(b'after\\n')",
      'sys.stdout.flush()',
      'time.sleep(600)',
    ].join('\n');
    const [plain, tty] = await Promise.all([containers.start('hostile', script), containers.start('tty', script, { tty: true })]);
    await Promise.all([waitForLine(plain, 'after'), waitForLine(tty, 'after')]);
    for (const name of [plain, tty]) {
      // Docker's tail counts its 16 KiB pieces, so ask for enough to include the first line.
      const sub = subscribe({ containerIds: [name], tail: 1000, follow: false });
      await sub.done;
      const lines = sub.lines();
      expect(lines.map((l) => l.text.slice(0, 40)).slice(0, 2), name).toEqual(['red NULhere \ufffd\ufffd bad € ok', 'x'.repeat(40)]);
      expect(lines[0]?.text, name).toBe('red NULhere \ufffd\ufffd bad € ok');
      expect(lines.at(-1)?.text, name).toBe('after');
      const long = lines.find((l) => l.truncated === true);
      expect(long?.text.startsWith('x'.repeat(1000)), name).toBe(true);
      expect(long?.text.length, name).toBeLessThanOrEqual(16 * 1024);
      // eslint-disable-next-line no-control-regex
      for (const line of lines) expect(line.text).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
      if (name === plain) expect(lines).toHaveLength(3); // non-TTY: Docker's 16 KiB pieces are joined into one line
    }
  });

  it('stops the Docker request when cancelled: the stream ends at once and no socket stays open', async () => {
    const name = await containers.start('cancel', numberedPrinter(5));
    const baseline = sshdSockets(sshd.pid);
    const sub = subscribe({ containerIds: [name], tail: 1 });
    await until(() => numbers(sub.lines()).length >= 5, 'lines');
    expect(sshdSockets(sshd.pid)).toBeGreaterThan(baseline);
    const cancelledAt = Date.now();
    sub.controller.abort();
    await sub.done;
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    await until(() => sshdSockets(sshd.pid) <= baseline, 'sshd to close the forwarded Docker sockets', 5000);
  });

  it('goes through the router as the window gets it: events valid against the contract, NOT_FOUND as error data', async () => {
    const logs = createLogsService({ connections: { docker: async () => ({ docker: remote.docker, streaming: remote.streaming, where: 'on the lab' }) } });
    const router = createRouter({ contract: logsContract, handlers: { 'logs.tail': (input, ctx) => logs.tail(input, ctx.signal) }, validateOutput: true });
    const read = (containerIds: string[]) =>
      new Promise<{ events: LogsEvent[]; error: AppErrorData | null }>((resolve) => {
        const events: LogsEvent[] = [];
        router.subscribe('logs.tail', { hostId: 'lab', containerIds, tail: 3, follow: false }, { owner: 't', id: containerIds.join() }, {
          events: (batch) => events.push(...(batch as LogsEvent[])),
          end: (error) => resolve({ events, error }),
        });
      });
    const name = await containers.start('router', countTo(5, 'r', "print('\\x1b[1mERROR\\x1b[0m: bold', flush=True)\ntime.sleep(600)"));
    await waitForLine(name, 'bold');
    const ok = await read([name]);
    expect(ok.error).toBeNull();
    expect(ok.events.flatMap((e) => (e.event === 'lines' ? e.lines.map((l) => [l.text, l.level]) : []))).toEqual([
      ['r 4', 'unknown'],
      ['r 5', 'unknown'],
      ['ERROR: bold', 'error'],
    ]);
    const missing = `hangar-logs-${process.pid}-missing`;
    const failed = await read([name, missing]);
    expect(failed.events).toEqual([]);
    expect(failed.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(failed.error?.message).toContain(`"${missing}"`);
  });
});

/** Unix sockets held by sshd's session processes: one per forwarded Docker connection. */
function sshdSockets(listenerPid: number): number {
  const children = execFileSync('pgrep', ['-P', String(listenerPid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  const grandchildren = children.flatMap((pid) => {
    try {
      return execFileSync('pgrep', ['-P', pid], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    } catch {
      return [];
    }
  });
  let count = 0;
  for (const pid of [...children, ...grandchildren]) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) count += 1;
    } catch {
      // the process exited meanwhile
    }
  }
  return count;
}
