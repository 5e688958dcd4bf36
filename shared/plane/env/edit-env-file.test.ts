import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { removeKey, serializeEnvFile, setValue } from './edit-env-file';
import { parseEnvFile } from './parse-env-file';
import { resolveEnvFile } from './resolve-env-file';

function changedLines(before: string, after: string): { before: string[]; after: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { before: a.filter((l) => !b.includes(l)), after: b.filter((l) => !a.includes(l)) };
}

const env = fixture('plane v1.3.1').envText;
const db = new Set([
  'PGHOST',
  'PGDATABASE',
  'POSTGRES_USER',
  'POSTGRES_PASSWORD',
  'POSTGRES_DB',
  'POSTGRES_PORT',
  'PGDATA',
  'DATABASE_URL',
]);
const groupOf = (key: string): string | undefined => (db.has(key) || key === 'POSTGRES_SSLMODE' ? 'database' : undefined);

describe('setValue', () => {
  it('changes exactly one line of the real variables.env', () => {
    const after = serializeEnvFile(setValue(parseEnvFile(env), 'SECRET_KEY', 'n3w-s3cret'));
    expect(changedLines(env, after)).toEqual({
      before: ['SECRET_KEY=60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5'],
      after: ['SECRET_KEY=n3w-s3cret'],
    });
    expect(after.length - env.length).toBe('n3w-s3cret'.length - '60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5'.length);
  });

  it('keeps export, spacing, quote style and the inline comment', () => {
    const doc = setValue(parseEnvFile("export  A = 'old' # why\nB=1\n"), 'A', 'new');
    expect(serializeEnvFile(doc)).toBe("export  A = 'new' # why\nB=1\n");
  });

  it('quotes values that would change meaning unquoted, so Compose reads the literal back', () => {
    const cases = [
      'p@ss word',
      'has # hash',
      'dollar$sign',
      "it's",
      'back\\slash',
      'line\nbreak',
      ' lead',
      'trail ',
      '"quoted"',
      '#start',
      '',
    ];
    for (const value of cases) {
      const doc = setValue(parseEnvFile('A=old # c\nB=${A}\n'), 'A', value);
      expect(resolveEnvFile(doc).values.get('A'), JSON.stringify(value)).toBe(value);
      expect(doc.diagnostics, JSON.stringify(value)).toEqual([]);
      expect(serializeEnvFile(doc).endsWith(' # c\nB=${A}\n')).toBe(true);
    }
  });

  it('writes $ in single quotes (read the same by Compose v1 and v2)', () => {
    expect(serializeEnvFile(setValue(parseEnvFile('A=x\n'), 'A', 'a$b'))).toBe("A='a$b'\n");
  });

  it('edits the effective (last) occurrence of a duplicated key', () => {
    expect(serializeEnvFile(setValue(parseEnvFile('A=1\nA=2\n'), 'A', '3'))).toBe('A=1\nA=3\n');
  });

  it('adds a new key after the last key of its schema group', () => {
    const after = serializeEnvFile(setValue(parseEnvFile(env), 'POSTGRES_SSLMODE', 'require', { groupOf }));
    const lines = after.split('\n');
    expect(lines[lines.indexOf('DATABASE_URL=') + 1]).toBe('POSTGRES_SSLMODE=require');
    expect(changedLines(env, after)).toEqual({ before: [], after: ['POSTGRES_SSLMODE=require'] });
  });

  it('adds an unknown key at the end, keeping CRLF and a missing final newline', () => {
    expect(serializeEnvFile(setValue(parseEnvFile('A=1\r\nB=2'), 'C', '3'))).toBe('A=1\r\nB=2\r\nC=3');
    expect(serializeEnvFile(setValue(parseEnvFile('A=1\n'), 'C', '3'))).toBe('A=1\nC=3\n');
    expect(serializeEnvFile(setValue(parseEnvFile(''), 'C', '3'))).toBe('C=3\n');
  });

  it('gives a KEY-only line its value', () => {
    expect(serializeEnvFile(setValue(parseEnvFile('A\n'), 'A', 'v'))).toBe('A=v\n');
  });

  it('avoids a quote that an unclosed quote above would pair with, and says so when impossible', () => {
    expect(serializeEnvFile(setValue(parseEnvFile("B='open\nK=x\n"), 'K', 'a$b'))).toBe(`B='open\nK="a$$b"\n`);
    expect(() => setValue(parseEnvFile("B='open\nK=x\n"), 'K', "it's # x")).toThrow(/line 1 has an unclosed quote/);
  });

  it('refuses a key Compose could never substitute', () => {
    expect(() => setValue(parseEnvFile(''), 'BAD-KEY', 'x')).toThrow(/letters, digits and '_'/);
  });
});

describe('removeKey', () => {
  it('removes every line of the key and nothing else', () => {
    expect(serializeEnvFile(removeKey(parseEnvFile('# c\nA=1\nB=2\nA=3\n'), 'A'))).toBe('# c\nB=2\n');
  });

  it('keeps a file without final newline that way', () => {
    expect(serializeEnvFile(removeKey(parseEnvFile('A=1\nB=2'), 'B'))).toBe('A=1');
  });

  it('returns the same document when the key is absent', () => {
    const doc = parseEnvFile('A=1\n');
    expect(removeKey(doc, 'Z')).toBe(doc);
  });
});
