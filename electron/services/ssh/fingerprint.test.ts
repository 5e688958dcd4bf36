import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyBlobAlgorithm, sha256Fingerprint } from './fingerprint';

describe('sha256Fingerprint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hangar-fp-'));
  const cases: [string, string[], string][] = [
    ['ed25519', ['-t', 'ed25519'], 'ssh-ed25519'],
    ['ecdsa', ['-t', 'ecdsa', '-b', '384'], 'ecdsa-sha2-nistp384'],
    ['rsa', ['-t', 'rsa', '-b', '2048'], 'ssh-rsa'],
  ];
  it.each(cases)('equals what ssh-keygen -lf prints for a %s key', (name, args, type) => {
    const path = join(dir, name);
    execFileSync('ssh-keygen', ['-q', ...args, '-N', '', '-f', path]);
    const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${path}.pub`], { encoding: 'utf8' }).split(' ')[1];
    const blob = Buffer.from(readFileSync(`${path}.pub`, 'utf8').split(' ')[1]!, 'base64');
    expect(sha256Fingerprint(blob)).toBe(printed);
    expect(sha256Fingerprint(blob)).not.toContain('=');
    expect(keyBlobAlgorithm(blob)).toBe(type);
  });

  it('does not trust garbage as a key type', () => {
    expect(keyBlobAlgorithm(Buffer.from([0, 0, 0, 200, 1]))).toBeUndefined();
    expect(keyBlobAlgorithm(Buffer.alloc(2))).toBeUndefined();
  });
});
