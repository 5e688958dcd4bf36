import type { LogsTailInput } from '../../../../shared/schemas/logs';

/**
 * Which lines the viewer asks for. `tail` and `recent` follow new lines; a `window` with an end
 * is a closed stretch of the past and never follows (an `around` window is one opened at the
 * time of a failure, and says so in the toolbar).
 */
export type LogRange =
  | { kind: 'tail'; lines: number }
  | { kind: 'recent'; minutes: number }
  | { kind: 'window'; from: string; to?: string; around?: string; reason?: string };

/** The default: the last 500 lines of each container, then live. */
export const defaultRange: LogRange = { kind: 'tail', lines: 500 };

/** The toolbar's presets, in menu order. */
export const rangePresets: readonly { id: string; label: string; range: LogRange }[] = [
  { id: 'tail-100', label: 'Live · last 100 lines', range: { kind: 'tail', lines: 100 } },
  { id: 'tail-500', label: 'Live · last 500 lines', range: { kind: 'tail', lines: 500 } },
  { id: 'tail-5000', label: 'Live · last 5,000 lines', range: { kind: 'tail', lines: 5000 } },
  { id: 'recent-15', label: 'Last 15 minutes', range: { kind: 'recent', minutes: 15 } },
  { id: 'recent-60', label: 'Last hour', range: { kind: 'recent', minutes: 60 } },
  { id: 'recent-1440', label: 'Last 24 hours', range: { kind: 'recent', minutes: 1440 } },
];

/** Minutes before and after a failure that "around the check" shows: enough to see the cause and the first retry. */
export const AROUND_BEFORE_MIN = 5;
export const AROUND_AFTER_MIN = 1;

/**
 * The window around an instant (a check's start): from 5 minutes before to 1 minute after. An
 * unreadable instant yields null, so a caller falls back to the live tail instead of asking
 * Docker for the epoch.
 */
export function aroundWindow(at: string, reason?: string): Extract<LogRange, { kind: 'window' }> | null {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return null;
  return {
    kind: 'window',
    from: new Date(ms - AROUND_BEFORE_MIN * 60_000).toISOString(),
    to: new Date(ms + AROUND_AFTER_MIN * 60_000).toISOString(),
    around: new Date(ms).toISOString(),
    ...(reason !== undefined ? { reason } : {}),
  };
}

/** Whether the range keeps streaming new lines (a window with an end does not). */
export function rangeFollows(range: LogRange): boolean {
  return range.kind !== 'window' || range.to === undefined;
}

/**
 * The time part of a `logs.tail` request for a range, as of `now`. Ranges by time ask for every
 * line in them (`tail` at the buffer's share per container), because the daemon applies `tail`
 * after `since` and the default 500 would cut the start of the window off.
 */
export function rangeInput(
  range: LogRange,
  now: number,
  perContainerCap: number,
): Pick<LogsTailInput, 'since' | 'until' | 'tail' | 'follow'> {
  const cap = Math.max(1, Math.min(100_000, Math.floor(perContainerCap)));
  switch (range.kind) {
    case 'tail':
      return { tail: Math.min(range.lines, cap), follow: true };
    case 'recent':
      return { since: new Date(now - range.minutes * 60_000).toISOString(), tail: cap, follow: true };
    case 'window':
      return {
        since: range.from,
        ...(range.to !== undefined ? { until: range.to } : {}),
        tail: cap,
        follow: range.to === undefined,
      };
  }
}

/** "12:01–12:07" in local time (the date too when the window is not today), for the toolbar. */
export function windowLabel(from: string, to: string | undefined, now: number): string {
  const start = new Date(from);
  const sameDay = (d: Date) => d.toDateString() === new Date(now).toDateString();
  const day = sameDay(start) ? '' : `${start.toLocaleDateString('en-CA')} `;
  return `${day}${clock(start)}–${to === undefined ? 'now' : clock(new Date(to))}`;
}

/** The label of a range in the range menu's button. */
export function rangeLabel(range: LogRange, now: number): string {
  if (range.kind !== 'window') return rangePresets.find((p) => sameRange(p.range, range))?.label ?? 'Live';
  return windowLabel(range.from, range.to, now);
}

/** Whether two ranges ask for the same lines (a new window object for the same instants is the same range). */
export function sameRange(a: LogRange, b: LogRange): boolean {
  if (a.kind === 'tail' && b.kind === 'tail') return a.lines === b.lines;
  if (a.kind === 'recent' && b.kind === 'recent') return a.minutes === b.minutes;
  if (a.kind === 'window' && b.kind === 'window') return a.from === b.from && a.to === b.to;
  return false;
}

function clock(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
