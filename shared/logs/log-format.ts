import type { LogLine } from '../schemas/logs';
import { formatLogClock } from './log-timestamp';

/** How a line is written as text: by `hangar logs` and by the viewer's "download filtered view". */
export interface LogTextOptions {
  /** Add the container column (useful only when several containers are merged). */
  showContainer?: boolean;
  /** Pad the container column to this width so the text column lines up. */
  containerWidth?: number;
  /** Clock in UTC instead of local time. */
  utc?: boolean;
  /** Full Docker timestamp instead of `HH:MM:SS.mmm` (exports spanning days need the date). */
  fullTimestamp?: boolean;
}

/**
 * `HH:MM:SS.mmm container | text` (container only when asked), with a visible `…[truncated]` mark
 * so a cut line is never mistaken for a complete one. The text is already sanitised: no newline
 * can appear inside, so one line of output is one log line.
 */
export function formatLogLineText(line: LogLine, options: LogTextOptions = {}): string {
  const clock = options.fullTimestamp ? line.ts : formatLogClock(line.ts, { utc: options.utc });
  const container = options.showContainer ? ` ${line.container.padEnd(options.containerWidth ?? 0)} |` : '';
  return `${clock}${container} ${line.text}${line.truncated ? ' …[truncated]' : ''}`;
}
