import type { LogLevel, LogLine } from '../../../../shared/schemas/logs';
import { compareEntries, type InsertResult, type LogEntry } from './log-buffer';

/** Every level, in the order the toolbar shows them (most severe first). */
export const logLevels: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'unknown'];

/** Which levels are shown; a level switched off hides its lines but keeps counting them. */
export type LevelSet = Record<LogLevel, boolean>;

/** All levels shown: the starting state, and what "reset" goes back to. */
export const allLevels: LevelSet = { error: true, warn: true, info: true, debug: true, unknown: true };

/**
 * How lines are chosen: `matches` is the compiled text condition (shared/logs/log-filter, without
 * levels, so that hidden levels can still be counted) and `levels` the toggles.
 */
export interface ViewFilter {
  matches(line: LogLine): boolean;
  levels: LevelSet;
}

/** What the list shows: the rows and the numbers the toolbar needs. */
export interface LogView {
  /** Lines that pass the filter, plus every mark (a gap stays visible whatever the filter). */
  rows: readonly LogEntry[];
  /** Lines matching the text filter, per level, whether or not the level is shown. */
  counts: Record<LogLevel, number>;
  /** Line rows in `rows` (marks excluded), for "N of M lines" and the empty state. */
  shownLines: number;
  /** Lines held, whatever the filter: tells "nothing yet" from "nothing matches". */
  total: number;
  /** Lines that ever passed the filter since the view was built: the list counts "N new lines" from it. */
  appended: number;
}

/** The view of nothing: before a stream starts, and after Clear. */
export const emptyView: LogView = { rows: [], counts: zeroCounts(), shownLines: 0, total: 0, appended: 0 };

/** The view of every entry held, from scratch: after a filter change. */
export function buildView(entries: readonly LogEntry[], filter: ViewFilter): LogView {
  const counts = zeroCounts();
  const rows: LogEntry[] = [];
  let shownLines = 0;
  let total = 0;
  for (const entry of entries) {
    if (entry.kind === 'mark') {
      rows.push(entry);
      continue;
    }
    total++;
    if (!filter.matches(entry.line)) continue;
    counts[entry.line.level]++;
    if (!filter.levels[entry.line.level]) continue;
    rows.push(entry);
    shownLines++;
  }
  return { rows, counts, shownLines, total, appended: shownLines };
}

/**
 * The view after one insert, touching only what the insert touched: rows before the first moved
 * entry are kept, rows of dropped entries leave from the head, and the tail is filtered again.
 * Equal to `buildView` over the new entries (the tests hold it to that), but proportional to the
 * batch instead of to the buffer, which matters at 100k lines and a batch every 50 ms.
 */
export function updateView(view: LogView, entries: readonly LogEntry[], change: InsertResult, filter: ViewFilter): LogView {
  const counts = { ...view.counts };
  let appended = view.appended;
  let total = view.total;
  for (const entry of change.added) {
    if (entry.kind === 'line') total++;
    if (entry.kind !== 'line' || !filter.matches(entry.line)) continue;
    counts[entry.line.level]++;
    if (filter.levels[entry.line.level]) appended++;
  }
  for (const entry of change.dropped) {
    if (entry.kind === 'line') total--;
    if (entry.kind === 'line' && filter.matches(entry.line)) counts[entry.line.level]--;
  }

  const old = view.rows;
  let head = 0;
  const lastDropped = change.dropped[change.dropped.length - 1];
  if (lastDropped !== undefined) while (head < old.length && compareEntries(old[head] as LogEntry, lastDropped) <= 0) head++;
  const firstMoved = entries[change.from];
  const keepEnd = firstMoved === undefined ? old.length : lowerBound(old, firstMoved, head);

  const rows = old.slice(head, keepEnd);
  let shownLines = 0;
  for (const entry of rows) if (entry.kind === 'line') shownLines++;
  for (let i = change.from; i < entries.length; i++) {
    const entry = entries[i] as LogEntry;
    if (entry.kind === 'mark') rows.push(entry);
    else if (filter.levels[entry.line.level] && filter.matches(entry.line)) {
      rows.push(entry);
      shownLines++;
    }
  }
  return { rows, counts, shownLines, total, appended };
}

function zeroCounts(): Record<LogLevel, number> {
  return { error: 0, warn: 0, info: 0, debug: 0, unknown: 0 };
}

/** First index ≥ `from` whose row sorts at or after `entry`. */
function lowerBound(rows: readonly LogEntry[], entry: LogEntry, from: number): number {
  let lo = from;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(rows[mid] as LogEntry, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
