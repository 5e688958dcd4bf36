import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { runCli } from '../index';
import { MAX_TAIL, parseLogsArgs } from './logs-args';

const now = new Date('2024-05-01T12:00:00.000Z');

function usageMessage(argv: string[]): string {
  try {
    parseLogsArgs(argv, now);
  } catch (error) {
    if (error instanceof AppError && error.details?.usage === true) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('hangar logs arguments', () => {
  it('reads targets, times, tail, follow, grep and levels', () => {
    const options = parseLogsArgs(['--host', 'lab', 'api', 'worker', '--since', '10m', '--until', '2024-05-01T11:59:00Z', '--tail', '50', '--follow', '--grep', '/timeout/i', '--level', 'error,Warning', '--json'], now);
    expect(options).toMatchObject({
      host: 'lab',
      targets: ['api', 'worker'],
      since: '2024-05-01T11:50:00.000000000Z',
      until: '2024-05-01T11:59:00.000000000Z',
      tail: 50,
      follow: true,
      json: true,
    });
    const t = '2024-05-01T11:55:00Z';
    expect(options.filter.test({ text: 'Worker TIMEOUT (pid:7)', level: 'warn', ts: t })).toBe(true);
    expect(options.filter.test({ text: 'Worker TIMEOUT (pid:7)', level: 'info', ts: t })).toBe(false);
    expect(options.filter.test({ text: 'booting', level: 'error', ts: t })).toBe(false);
  });

  it('defaults to the last 500 lines, and to the whole window with --since', () => {
    expect(parseLogsArgs(['--host', 'h', 'api'], now).tail).toBe(500);
    expect(parseLogsArgs(['--host', 'h', 'api', '--since', '1h'], now).tail).toBe(MAX_TAIL);
    expect(parseLogsArgs(['--host', 'h', 'api', '--tail', 'all'], now).tail).toBe(MAX_TAIL);
  });

  it('refuses bad input with a sentence that says what to type', () => {
    expect(usageMessage(['api'])).toBe('--host is required.');
    expect(usageMessage(['--host', 'h'])).toContain('Name at least one container');
    expect(usageMessage(['--host', 'h', 'api', '--since', 'yesterday'])).toContain("--since takes a duration back from now (90s, 10m, 2h, 1d) or a date and time with a zone");
    expect(usageMessage(['--host', 'h', 'api', '--tail', '-1'])).toContain('--tail takes a whole number from 0 to 100000');
    expect(usageMessage(['--host', 'h', 'api', '--level', 'error,loud'])).toContain("got 'loud'");
    expect(usageMessage(['--host', 'h', 'api', '--grep', '/(unclosed/'])).toContain('/(unclosed/ is not valid');
    expect(usageMessage(['--host', 'h', 'api', '--since', '1m', '--until', '2h'])).toContain('after the end time');
  });

  it('exits 2 with the usage through runCli, before connecting anywhere', async () => {
    let stderr = '';
    const code = await runCli(['logs', '--host', 'nowhere', 'api', '--tail', 'lots'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      env: {},
      cwd: '/',
      signal: new AbortController().signal,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: hangar logs');
  });
});
