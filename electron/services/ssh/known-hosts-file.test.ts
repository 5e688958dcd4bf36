import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryMatches, parseKnownHosts } from './known-hosts-file';

const dir = mkdtempSync(join(tmpdir(), 'hangar-kh-'));
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'k1')]);
execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', join(dir, 'k2')]);
const pub = (name: string) =>
  readFileSync(join(dir, `${name}.pub`), 'utf8')
    .split(' ')
    .slice(0, 2)
    .join(' ');

describe('parseKnownHosts', () => {
  it('matches plain names, [host]:port forms and pattern lists with negation', () => {
    const text = [`example.com,192.0.2.7 ${pub('k1')}`, `[example.com]:2222 ${pub('k2')}`, `*.lan,!secret.lan ${pub('k1')}`].join('\n');
    const { entries, issues } = parseKnownHosts(text);
    expect(issues).toEqual([]);
    const [plain, ported, wildcard] = entries;
    expect(entryMatches(plain!, 'EXAMPLE.com', 22)).toBe(true);
    expect(entryMatches(plain!, '192.0.2.7', 22)).toBe(true);
    expect(entryMatches(plain!, 'example.com', 2222)).toBe(false);
    expect(entryMatches(ported!, 'example.com', 2222)).toBe(true);
    expect(entryMatches(ported!, 'example.com', 22)).toBe(false);
    expect(entryMatches(wildcard!, 'nas.lan', 22)).toBe(true);
    expect(entryMatches(wildcard!, 'secret.lan', 22)).toBe(false);
  });

  it('matches hashed entries written by ssh-keygen -H, for port 22 and other ports', () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `plane.example.org ${pub('k1')}\n[10.0.0.5]:2200 ${pub('k2')}\n`);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', file], { stdio: 'ignore' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('plane.example.org');
    const { entries, issues } = parseKnownHosts(text);
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.hosts.kind)).toEqual(['hashed', 'hashed']);
    expect(entryMatches(entries[0]!, 'plane.example.org', 22)).toBe(true);
    expect(entryMatches(entries[0]!, 'other.example.org', 22)).toBe(false);
    expect(entryMatches(entries[1]!, '10.0.0.5', 2200)).toBe(true);
    expect(entryMatches(entries[1]!, '10.0.0.5', 22)).toBe(false);
  });

  it('reports malformed lines with their line number and keeps the good ones', () => {
    const text = [
      '# comment',
      `good.example ${pub('k1')}`,
      'broken-line-without-key',
      `bad64.example ssh-ed25519 !!!notbase64!!!`,
      `mismatch.example ssh-rsa ${pub('k1').split(' ')[1]}`,
      `|1|short|hash ${pub('k1')}`,
      `@whatever host ${pub('k1')}`,
    ].join('\n');
    const { entries, issues } = parseKnownHosts(text);
    expect(entries.map((e) => e.line)).toEqual([2]);
    expect(issues.map((i) => [i.line, i.kind])).toEqual([
      [3, 'malformed'],
      [4, 'malformed'],
      [5, 'malformed'],
      [6, 'malformed'],
      [7, 'malformed'],
    ]);
    expect(issues.find((i) => i.line === 5)?.message).toContain('"ssh-rsa" but the key is "ssh-ed25519"');
  });

  it('keeps @revoked keys as revoked and reports @cert-authority as unsupported', () => {
    const text = `@revoked bad.example ${pub('k1')}\n@cert-authority *.corp ${pub('k2')}\n`;
    const { entries, issues } = parseKnownHosts(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.revoked).toBe(true);
    expect(issues).toEqual([expect.objectContaining({ line: 2, kind: 'unsupported' })]);
  });
});
