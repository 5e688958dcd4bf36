import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { sha256Fingerprint } from './fingerprint';
import { createKnownHosts } from './known-hosts';

const keys = mkdtempSync(join(tmpdir(), 'hangar-khk-'));
const makeKey = (name: string) => {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keys, name)]);
  const line = readFileSync(join(keys, `${name}.pub`), 'utf8')
    .split(' ')
    .slice(0, 2)
    .join(' ');
  return { line, blob: Buffer.from(line.split(' ')[1]!, 'base64') };
};
const oldKey = makeKey('old');
const newKey = makeKey('new');

function setup(knownHostsText = '') {
  const dataDir = mkdtempSync(join(tmpdir(), 'hangar-khd-'));
  const file = join(dataDir, 'openssh_known_hosts');
  writeFileSync(file, knownHostsText);
  let clock = new Date('2025-03-01T10:00:00Z');
  const knownHosts = createKnownHosts({ dataDir, knownHostsFiles: [file], now: () => clock });
  return { knownHosts, dataDir, advance: (iso: string) => (clock = new Date(iso)) };
}

describe('createKnownHosts', () => {
  it('asks about an unknown key, then trusts it after trust(), remembering the date', async () => {
    const { knownHosts, dataDir } = setup();
    expect(await knownHosts.check('plane.example', 22, oldKey.blob)).toMatchObject({
      status: 'unknown',
      algorithm: 'ssh-ed25519',
      fingerprint: sha256Fingerprint(oldKey.blob),
    });
    await knownHosts.trust('plane.example', 22, oldKey.blob);
    expect(await knownHosts.check('PLANE.example', 22, oldKey.blob)).toMatchObject({ status: 'trusted' });
    expect(await knownHosts.check('plane.example', 2222, oldKey.blob)).toMatchObject({ status: 'unknown' });
    expect(readFileSync(join(dataDir, 'known-hosts.json'), 'utf8')).toContain('2025-03-01T10:00:00.000Z');
  });

  it('refuses a changed key with both fingerprints and the date the old one was trusted', async () => {
    const { knownHosts } = setup();
    await knownHosts.trust('plane.example', 22, oldKey.blob);
    const decision = await knownHosts.check('plane.example', 22, newKey.blob);
    expect(decision).toEqual({
      status: 'changed',
      algorithm: 'ssh-ed25519',
      fingerprint: sha256Fingerprint(newKey.blob),
      previousFingerprint: sha256Fingerprint(oldKey.blob),
      previousTrustedAt: '2025-03-01T10:00:00.000Z',
      previousSource: 'Hangar',
    });
    await expect(knownHosts.trust('plane.example', 22, newKey.blob)).rejects.toSatisfy((e) => isAppError(e, 'SSH_HOST_KEY_MISMATCH'));
  });

  it('honours ~/.ssh/known_hosts: its key is trusted, a different one is "changed" citing the line', async () => {
    const { knownHosts } = setup(`# mine\n[10.1.1.1]:2222 ${oldKey.line}\n`);
    expect(await knownHosts.check('10.1.1.1', 2222, oldKey.blob)).toMatchObject({ status: 'trusted' });
    const decision = await knownHosts.check('10.1.1.1', 2222, newKey.blob);
    expect(decision).toMatchObject({ status: 'changed', previousFingerprint: sha256Fingerprint(oldKey.blob) });
    expect(decision.status === 'changed' && decision.previousSource).toMatch(/line 2$/);
  });

  it('replaces a changed key only when the user confirms the fingerprint that was shown', async () => {
    const { knownHosts, advance } = setup();
    await knownHosts.trust('plane.example', 22, oldKey.blob);
    await knownHosts.check('plane.example', 22, newKey.blob);
    await expect(knownHosts.replace('plane.example', 22, sha256Fingerprint(oldKey.blob))).rejects.toSatisfy((e) =>
      isAppError(e, 'SSH_HOST_KEY_UNKNOWN'),
    );
    advance('2025-04-02T08:00:00Z');
    await knownHosts.replace('plane.example', 22, sha256Fingerprint(newKey.blob));
    expect(await knownHosts.check('plane.example', 22, newKey.blob)).toMatchObject({ status: 'trusted' });
    expect(await knownHosts.check('plane.example', 22, oldKey.blob)).toMatchObject({
      status: 'changed',
      previousTrustedAt: '2025-04-02T08:00:00.000Z',
    });
  });

  it('refuses a key marked @revoked even if Hangar trusted it', async () => {
    const { knownHosts } = setup(`@revoked plane.example ${oldKey.line}\n`);
    expect(await knownHosts.check('plane.example', 22, oldKey.blob)).toMatchObject({ status: 'revoked' });
  });

  it('survives a malformed known_hosts line and reports it', async () => {
    const { knownHosts } = setup(`garbage\nplane.example ${oldKey.line}\n`);
    expect(await knownHosts.check('plane.example', 22, oldKey.blob)).toMatchObject({ status: 'trusted' });
    const [report] = await knownHosts.reports();
    expect(report?.issues).toEqual([expect.objectContaining({ line: 1, kind: 'malformed' })]);
  });
});
