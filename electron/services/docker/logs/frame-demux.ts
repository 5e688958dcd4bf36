/** Which output a piece of log bytes came from. */
export type StdStream = 'stdout' | 'stderr';

/** A piece of one Docker log frame; `frameStart` marks the first piece of each frame. */
export interface FramePiece {
  stream: StdStream;
  data: Uint8Array;
  frameStart: boolean;
}

const HEADER = 8;

/**
 * Docker's multiplexed log stream (containers without a TTY): each message is a frame with an
 * 8-byte header `[stream, 0, 0, 0, size uint32 big-endian]` and `size` payload bytes. Frames do
 * not respect chunk boundaries — a header or payload may be split anywhere — so this keeps at most
 * a 7-byte partial header between pushes and passes payload through as it arrives (a 1 MB frame is
 * never buffered whole). Frame starts are reported because each frame begins with its own
 * timestamp, including the continuation frames of a long line Docker split at 16 KiB.
 */
export class FrameDemuxer {
  private header = new Uint8Array(HEADER);
  private headerLength = 0;
  private remaining = 0;
  private stream: StdStream = 'stdout';
  private atFrameStart = false;

  /** Feeds one chunk; calls `emit` for each piece of payload in it, in order. */
  push(chunk: Uint8Array, emit: (piece: FramePiece) => void): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER - this.headerLength, chunk.length - at);
        this.header.set(chunk.subarray(at, at + take), this.headerLength);
        this.headerLength += take;
        at += take;
        if (this.headerLength < HEADER) return;
        this.headerLength = 0;
        // 0 = stdin (written by attach, not logs) counts as stdout; 2 = stderr; 3 = the daemon's own error text.
        this.stream = this.header[0] === 2 || this.header[0] === 3 ? 'stderr' : 'stdout';
        this.remaining = ((this.header[4] ?? 0) << 24) + ((this.header[5] ?? 0) << 16) + ((this.header[6] ?? 0) << 8) + (this.header[7] ?? 0);
        this.atFrameStart = true;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      emit({ stream: this.stream, data: chunk.subarray(at, at + take), frameStart: this.atFrameStart });
      this.atFrameStart = false;
      this.remaining -= take;
      at += take;
    }
  }

  /** True when the stream stopped inside a frame (the daemon or connection cut it short). */
  get midFrame(): boolean {
    return this.remaining > 0 || this.headerLength > 0;
  }
}
