import { describe, expect, it } from 'vitest';
import type { LogLevel } from '../schemas/logs';
import { compileLogFilter, parseSlashRegex, type LogFilterSpec } from './log-filter';

const line = (text: string, level: LogLevel = 'info', ts = '2024-05-01T12:00:00.000000000Z') => ({ text, level, ts });
const lines = [
  line('GET /api/instances/ 200', 'info', '2024-05-01T12:00:00.000000000Z'),
  line('ERROR: relation "db_workspace" does not exist', 'error', '2024-05-01T12:00:01.000000000Z'),
  line('Worker timeout (pid:7)', 'warn', '2024-05-01T12:00:02.000000000Z'),
  line('celery beat v5.3 is starting.', 'unknown', '2024-05-01T12:00:03.000000000Z'),
];

function kept(spec: LogFilterSpec): string[] {
  const filter = compileLogFilter(spec);
  if (!filter.ok) throw new Error(filter.error);
  return lines.filter((l) => filter.test(l)).map((l) => l.text);
}

describe('compileLogFilter', () => {
  it('keeps every line without conditions, and says it is inactive', () => {
    const filter = compileLogFilter({});
    expect(filter.ok && filter.active).toBe(false);
    expect(kept({})).toHaveLength(4);
  });

  it('matches literal text ignoring case by default', () => {
    expect(kept({ text: 'error' })).toEqual(['ERROR: relation "db_workspace" does not exist']);
    expect(kept({ text: 'error', caseSensitive: true })).toEqual([]);
    expect(kept({ text: '(pid' })).toEqual(['Worker timeout (pid:7)']);
  });

  it('treats /source/flags as a regular expression when regex is not set (the CLI form)', () => {
    expect(kept({ text: '/^(GET|POST) .* 2\\d\\d$/' })).toEqual(['GET /api/instances/ 200']);
    expect(kept({ text: '/worker/' })).toEqual([]);
    expect(kept({ text: '/worker/i' })).toEqual(['Worker timeout (pid:7)']);
  });

  it('keeps a path that merely looks like slashes literal', () => {
    expect(kept({ text: '/api/instances/' })).toEqual(['GET /api/instances/ 200']);
    expect(parseSlashRegex('/api/users')).toBeUndefined();
  });

  it('takes the text as a regex source with regex: true, and never with regex: false', () => {
    expect(kept({ text: 'v\\d\\.\\d', regex: true })).toEqual(['celery beat v5.3 is starting.']);
    expect(kept({ text: 'WORKER', regex: true })).toEqual(['Worker timeout (pid:7)']);
    expect(kept({ text: 'WORKER', regex: true, caseSensitive: true })).toEqual([]);
    expect(kept({ text: '/worker/i', regex: false })).toEqual([]);
  });

  it('explains an invalid regular expression instead of throwing', () => {
    const filter = compileLogFilter({ text: '(unclosed', regex: true });
    expect(filter.ok).toBe(false);
    if (!filter.ok) {
      expect(filter.error).toContain('/(unclosed/ is not valid');
      expect(filter.error).toContain('Unterminated group');
      expect(filter.error).toContain('switch regular expressions off');
    }
    const sticky = compileLogFilter({ text: '/a/y' });
    expect(!sticky.ok && sticky.error).toContain('flag "y"');
  });

  it('keeps only the chosen levels (unknown only when listed)', () => {
    expect(kept({ levels: ['error', 'warn'] })).toEqual(['ERROR: relation "db_workspace" does not exist', 'Worker timeout (pid:7)']);
    expect(kept({ levels: ['unknown'] })).toEqual(['celery beat v5.3 is starting.']);
    expect(kept({ levels: [] })).toHaveLength(4);
  });

  it('keeps an inclusive time range at nanosecond precision, whatever the offset notation', () => {
    expect(kept({ since: '2024-05-01T12:00:01Z', until: '2024-05-01T12:00:02.000000000Z' })).toEqual([
      'ERROR: relation "db_workspace" does not exist',
      'Worker timeout (pid:7)',
    ]);
    expect(kept({ since: '2024-05-01T14:00:01.000000001+02:00' })).toEqual(['Worker timeout (pid:7)', 'celery beat v5.3 is starting.']);
  });

  it('refuses a time that is not one, and a range that runs backwards', () => {
    const bad = compileLogFilter({ since: 'yesterday' });
    expect(!bad.ok && bad.error).toBe('The start time "yesterday" is not a date and time with a zone, e.g. 2024-05-01T12:00:00Z.');
    const backwards = compileLogFilter({ since: '2024-05-02T00:00:00Z', until: '2024-05-01T00:00:00Z' });
    expect(!backwards.ok && backwards.error).toContain('after the end time');
  });

  it('combines conditions (all must hold)', () => {
    expect(kept({ text: 'e', levels: ['warn'] })).toEqual(['Worker timeout (pid:7)']);
  });

  it('gives match ranges for highlighting, for text and regex, without looping on empty matches', () => {
    const literal = compileLogFilter({ text: 'ab' });
    expect(literal.ok && literal.ranges('xABxab')).toEqual([
      [1, 3],
      [4, 6],
    ]);
    const regex = compileLogFilter({ text: '/\\d+/' });
    expect(regex.ok && regex.ranges('a1b22c333')).toEqual([
      [1, 2],
      [3, 5],
      [6, 9],
    ]);
    const empty = compileLogFilter({ text: '/x*/' });
    expect(empty.ok && empty.ranges('axxb')).toEqual([[1, 3]]);
    expect(literal.ok && literal.ranges('ab'.repeat(500), 10)).toHaveLength(10);
  });
});
