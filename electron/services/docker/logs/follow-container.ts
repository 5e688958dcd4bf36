import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import { toAppError } from '../../../../shared/ipc/errors';
import { logTimestampMs, toDockerTime } from '../../../../shared/logs/log-timestamp';
import type { LogsEvent } from '../../../../shared/schemas/logs';
import type { DockerContext } from '../docker-errors';
import { watchContainerEvents } from './container-events';
import { readContainerLogs, type LogRequest } from './container-log-stream';
import { inspectForLogs, type LogTarget } from './container-target';
import { attachedEvent, detachedEvent, toLineEvents, type DetachReason } from './line-events';
import type { ResumePoint } from './resume-point';

/**
 * With `since`, Docker scans the log file from its start to find the instant; `tail` makes it read
 * backwards from the end instead (tail applies before since), bounding the daemon's work on a large
 * log. Losing a line would take this many lines written between two requests (milliseconds apart).
 */
const RESUME_TAIL = 100_000;

/** Everything one container's follower needs; `emit` applies backpressure. */
export interface FollowOptions {
  docker: Docker;
  target: LogTarget;
  resume: ResumePoint;
  context: DockerContext;
  signal: AbortSignal;
  emit: (event: LogsEvent) => Promise<void>;
  /** The subscription's ISO `since`, used while no line has been seen. */
  since?: string;
  /** The subscription's ISO `until`: following stops there (on this machine's clock). */
  until?: string;
  /** The user asked for no backlog (tail 0): the first request must not replay history. */
  noBacklog: boolean;
  now?: () => number;
}

/**
 * Follows one container until it is removed, `until` passes, an error occurs or the signal fires.
 *
 * When Docker ends a follow (the container stopped), this emits `detached` (exited/restarting),
 * waits for the container's `start` event (`destroy` → `detached removed`, the end) and re-attaches
 * with `since` = the last timestamp delivered, dropping the re-sent lines at that instant
 * (ResumePoint). A container restarted before any line was seen resumes from its new `StartedAt`
 * (the daemon's clock), so nothing it printed is missed and no old history is replayed.
 */
export async function followContainer(o: FollowOptions): Promise<void> {
  const now = o.now ?? Date.now;
  const untilMs = o.until === undefined ? undefined : logTimestampMs(o.until);
  const bounded = new AbortController();
  const abort = (): void => bounded.abort();
  o.signal.addEventListener('abort', abort, { once: true });
  const timer = untilMs === undefined ? undefined : setTimeout(abort, Math.max(0, untilMs - now()));
  const signal = bounded.signal;
  const detach = (reason: DetachReason, message?: string): Promise<void> => o.emit(detachedEvent(o.target, reason, message));
  let startedAt: string | undefined;
  let quickEnds = 0;
  try {
    for (let first = true; ; first = false) {
      const resumeFrom = o.resume.since;
      const sinceIso = resumeFrom ?? startedAt ?? o.since;
      if (resumeFrom !== undefined) o.resume.beginResume();
      if (!first) await o.emit(attachedEvent(o.target, sinceIso));
      const request: LogRequest = {
        follow: true,
        ...(sinceIso !== undefined ? { since: toDockerTime(sinceIso) } : {}),
        ...(o.until !== undefined ? { until: toDockerTime(o.until) } : {}),
        ...(first && o.noBacklog && resumeFrom === undefined ? { tail: 0 } : sinceIso !== undefined ? { tail: RESUME_TAIL } : {}),
      };
      const startedReading = now();
      let fresh = 0;
      for await (const batch of readContainerLogs(o.docker, o.target, request, o.context, signal)) {
        const lines = batch.filter((line) => o.resume.accept(line));
        fresh += lines.length;
        for (const event of toLineEvents(lines)) await o.emit(event);
      }
      if (untilMs !== undefined && now() >= untilMs) return await detach('ended');
      const watch = await watchContainerEvents(o.docker, o.target.containerId, o.context, signal);
      try {
        const state = await inspectForLogs(o.docker, o.target.containerId, o.context, signal);
        if (state.removed) return await detach('removed');
        await detach(state.running || state.restarting ? 'restarting' : 'exited');
        if (state.running) {
          // Docker ended a follow of a running container (it just restarted): resume, backing off if it keeps happening.
          quickEnds = fresh === 0 && now() - startedReading < 1000 ? quickEnds + 1 : 0;
          if (quickEnds > 0) await sleep(Math.min(5000, 250 * 2 ** quickEnds), undefined, { signal });
          startedAt = state.startedAt;
          continue;
        }
        if ((await watch.next()) === 'destroy') return await detach('removed');
        const restarted = await inspectForLogs(o.docker, o.target.containerId, o.context, signal);
        if (restarted.removed) return await detach('removed');
        startedAt = restarted.startedAt;
      } finally {
        watch.close();
      }
    }
  } catch (error) {
    if (o.signal.aborted) return;
    if (signal.aborted) return await detach('ended'); // `until` passed
    await detach('error', toAppError(error).message);
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener('abort', abort);
    bounded.abort();
  }
}
