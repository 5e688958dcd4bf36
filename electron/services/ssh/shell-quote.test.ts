import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { buildCommand, shellQuote } from './shell-quote';

/** Runs the built command through a real /bin/sh and returns the words it received. */
function wordsSeenByShell(argv: string[]): string[] {
  const command = buildCommand(['printf', '%s\\0', ...argv]);
  return execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('shell quoting', () => {
  it('delivers hostile arguments to the remote shell unchanged', () => {
    const nasty = [
      "it's",
      '$(touch /tmp/pwned)',
      '`id`',
      'a b\tc',
      'line1\nline2',
      '*',
      '; rm -rf ~',
      '"double"',
      '\\',
      '',
      '-n',
      '$HOME',
      "''",
    ];
    expect(wordsSeenByShell(nasty)).toEqual(nasty);
  });

  it('leaves plainly safe words bare so commands stay readable in logs', () => {
    expect(buildCommand(['docker', 'compose', '-f', '/opt/plane/docker-compose.yaml', 'ps', '--format', 'json'])).toBe(
      'docker compose -f /opt/plane/docker-compose.yaml ps --format json',
    );
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });

  it('refuses a program that is not a plain name and arguments with NUL', () => {
    for (const argv of [[], ['docker ps'], ['-rf'], ['$(id)'], ['docker', 'a\0b']]) {
      expect(() => buildCommand(argv)).toThrow();
      try {
        buildCommand(argv);
      } catch (error) {
        expect(isAppError(error, 'INVALID_INPUT')).toBe(true);
      }
    }
  });
});
