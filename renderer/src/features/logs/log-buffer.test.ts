import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/schemas/logs';
import { LogBuffer, timeKey, type LogEntry } from './log-buffer';

const line = (container: string, second: number, text = `${container}@${second}`, fraction = ''): LogLine => ({
  containerId: container,
  container,
  stream: 'stdout',
  ts: `2025-01-01T12:00:${String(second).padStart(2, '0')}${fraction}Z`,
  text,
  level: 'info',
});

const texts = (entries: readonly LogEntry[]): string[] => entries.map((e) => (e.kind === 'line' ? e.line.text : `[${e.text}]`));

describe('timeKey', () => {
  it('orders Docker timestamps whose fractions have different lengths (trailing zeros dropped)', () => {
    const a = '2025-01-01T12:00:05.1Z';
    const b = '2025-01-01T12:00:05.15Z';
    const c = '2025-01-01T12:00:05.123456789Z';
    expect(a < b).toBe(false); // the trap: as strings, .1 sorts after .15
    expect([timeKey(b), timeKey(c), timeKey(a)].sort()).toEqual([timeKey(a), timeKey(c), timeKey(b)]);
    expect(timeKey('2025-01-01T12:00:05Z')).toBe('2025-01-01T12:00:05.000000000Z');
  });

  it('reads offsets other than Z as the same instant in UTC, and sorts garbage first', () => {
    expect(timeKey('2025-01-01T13:00:05.5+01:00')).toBe(timeKey('2025-01-01T12:00:05.5Z'));
    expect(timeKey('yesterday') < timeKey('1970-01-01T00:00:00Z')).toBe(true);
  });
});

describe('LogBuffer', () => {
  it('merges two containers in time order whatever order the batches arrive in', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('a', 1), line('a', 3), line('a', 5)]);
    const change = buffer.addLines([line('b', 2), line('b', 4), line('b', 6)]);
    expect(texts(buffer.entries())).toEqual(['a@1', 'b@2', 'a@3', 'b@4', 'a@5', 'b@6']);
    expect(change.from).toBe(1); // a@1 did not move
  });

  it('keeps arrival order for lines with the same timestamp', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('a', 1, 'first'), line('a', 1, 'second')]);
    buffer.addLines([line('b', 1, 'third')]);
    expect(texts(buffer.entries())).toEqual(['first', 'second', 'third']);
  });

  it('appends a newer batch without moving anything', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('a', 1), line('a', 2)]);
    const change = buffer.addLines([line('a', 3)]);
    expect(change).toMatchObject({ from: 2, dropped: [] });
  });

  it('drops the oldest lines when full, in chunks, and counts them', () => {
    const buffer = new LogBuffer(10);
    for (let s = 0; s < 10; s++) buffer.addLines([line('a', s)]);
    expect(buffer.size).toBe(10);
    const change = buffer.addLines([line('a', 10)]);
    expect(texts(change.dropped)).toEqual(['a@0', 'a@1']);
    expect(buffer.size).toBe(9);
    expect(texts(buffer.entries())[0]).toBe('a@2');
    expect(buffer.droppedTotal).toBe(2);
    expect(change.from).toBe(8); // the new line's index after the drop
  });

  it('places a mark after everything held, and later lines after it', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('a', 1), line('a', 2)]);
    buffer.addMark({ containerId: 'a', text: 'a exited', tone: 'quiet' });
    buffer.addLines([line('a', 9)]);
    expect(texts(buffer.entries())).toEqual(['a@1', 'a@2', '[a exited]', 'a@9']);
  });

  it('clear empties it and resets the drop count', () => {
    const buffer = new LogBuffer(10);
    for (let s = 0; s < 12; s++) buffer.addLines([line('a', s)]);
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.droppedTotal).toBe(0);
    expect(buffer.last()).toBeUndefined();
  });
});
