import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findingSchema } from '../../../shared/schemas/env';
import type { CliIo } from '../command';
import { envCheckCommand } from './env-check';

const fixtures = join(import.meta.dirname, '../../../shared/plane/fixtures');
const root = mkdtempSync(join(tmpdir(), 'hangar-env-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A plane-app directory as setup.sh leaves it. */
function communityDir(version: string): string {
  const dir = join(root, `plane-app-${version}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(fixtures, `plane/${version}/variables.env`), join(dir, 'plane.env'));
  copyFileSync(join(fixtures, `plane/${version}/docker-compose.yml`), join(dir, 'docker-compose.yaml'));
  return dir;
}

function splitDir(liveSecret: string): string {
  const dir = mkdtempSync(join(root, 'split-'));
  writeFileSync(
    join(dir, '.env.api'),
    'WEB_URL=https://plane.example.com\nCORS_ALLOWED_ORIGINS=https://plane.example.com\nAPI_BASE_URL=https://plane-api.example.com\nSECRET_KEY=Qm9uZC4gSmFtZXMgQm9uZC4gU2hha2VuLCBub3Qgc3RpcnJlZC4gMDA3IGFnZW50\nSESSION_COOKIE_SECURE=1\nCSRF_COOKIE_SECURE=1\n',
  );
  writeFileSync(join(dir, '.env.frontend'), 'VITE_API_BASE_URL=https://plane-api.example.com\n');
  writeFileSync(
    join(dir, '.env.live'),
    `LIVE_SERVER_SECRET_KEY=${liveSecret}\nAPI_BASE_URL=http://plane-api:8000\nALLOWED_ORIGINS=https://plane.example.com\n`,
  );
  return dir;
}

async function run(args: string[], cwd = root): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {}, cwd, signal: new AbortController().signal };
  const code = await envCheckCommand.run(args, io);
  return { code, out, err };
}

describe('hangar env check', () => {
  it('is the `env check` command', () => {
    expect(envCheckCommand.path).toEqual(['env', 'check']);
  });

  it('finds the shipped secrets in a stock v1.3.1 plane-app directory and exits 1', async () => {
    const { code, out } = await run([communityDir('v1.3.1')]);
    expect(code).toBe(1);
    expect(out).toContain('community layout (found plane.env)');
    expect(out).toMatch(/error\s+secret-key-default {2}\[SECRET_KEY\] {2}\S*plane\.env:57/);
    expect(out).toContain('Fix: Generate a new SECRET_KEY');
    expect(out).toMatch(/2 errors, \d+ warnings/);
  });

  it('prints exactly one JSON document with --json', async () => {
    const { code, out } = await run([communityDir('v1.3.1'), '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(out) as { layout: string; compose: string; findings: unknown[]; counts: { error: number } };
    expect(doc.layout).toBe('community');
    expect(doc.compose).toMatch(/docker-compose\.yaml$/);
    expect(doc.findings.every((f) => findingSchema.safeParse(f).success)).toBe(true);
    expect(doc.findings.map((f) => (f as { ruleId: string }).ruleId)).toContain('live-secret-known-default');
    expect(doc.counts.error).toBe(2);
  });

  it('detects the split layout from file names and exits 0 when it is right', async () => {
    const dir = splitDir('Qm9uZC4gSmFtZXMgQm9uZC4gU2hha2VuLCBub3Qgc3RpcnJlZC4gMDA3IGFnZW50');
    const { code, out } = await run([join(dir, '.env.api'), join(dir, '.env.frontend'), join(dir, '.env.live')]);
    expect(out).toContain('split layout');
    expect(out).toContain('0 errors, 0 warnings, 0 info');
    expect(code).toBe(0);
  });

  it('reports a live secret that differs from the API in the split layout', async () => {
    const { code, out } = await run([splitDir('something-else'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out).findings).toEqual([
      expect.objectContaining({ ruleId: 'split-live-secret', file: expect.stringMatching(/\.env\.live$/), line: 1 }),
    ]);
  });

  it('recognises a Dokploy directory (.env beside the template compose)', async () => {
    const dir = join(root, 'dokploy-code');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(fixtures, 'dokploy-plane/.env'), join(dir, '.env'));
    copyFileSync(join(fixtures, 'dokploy-plane/docker-compose.yml'), join(dir, 'docker-compose.yml'));
    const { code, out } = await run(['dokploy-code', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { layout: string; findings: { ruleId: string }[] };
    expect(doc.layout).toBe('dokploy');
    expect(doc.findings.map((f) => f.ruleId)).toEqual(['dokploy-managed-files']);
  });

  it('honours --layout over detection and --version for version-bound rules', async () => {
    const dir = mkdtempSync(join(root, 'any-'));
    writeFileSync(join(dir, 'custom.env'), readFileSync(join(fixtures, 'plane/v1.3.1/variables.env')));
    const { code, out } = await run([join(dir, 'custom.env'), '--layout=community', '--version', 'v1.0.0', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('live-secret-known-default');
  });

  it.each([
    [[], 'at least one env file'],
    [['--layout', 'swarm', '.'], 'layout'],
    [['--frobnicate', '.'], 'Unknown option --frobnicate'],
    [['--version', 'stable', '.'], 'like v1.3.1'],
  ])('exits 2 with usage on %j', async (args, text) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toContain(text);
    expect(err).toContain('Usage: hangar env check');
  });

  it('exits 2 with a plain sentence for a path that does not exist', async () => {
    const { code, err } = await run(['/nonexistent/plane-app']);
    expect(code).toBe(2);
    expect(err).toContain('/nonexistent/plane-app does not exist');
  });

  it('exits 2 when the layout cannot be told from the names', async () => {
    const dir = mkdtempSync(join(root, 'odd-'));
    writeFileSync(join(dir, 'settings.txt'), 'A=1\n');
    const { code, err } = await run([join(dir, 'settings.txt')]);
    expect(code).toBe(2);
    expect(err).toContain('--layout');
  });
});
