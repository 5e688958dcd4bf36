import type { LogLine } from '../../../../shared/schemas/logs';
import { detectLogLevel } from '../../../../shared/logs/log-level';
import { MAX_LINE_CHARS, sanitizeLogText } from '../../../../shared/logs/sanitize-line';
import { FrameDemuxer } from './frame-demux';
import { LineAssembler, type RawLogLine } from './line-assembler';

/** The container a stream belongs to, as every line names it. */
export interface LogSource {
  containerId: string;
  container: string;
  service?: string;
}

/** Bytes of one `GET /containers/{id}/logs` response in, finished `LogLine`s out. */
export interface LogDecoder {
  /** Feeds one chunk; returns the lines it completed, in stream order. */
  push(chunk: Uint8Array): LogLine[];
  /** The response ended: returns the last unterminated lines. */
  end(): LogLine[];
}

/**
 * The whole byte → line pipeline of one container's response: frame demultiplexing (or raw bytes
 * for a TTY container, which Docker does not multiplex), line assembly, sanitising and level
 * detection. Pure and synchronous, so it is tested byte by byte without Docker.
 */
export function createLogDecoder(source: LogSource, options: { tty: boolean; maxChars?: number }): LogDecoder {
  const maxChars = options.maxChars ?? MAX_LINE_CHARS;
  let out: LogLine[] = [];
  const toLine = (raw: RawLogLine): void => {
    const { text, truncated } = sanitizeLogText(raw.text, maxChars);
    const line: LogLine = {
      containerId: source.containerId,
      container: source.container,
      ...(source.service !== undefined ? { service: source.service } : {}),
      stream: raw.stream,
      ts: raw.ts,
      text,
      level: detectLogLevel(text),
    };
    if (truncated || raw.truncated) line.truncated = true;
    out.push(line);
  };
  const assemblers = { stdout: new LineAssembler('stdout', toLine, maxChars), stderr: new LineAssembler('stderr', toLine, maxChars) };
  const demuxer = options.tty ? undefined : new FrameDemuxer();
  const take = (): LogLine[] => {
    const lines = out;
    out = [];
    return lines;
  };
  return {
    push(chunk) {
      if (demuxer === undefined) assemblers.stdout.push(chunk);
      else demuxer.push(chunk, (piece) => assemblers[piece.stream].push(piece.data, piece.frameStart));
      return take();
    },
    end() {
      assemblers.stdout.end();
      assemblers.stderr.end();
      return take();
    },
  };
}
