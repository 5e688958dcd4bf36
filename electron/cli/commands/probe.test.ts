import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { probeReportSchema } from '../../../shared/schemas/probe';
import { freePort } from '../../services/probes/test-peers/child-process';
import type { CliIo } from '../command';
import { parseResolve, probeCommand } from './probe';

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    env: {},
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  return io;
}

async function usageError(argv: string[]): Promise<string> {
  try {
    await probeCommand.run(argv, captureIo());
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT') && error.details?.usage === true) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('hangar probe', () => {
  it('reads --resolve as host and address, IPv6 bracketed or not', () => {
    expect(parseResolve('plane.lab.test:127.0.0.1')).toEqual({ host: 'plane.lab.test', address: '127.0.0.1' });
    expect(parseResolve('plane.lab.test:[::1]')).toEqual({ host: 'plane.lab.test', address: '::1' });
  });

  it('refuses to run without --url, with a bad layout or a bad URL, naming the option', async () => {
    expect(await usageError([])).toMatch(/--url is required/);
    expect(await usageError(['--url', 'https://plane.example.com', '--layout', 'swarm'])).toMatch(
      /--layout must be community, split or dokploy/,
    );
    expect(await usageError(['--url', 'plane.example.com'])).toMatch(/is not an absolute URL/);
    expect(await usageError(['--url', 'https://x.test', '--resolve', 'x.test:not-an-ip'])).toMatch(/IPv4 or IPv6/);
  });

  it('exits 1 and prints a valid JSON report when the deployment does not answer', async () => {
    const port = await freePort();
    const io = captureIo();
    const code = await probeCommand.run(
      ['--url', `http://plane.lab.test:${port}`, '--resolve', 'plane.lab.test:127.0.0.1', '--json', '--timeout', '1000'],
      io,
    );
    expect(code).toBe(1);
    const report = probeReportSchema.parse(JSON.parse(io.out));
    expect(report.findings.find((f) => f.id === 'reach.web')).toMatchObject({
      status: 'fail',
      explanation: expect.stringMatching(/Connection refused/),
    });
    expect(report.findings.find((f) => f.id === 'reach.web')?.evidence?.curl).toContain(`--resolve plane.lab.test:${port}:127.0.0.1`);
  });

  it('prints failures with their fix in text mode', async () => {
    const port = await freePort();
    const io = captureIo();
    await probeCommand.run(['--url', `http://127.0.0.1:${port}`, '--timeout', '1000'], io);
    expect(io.out).toMatch(/FAIL {2}127\.0\.0\.1:\d+ is unreachable {2}\[reach\.web\]/);
    expect(io.out).toMatch(/Fix: Check that the proxy container runs/);
  });
});
