import type { LogLine, LogsEvent } from '../../../../shared/schemas/logs';
import type { LogSource } from './log-decoder';

/**
 * Most JSON one `lines` event should carry. The router's pump sends a batch once it reaches 64 KiB,
 * so a batch is at most 64 KiB plus one event: small events keep IPC messages near the target.
 */
const MAX_EVENT_CHARS = 24 * 1024;
const MAX_EVENT_LINES = 1000;

/**
 * Splits lines into `lines` events of bounded size. Lines are at most 16 KiB each (sanitised), so
 * even a backlog of maximum-length lines becomes many small IPC messages, never one huge one.
 */
export function toLineEvents(lines: readonly LogLine[]): LogsEvent[] {
  const events: LogsEvent[] = [];
  let current: LogLine[] = [];
  let chars = 0;
  for (const line of lines) {
    const size = jsonSize(line);
    if (current.length > 0 && (chars + size > MAX_EVENT_CHARS || current.length >= MAX_EVENT_LINES)) {
      events.push({ event: 'lines', lines: current });
      current = [];
      chars = 0;
    }
    current.push(line);
    chars += size;
  }
  if (current.length > 0) events.push({ event: 'lines', lines: current });
  return events;
}

/** Close to `JSON.stringify(line).length` without serialising: the field values plus the keys' fixed cost. */
function jsonSize(line: LogLine): number {
  return line.text.length + line.containerId.length + line.container.length + (line.service?.length ?? 0) + line.ts.length + 110;
}

/** `attached`: the container's stream starts (or resumes) from `since` when given. */
export function attachedEvent(source: LogSource, since?: string): LogsEvent {
  return { event: 'attached', containerId: source.containerId, container: source.container, ...(since !== undefined ? { since } : {}) };
}

/** Why a container's stream stopped, as the viewer shows it. */
export type DetachReason = Extract<LogsEvent, { event: 'detached' }>['reason'];

/** `detached`: the container's stream stopped; `message` explains an error. */
export function detachedEvent(source: LogSource, reason: DetachReason, message?: string): LogsEvent {
  return { event: 'detached', containerId: source.containerId, container: source.container, reason, ...(message !== undefined ? { message } : {}) };
}
