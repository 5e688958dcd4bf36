import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/ipc/errors';
import type { CliCommand } from './command';
import { runCli } from './index';

const io = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), env: {}, cwd: '/', signal: new AbortController().signal },
  };
};

const failing = (error: AppError): CliCommand => ({ path: ['x'], summary: 's', usage: 'Usage: hangar x', run: async () => Promise.reject(error) });

describe('runCli', () => {
  it('prints both fingerprints when a host key changed', async () => {
    const { io: cliIo, out } = io();
    const error = new AppError('SSH_HOST_KEY_MISMATCH', 'The host key of root@h has changed since you trusted it.', {
      fingerprint: 'SHA256:new',
      previousFingerprint: 'SHA256:old',
      previousTrustedAt: '2025-03-12T09:30:00.000Z',
    });
    expect(await runCli(['x'], cliIo, [failing(error)])).toBe(1);
    expect(out.stderr).toContain('trusted key:   SHA256:old (trusted 2025-03-12T09:30:00.000Z)');
    expect(out.stderr).toContain('presented key: SHA256:new');
  });

  it('keeps stdout to one JSON document with --json, even for errors', async () => {
    const { io: cliIo, out } = io();
    expect(await runCli(['x', '--json'], cliIo, [failing(new AppError('SSH_TIMEOUT', 'timed out'))])).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({ error: { code: 'SSH_TIMEOUT', message: 'timed out' } });
  });

  it('exits 2 on an unknown command and lists the commands', async () => {
    const { io: cliIo, out } = io();
    expect(await runCli(['nope'], cliIo, [failing(new AppError('INTERNAL', ''))])).toBe(2);
    expect(out.stderr).toContain('Unknown command: hangar nope');
    expect(out.stderr).toContain('hangar x');
  });
});
