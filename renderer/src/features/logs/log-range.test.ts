import { describe, expect, it } from 'vitest';
import { aroundWindow, rangeFollows, rangeInput, rangeLabel, windowLabel } from './log-range';

describe('log ranges', () => {
  it('opens the window around a failure from 5 minutes before to 1 minute after, not following', () => {
    const window = aroundWindow('2025-03-04T12:06:30.000Z', 'the check');
    expect(window).toEqual({
      kind: 'window',
      from: '2025-03-04T12:01:30.000Z',
      to: '2025-03-04T12:07:30.000Z',
      around: '2025-03-04T12:06:30.000Z',
      reason: 'the check',
    });
    expect(rangeFollows(window!)).toBe(false);
    expect(rangeInput(window!, Date.parse('2025-03-04T13:00:00Z'), 50_000)).toEqual({
      since: '2025-03-04T12:01:30.000Z',
      until: '2025-03-04T12:07:30.000Z',
      tail: 50_000,
      follow: false,
    });
  });

  it('refuses an unreadable instant instead of asking for the epoch', () => {
    expect(aroundWindow('not a time')).toBeNull();
  });

  it('follows the live tail and "last N minutes", each asking from the right place', () => {
    const now = Date.parse('2025-03-04T12:00:00Z');
    expect(rangeInput({ kind: 'tail', lines: 500 }, now, 100_000)).toEqual({ tail: 500, follow: true });
    expect(rangeInput({ kind: 'tail', lines: 5000 }, now, 2500)).toEqual({ tail: 2500, follow: true });
    expect(rangeInput({ kind: 'recent', minutes: 15 }, now, 50_000)).toEqual({
      since: '2025-03-04T11:45:00.000Z',
      tail: 50_000,
      follow: true,
    });
    expect(rangeInput({ kind: 'window', from: '2025-03-04T11:00:00.000Z' }, now, 10)).toEqual({
      since: '2025-03-04T11:00:00.000Z',
      tail: 10,
      follow: true,
    });
  });

  it('labels ranges the way the toolbar shows them', () => {
    const now = new Date(2025, 2, 4, 12, 30).getTime();
    expect(windowLabel(new Date(2025, 2, 4, 12, 1).toISOString(), new Date(2025, 2, 4, 12, 7).toISOString(), now)).toBe('12:01–12:07');
    expect(windowLabel(new Date(2025, 2, 3, 23, 58).toISOString(), undefined, now)).toBe('2025-03-03 23:58–now');
    expect(rangeLabel({ kind: 'recent', minutes: 60 }, now)).toBe('Last hour');
    expect(rangeLabel({ kind: 'tail', lines: 500 }, now)).toBe('Live · last 500 lines');
  });
});
