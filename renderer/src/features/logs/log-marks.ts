import type { LogsEvent } from '../../../../shared/schemas/logs';
import type { MarkEntry } from './log-buffer';

type Detached = Extract<LogsEvent, { event: 'detached' }>;

/** The words and tone of a mark row. */
export type MarkText = Pick<MarkEntry, 'text' | 'tone'>;

/**
 * The row for a container's stream coming back. The first attach of a subscription says nothing
 * (the lines speak for themselves); one after a detach marks the gap: "api-1 restarted ·
 * re-attached at 12:03:04".
 */
export function attachedMark(name: string, afterDetach: boolean, now: Date): MarkText | null {
  if (!afterDetach) return null;
  return { text: `${name} restarted · re-attached at ${clock(now)}`, tone: 'quiet' };
}

/**
 * The row for a container's stream stopping, saying why. A stream that simply reached the end of
 * a closed window ("ended" while not following) is not news and gets no row.
 */
export function detachedMark(name: string, event: Pick<Detached, 'reason' | 'message'>, following: boolean, now: Date): MarkText | null {
  const at = clock(now);
  switch (event.reason) {
    case 'exited':
      return { text: `${name} exited at ${at}${following ? ' · waiting for it to start again' : ''}`, tone: 'quiet' };
    case 'restarting':
      return { text: `${name} is restarting (${at})`, tone: 'quiet' };
    case 'removed':
      return { text: `${name} was removed at ${at}`, tone: 'quiet' };
    case 'error':
      return { text: `${name}: the log stream failed at ${at}${event.message ? ` (${event.message})` : ''}`, tone: 'bad' };
    case 'ended':
      return following ? { text: `${name}: the log stream ended at ${at}`, tone: 'quiet' } : null;
  }
}

function clock(d: Date): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
