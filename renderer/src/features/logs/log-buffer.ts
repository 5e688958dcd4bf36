import { formatLogInstant, parseLogInstant } from '../../../../shared/logs/log-timestamp';
import type { LogLine } from '../../../../shared/schemas/logs';

/** A log line as the viewer keeps it: the line plus its place in the merged order. */
export interface LineEntry {
  kind: 'line';
  /** Arrival number: breaks ties between equal timestamps (first come first), and keys React rows. */
  seq: number;
  /** Sortable form of `line.ts` (see {@link timeKey}). */
  key: string;
  line: LogLine;
}

/** A quiet row between lines: a container's stream stopped or resumed, so a gap is visible. */
export interface MarkEntry {
  kind: 'mark';
  seq: number;
  key: string;
  containerId: string;
  text: string;
  tone: 'quiet' | 'bad';
}

export type LogEntry = LineEntry | MarkEntry;

/** What one insert did, so a derived view can update only what changed. */
export interface InsertResult {
  /** Index (after any drop) before which entries kept their relative place; from here on they are new or moved. */
  from: number;
  /** Entries dropped from the head (oldest first) because the buffer was full. */
  dropped: LogEntry[];
  /** The entries this insert added (some may be in `dropped` too when a batch overflowed). */
  added: readonly LogEntry[];
}

/**
 * The viewer's memory: at most `capacity` entries in time order (merged across containers),
 * oldest dropped first. Batches arrive per container and may be older than lines already held
 * (a second container's tail, a late batch), so an insert merges the batch with the part of the
 * buffer that is newer than the batch's oldest entry; that part is usually a few lines, so the
 * cost stays proportional to the batch. Trimming happens in chunks of `capacity / 10`, so the
 * array is copied once per ten thousand lines, not once per line (ring-buffer cost without
 * ring-buffer indices, which a sorted merge cannot use).
 */
export class LogBuffer {
  private items: LogEntry[] = [];
  private nextSeq = 0;
  /** Total entries dropped since the last clear. */
  droppedTotal = 0;

  constructor(readonly capacity = 100_000) {
    if (!Number.isInteger(capacity) || capacity < 10) throw new RangeError('A log buffer holds at least 10 entries.');
  }

  get size(): number {
    return this.items.length;
  }

  /** The entries in time order; read-only for callers (the array is replaced on trim). */
  entries(): readonly LogEntry[] {
    return this.items;
  }

  /** The newest entry, whose timestamp is where a resumed stream picks up. */
  last(): LogEntry | undefined {
    return this.items[this.items.length - 1];
  }

  /** Adds log lines in their time order; a batch need not be sorted. */
  addLines(lines: readonly LogLine[]): InsertResult {
    return this.insert(lines.map((line) => ({ kind: 'line', seq: this.nextSeq++, key: timeKey(line.ts), line })));
  }

  /**
   * Adds a mark after everything held so far (its key is the newest one), so it sits where the
   * stream was when the event arrived, even though the daemon gives events no timestamp.
   */
  addMark(mark: Pick<MarkEntry, 'containerId' | 'text' | 'tone'>): InsertResult {
    const key = this.last()?.key ?? '';
    return this.insert([{ kind: 'mark', seq: this.nextSeq++, key, ...mark }]);
  }

  clear(): void {
    this.items = [];
    this.droppedTotal = 0;
  }

  private insert(batch: LogEntry[]): InsertResult {
    if (batch.length === 0) return { from: this.items.length, dropped: [], added: batch };
    batch.sort(compareEntries);
    const oldest = batch[0] as LogEntry;
    // First held entry that must come after the batch's oldest: everything before it stays put.
    let from = this.items.length;
    while (from > 0 && compareEntries(this.items[from - 1] as LogEntry, oldest) > 0) from--;
    if (from === this.items.length) {
      for (const entry of batch) this.items.push(entry);
    } else {
      const tail = this.items.splice(from);
      mergeInto(this.items, tail, batch);
    }
    const dropped = this.trim();
    return { from: Math.max(0, from - dropped.length), dropped, added: batch };
  }

  private trim(): LogEntry[] {
    if (this.items.length <= this.capacity) return [];
    const keep = Math.max(1, Math.floor(this.capacity * 0.9));
    const cut = this.items.length - keep;
    const dropped = this.items.slice(0, cut);
    this.items = this.items.slice(cut);
    this.droppedTotal += dropped.length;
    return dropped;
  }
}

/** Time order, then arrival order: the order of the buffer and of every view derived from it. */
export function compareEntries(a: LogEntry, b: LogEntry): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.seq - b.seq;
}

/**
 * Docker's RFC 3339 timestamps drop trailing zeros of the fraction (`…:05.1Z` vs `…:05.15Z`), so
 * they do not sort as strings. The canonical fixed-width UTC form (nanoseconds kept) does, and
 * comparing strings is what keeps a 100k-line merge cheap. An unreadable stamp sorts first.
 */
export function timeKey(ts: string): string {
  const docker = DOCKER_UTC.exec(ts);
  if (docker !== null) return `${docker[1]}.${(docker[2] ?? '').padEnd(9, '0')}Z`;
  const instant = parseLogInstant(ts);
  return instant === undefined ? '' : formatLogInstant(instant);
}

/** What the daemon writes (UTC, 0–9 fraction digits): padded without a full parse. */
const DOCKER_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

function mergeInto(out: LogEntry[], a: LogEntry[], b: LogEntry[]): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareEntries(a[i] as LogEntry, b[j] as LogEntry) <= 0) out.push(a[i++] as LogEntry);
    else out.push(b[j++] as LogEntry);
  }
  while (i < a.length) out.push(a[i++] as LogEntry);
  while (j < b.length) out.push(b[j++] as LogEntry);
}
