import { isLogTimestamp } from '../../../../shared/logs/log-timestamp';
import { MAX_LINE_CHARS } from '../../../../shared/logs/sanitize-line';
import type { StdStream } from './frame-demux';

/** One line as Docker sent it: decoded (invalid UTF-8 already U+FFFD) but not yet sanitised. */
export interface RawLogLine {
  stream: StdStream;
  /** Docker's timestamp prefix, verbatim; the previous line's when a line had none. */
  ts: string;
  text: string;
  /** The line was longer than the assembler keeps. */
  truncated: boolean;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
/** Longest timestamp prefix (`2024-05-01T12:00:00.123456789+00:00`) plus slack. */
const MAX_HEAD = 40;

/**
 * Turns the bytes of one output (stdout or stderr) into lines of `<timestamp> <text>\n`.
 *
 * Invariants: memory per assembler is bounded (`maxChars * 2` decoded characters plus a 40-byte
 * head), whatever the input — a 1 MB line or a binary blob without newlines is cut, not buffered;
 * a multi-byte character split across chunks survives (a streaming `TextDecoder`, flushed at each line end);
 * a line Docker split into 16 KiB partial frames is joined again, because every frame repeats
 * the timestamp and a frame start while a line is open means "continuation" (mux mode only —
 * a TTY stream has no frames: see the note on `tailLogs`).
 */
export class LineAssembler {
  private mode: 'head' | 'text' | 'continuation' = 'head';
  private head: number[] = [];
  private ts = '';
  private parts: string[] = [];
  private kept = 0;
  private overflow = false;
  private decoder = new TextDecoder('utf-8');
  private readonly maxRaw: number;

  constructor(
    private readonly stream: StdStream,
    private readonly emit: (line: RawLogLine) => void,
    maxChars: number = MAX_LINE_CHARS,
    /** Timestamp for a line that arrives without one (should not happen with `timestamps=1`). */
    private lastTs = '',
  ) {
    // Escape sequences are removed later, so keep some room for them before cutting.
    this.maxRaw = maxChars * 2;
  }

  /** Feeds bytes; `frameStart` is true for the first piece of a Docker frame. */
  push(data: Uint8Array, frameStart = false): void {
    if (frameStart && this.mode === 'text') this.mode = 'continuation';
    let at = 0;
    while (at < data.length) {
      if (this.mode === 'text') {
        const nl = data.indexOf(NEWLINE, at);
        if (nl === -1) {
          this.append(data.subarray(at));
          return;
        }
        this.append(data.subarray(at, nl));
        this.finishLine();
        at = nl + 1;
        continue;
      }
      at = this.readHead(data, at);
    }
  }

  /** The stream ended: a last line without a newline is still a line. */
  end(): void {
    if (this.mode === 'text' || this.mode === 'continuation') {
      this.flushHeadAsText();
      this.finishLine();
    } else if (this.head.length > 0) {
      this.startLine(this.lastTs);
      this.flushHeadAsText();
      this.finishLine();
    }
  }

  /** Collects the `<timestamp> ` prefix; returns where reading continues. */
  private readHead(data: Uint8Array, from: number): number {
    let at = from;
    while (at < data.length && this.head.length < MAX_HEAD) {
      const byte = data[at] ?? 0;
      if (byte === SPACE || byte === NEWLINE) {
        const candidate = String.fromCharCode(...this.head);
        const isTs = isLogTimestamp(candidate);
        if (this.mode === 'head') this.startLine(isTs ? candidate : this.lastTs);
        if (isTs) this.head = [];
        else this.flushHeadAsText(byte === SPACE ? [SPACE] : []);
        this.mode = 'text';
        return byte === SPACE ? at + 1 : at; // a newline is left for text mode to end the line
      }
      this.head.push(byte);
      at += 1;
    }
    if (this.head.length >= MAX_HEAD) {
      if (this.mode === 'head') this.startLine(this.lastTs);
      this.flushHeadAsText();
      this.mode = 'text';
    }
    return at;
  }

  private startLine(ts: string): void {
    this.ts = ts;
    this.lastTs = ts;
    this.parts = [];
    this.kept = 0;
    this.overflow = false;
  }

  private flushHeadAsText(extra: number[] = []): void {
    if (this.head.length === 0 && extra.length === 0) return;
    this.append(Uint8Array.from([...this.head, ...extra]));
    this.head = [];
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.kept >= this.maxRaw) {
      this.overflow = true;
      return;
    }
    const text = this.decoder.decode(bytes, { stream: true });
    const room = this.maxRaw - this.kept;
    this.parts.push(text.length > room ? text.slice(0, room) : text);
    this.kept += Math.min(text.length, room);
    if (text.length > room) this.overflow = true;
  }

  private finishLine(): void {
    const tail = this.decoder.decode(); // flushes an unfinished character as U+FFFD and resets
    if (tail !== '' && this.kept < this.maxRaw) this.parts.push(tail);
    this.emit({ stream: this.stream, ts: this.ts, text: this.parts.join(''), truncated: this.overflow });
    this.mode = 'head';
    this.parts = [];
    this.kept = 0;
    this.overflow = false;
  }
}
