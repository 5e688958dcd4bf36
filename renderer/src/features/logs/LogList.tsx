import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Kbd } from '../../components/Kbd';
import type { LogSource } from '../../stores/logs-store';
import { compareEntries, type LogEntry } from './log-buffer';
import { Icon } from '../../components/Icon';
import { LogRow } from './LogRow';

/** Height of an unwrapped row; rows are exactly this tall, so the list never re-measures them. */
export const ROW_HEIGHT = 20;
/** How close to the end counts as "at the bottom" (sub-pixel scroll positions, zoom). */
const BOTTOM_SLACK = 6;

interface LogListProps {
  rows: readonly LogEntry[];
  sources: ReadonlyMap<string, LogSource>;
  merged: boolean;
  wrap: boolean;
  timestamps: boolean;
  highlight: (text: string) => Array<[number, number]>;
  /** The view's appended-lines counter: "N new lines" counts from where the user scrolled up. */
  appended: number;
  /** Bumped by the End shortcut: scrolls to the newest line and sticks there again. */
  jump: number;
}

/**
 * The virtualised lines. Scroll lock: while the list is at the bottom it stays there as lines
 * arrive; once the user scrolls up it stops moving (the first visible line is held in place even
 * when lines are merged in above or dropped from the top) and a pill counts what arrived since,
 * with a jump back to the latest.
 */
export function LogList({ rows, sources, merged, wrap, timestamps, highlight, appended, jump }: LogListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const sizerRef = useRef<HTMLDivElement>(null);
  const stuckRef = useRef(true);
  const [stuck, setStuck] = useState(true);
  const [seen, setSeen] = useState(appended);
  const anchor = useRef<{ entry: LogEntry; offset: number } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const appendedRef = useRef(appended);
  appendedRef.current = appended;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 24,
    getItemKey: (index) => rows[index]?.seq ?? index,
  });

  const toBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const jumpToLatest = useCallback(() => {
    stuckRef.current = true;
    setStuck(true);
    anchor.current = null;
    toBottom();
  }, [toBottom]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK;
    if (atBottom !== stuckRef.current) {
      stuckRef.current = atBottom;
      setStuck(atBottom);
      if (!atBottom) setSeen(appendedRef.current);
    }
    if (atBottom) {
      anchor.current = null;
      return;
    }
    const first = virtualizer.getVirtualItems().find((item) => item.end > el.scrollTop);
    const entry = first === undefined ? undefined : rowsRef.current[first.index];
    anchor.current = first && entry ? { entry, offset: first.start - el.scrollTop } : null;
  };

  // New rows: follow them when at the bottom, otherwise keep the line the user reads where it is.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (rows.length === 0 && !stuckRef.current) {
      // Cleared or re-opened: the next lines start a new bottom to stick to.
      stuckRef.current = true;
      setStuck(true);
    }
    if (stuckRef.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const held = anchor.current;
    if (held === null) return;
    const index = indexOf(rows, held.entry);
    if (index < 0) return;
    const start = virtualizer.measurementsCache[index]?.start ?? index * ROW_HEIGHT;
    const target = start - held.offset;
    if (Math.abs(el.scrollTop - target) >= 1) el.scrollTop = target;
  }, [rows, virtualizer]);

  // Wrapped rows change height after they are measured: stay at the bottom through that too.
  useEffect(() => {
    const sizer = sizerRef.current;
    if (!sizer) return;
    const observer = new ResizeObserver(() => {
      if (stuckRef.current) toBottom();
    });
    observer.observe(sizer);
    return () => observer.disconnect();
  }, [toBottom]);

  useEffect(() => {
    if (jump > 0) jumpToLatest();
  }, [jump, jumpToLatest]);

  const fresh = Math.max(0, appended - seen);
  return (
    <div className="logs-list">
      <div
        ref={scrollRef}
        className={wrap ? 'logs-scroll logs-wrap' : 'logs-scroll logs-nowrap'}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Log lines"
        data-testid="log-list"
      >
        <div ref={sizerRef} className="logs-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = rows[item.index];
            if (entry === undefined) return null;
            return (
              <LogRow
                key={item.key}
                entry={entry}
                top={item.start}
                index={item.index}
                source={entry.kind === 'line' ? sources.get(entry.line.containerId) : undefined}
                merged={merged}
                timestamps={timestamps}
                highlight={highlight}
                {...(wrap ? { rowRef: virtualizer.measureElement } : {})}
              />
            );
          })}
        </div>
      </div>
      {!stuck && rows.length > 0 && (
        <button type="button" className="logs-jump" onClick={jumpToLatest} data-testid="log-jump">
          <Icon name="arrowDown" size={13} />
          {fresh > 0 && (
            <span className="logs-jump-count">{`${fresh.toLocaleString('en-US')} new ${fresh === 1 ? 'line' : 'lines'} · `}</span>
          )}
          Jump to latest
          <Kbd keys={['End']} />
        </button>
      )}
    </div>
  );
}

/** Index of `entry` in rows sorted by compareEntries, or -1 (binary search: the list can hold 100k rows). */
function indexOf(rows: readonly LogEntry[], entry: LogEntry): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareEntries(rows[mid] as LogEntry, entry);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
