import { describe, expect, it } from 'vitest';
import { compareLogTimestamps, formatLogClock, formatLogInstant, logTimestampMs, parseLogInstant, parseTimeSpec, toDockerTime } from './log-timestamp';

describe('log timestamps', () => {
  it('parses Docker timestamps to the nanosecond, and offsets to UTC', () => {
    expect(parseLogInstant('2024-05-01T12:00:00.123456789Z')).toEqual({ seconds: 1714564800, nanos: 123456789 });
    expect(parseLogInstant('2024-05-01T14:00:00.5+02:00')).toEqual({ seconds: 1714564800, nanos: 500000000 });
    expect(parseLogInstant('2024-05-01 12:00:00,250Z')).toEqual({ seconds: 1714564800, nanos: 250000000 });
    expect(parseLogInstant('2024-05-01T12:00:00')).toBeUndefined();
    expect(parseLogInstant('yesterday')).toBeUndefined();
  });

  it('orders timestamps that a Date cannot tell apart', () => {
    expect(compareLogTimestamps('2024-05-01T12:00:00.000000001Z', '2024-05-01T12:00:00.000000002Z')).toBeLessThan(0);
    expect(compareLogTimestamps('2024-05-01T12:00:00.000000002Z', '2024-05-01T12:00:00.000000002Z')).toBe(0);
    expect(compareLogTimestamps('2024-05-01T14:00:00.1+02:00', '2024-05-01T12:00:00.000000002Z')).toBeGreaterThan(0);
    expect(compareLogTimestamps('garbage', '2024-05-01T12:00:00Z')).toBeLessThan(0);
  });

  it('writes the since/until form Docker accepts (seconds.nanoseconds)', () => {
    expect(toDockerTime('2024-05-01T12:00:00.000000042Z')).toBe('1714564800.000000042');
    expect(toDockerTime('2024-05-01T12:00:00Z')).toBe('1714564800.000000000');
    expect(toDockerTime('nope')).toBeUndefined();
  });

  it('formats clocks and the canonical form', () => {
    expect(formatLogClock('2024-05-01T12:03:04.056789Z', { utc: true })).toBe('12:03:04.056');
    expect(formatLogClock('not a time')).toBe('not a time');
    expect(formatLogInstant({ seconds: 1714564800, nanos: 7 })).toBe('2024-05-01T12:00:00.000000007Z');
    expect(logTimestampMs('2024-05-01T12:00:00.999999999Z')).toBe(1714564800999);
  });

  it('reads durations back from now and ISO instants, like docker logs --since', () => {
    const now = new Date('2024-05-01T12:00:00.000Z');
    expect(parseTimeSpec('10m', now)).toBe('2024-05-01T11:50:00.000000000Z');
    expect(parseTimeSpec('1h30m', now)).toBe('2024-05-01T10:30:00.000000000Z');
    expect(parseTimeSpec('2d', now)).toBe('2024-04-29T12:00:00.000000000Z');
    expect(parseTimeSpec('2024-05-01T14:00:00+02:00', now)).toBe('2024-05-01T12:00:00.000000000Z');
    expect(parseTimeSpec('10 minutes', now)).toBeUndefined();
    expect(parseTimeSpec('-5m', now)).toBeUndefined();
  });
});
