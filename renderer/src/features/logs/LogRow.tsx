import { memo, type Ref } from 'react';
import { formatLogClock } from '../../../../shared/logs/log-timestamp';
import type { LogSource } from '../../stores/logs-store';
import type { LogEntry } from './log-buffer';
import { splitByRanges } from './highlight';

interface LogRowProps {
  entry: LogEntry;
  /** Offset from the top of the list (the virtualiser's). */
  top: number;
  index: number;
  /** The line's container when several are merged: its stripe colour and short name. */
  source: LogSource | undefined;
  merged: boolean;
  timestamps: boolean;
  highlight: (text: string) => Array<[number, number]>;
  rowRef?: Ref<HTMLDivElement>;
}

/**
 * One row of the list: a log line (time, level marker, container, text with matches marked) or a
 * quiet mark where a container's stream stopped or resumed. Text is rendered as text, never as
 * HTML: lines come from containers and are untrusted.
 */
export const LogRow = memo(function LogRow({ entry, top, index, source, merged, timestamps, highlight, rowRef }: LogRowProps) {
  const style = { transform: `translateY(${top}px)` };
  if (entry.kind === 'mark') {
    return (
      <div ref={rowRef} data-index={index} className={`log-row log-mark log-mark-${entry.tone}`} style={style} data-testid="log-mark">
        <span className="log-mark-text">{entry.text}</span>
      </div>
    );
  }
  const { line } = entry;
  return (
    <div
      ref={rowRef}
      data-index={index}
      className={`log-row log-line level-${line.level}`}
      style={style}
      data-testid="log-line"
      data-container={line.container}
      data-level={line.level}
    >
      {merged && <span className={`log-stripe src-${source?.colour ?? 0}`} aria-hidden="true" />}
      {timestamps && (
        <time className="log-time" dateTime={line.ts} title={line.ts}>
          {formatLogClock(line.ts)}
        </time>
      )}
      <span className="log-level" title={line.level === 'unknown' ? 'No level detected' : line.level} />
      {merged && (
        <span className={`log-src src-${source?.colour ?? 0}`} title={line.container}>
          {source?.short ?? line.container}
        </span>
      )}
      <span className="log-text" data-testid="log-text">
        {splitByRanges(line.text, highlight(line.text)).map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}
        {line.truncated && (
          <span className="log-cut" title="This line was longer than Hangar keeps; the rest was cut.">
            {' '}
            …cut
          </span>
        )}
      </span>
    </div>
  );
});
