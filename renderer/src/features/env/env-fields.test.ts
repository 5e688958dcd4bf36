import { describe, expect, it } from 'vitest';
import type { EnvLoadResult } from '../../../../shared/schemas/env-edit';
import { buildChanges, editFor } from './env-edits';
import { buildFields } from './env-fields';
import { validateValue } from './field-validation';
import { generateSecret } from './secret-generator';

const file = (
  name: string,
  role: 'api' | 'live' | 'env',
  entries: { key: string; value: string; secret?: boolean; reachesContainer?: boolean }[],
) => ({
  name,
  path: `/srv/${name}`,
  role,
  interpolation: role === 'env',
  usedBy: [],
  etag: 'a'.repeat(64),
  mode: 0o600,
  mtime: '',
  text: '',
  diagnostics: [],
  entries: entries.map((e, i) => ({
    key: e.key,
    line: i + 1,
    value: e.value,
    secret: e.secret ?? false,
    known: true,
    ...(e.reachesContainer !== undefined ? { reachesContainer: e.reachesContainer } : {}),
  })),
});
const deployment = (layout: 'community' | 'split', files: ReturnType<typeof file>[]): EnvLoadResult => ({
  deployment: {
    project: 'p',
    layout,
    workingDir: '/srv',
    composeFiles: [],
    envFiles: files,
    version: 'v1.3.1',
    dokployManaged: false,
    services: [],
  },
  files,
  findings: [],
  containerEnv: [],
});

describe('env form fields', () => {
  it('makes a secret that two files set one field, and one edit of it writes both files', () => {
    const data = deployment('split', [
      file('.env.api', 'api', [{ key: 'LIVE_SERVER_SECRET_KEY', value: '••••••••', secret: true }]),
      file('.env.live', 'live', [{ key: 'LIVE_SERVER_SECRET_KEY', value: '••••••••', secret: true }]),
    ]);
    const fields = buildFields(data).filter((f) => f.key === 'LIVE_SERVER_SECRET_KEY');
    expect(fields).toHaveLength(1);
    const edit = editFor(fields[0]!, 'new-secret');
    expect(buildChanges({ [fields[0]!.id]: edit! }, {})).toEqual([
      { kind: 'set', file: '.env.api', key: 'LIVE_SERVER_SECRET_KEY', value: 'new-secret' },
      { kind: 'set', file: '.env.live', key: 'LIVE_SERVER_SECRET_KEY', value: 'new-secret' },
    ]);
  });

  it('keeps unknown keys in their own section, flags keys no container receives, and offers absent schema keys', () => {
    const data = deployment('community', [
      file('plane.env', 'env', [
        { key: 'MY_CUSTOM', value: '1', reachesContainer: false },
        { key: 'WEB_URL', value: 'http://a' },
      ]),
    ]);
    const fields = buildFields(data);
    expect(fields.find((f) => f.key === 'MY_CUSTOM')).toMatchObject({ group: 'unknown', present: true, reachesContainer: false });
    expect(fields.find((f) => f.key === 'WEB_URL')).toMatchObject({ group: 'domains', present: true });
    expect(fields.find((f) => f.key === 'CORS_ALLOWED_ORIGINS')).toMatchObject({
      group: 'domains',
      present: false,
      targets: [{ file: 'plane.env' }],
    });
  });

  it('a raw text edit replaces the form edits of that file, never both', () => {
    const edits = { a: { key: 'A', files: ['plane.env'], value: '1' }, b: { key: 'B', files: ['other.env'], value: null } };
    expect(buildChanges(edits, { 'plane.env': 'A=2\n' })).toEqual([
      { kind: 'text', file: 'plane.env', text: 'A=2\n' },
      { kind: 'remove', file: 'other.env', key: 'B' },
    ]);
  });
});

describe('as-you-type checks', () => {
  const origin = { key: 'WEB_URL', type: 'origin' as const };
  it('refuses a trailing slash and a path in an origin with the plain sentence, accepts the bare origin', () => {
    expect(validateValue(origin, 'https://plane.example.com/')).toMatch(/trailing slash.*Remove the final '\/'/);
    expect(validateValue(origin, 'https://plane.example.com/app')).toMatch(/has a path/);
    expect(validateValue(origin, 'https://plane.example.com')).toBeNull();
    expect(validateValue({ key: 'CORS_ALLOWED_ORIGINS', type: 'origin-list' }, 'https://a.com, https://b.com/')).toMatch(
      /'https:\/\/b.com\/'.*trailing slash/,
    );
    expect(validateValue({ key: 'NGINX_PORT', type: 'port' }, '70000')).toMatch(/1 to 65535/);
  });
});

describe('secret generation', () => {
  it('uses the key’s length and alphabet, and differs each time', () => {
    const hex = generateSecret({ length: 40, alphabet: 'hex' });
    expect(hex).toMatch(/^[0-9a-f]{40}$/);
    const a = generateSecret({ length: 64, alphabet: 'alphanumeric' });
    expect(a).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(generateSecret({ length: 64, alphabet: 'alphanumeric' })).not.toBe(a);
  });

  it('rejects bytes that would bias the alphabet (no modulo bias)', () => {
    // 62 letters: bytes 248..255 must be skipped, so an all-255 source yields nothing until it changes.
    let calls = 0;
    const out = generateSecret({ length: 8, alphabet: 'alphanumeric' }, (b) => {
      b.fill(calls++ === 0 ? 255 : 0);
    });
    expect(out).toBe('AAAAAAAA');
    expect(calls).toBe(2);
  });
});
