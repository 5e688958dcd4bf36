import { setMaxListeners } from 'node:events';
import type Docker from 'dockerode';
import { AppError, toAppError } from '../../../../shared/ipc/errors';
import { logTimestampMs, toDockerTime } from '../../../../shared/logs/log-timestamp';
import type { LogLine, LogsEvent, LogsTailInput } from '../../../../shared/schemas/logs';
import type { DockerContext } from '../docker-errors';
import { readContainerLogs } from './container-log-stream';
import { resolveLogTargets, type LogTarget } from './container-target';
import { EventChannel } from './event-channel';
import { followContainer } from './follow-container';
import { attachedEvent, detachedEvent, toLineEvents } from './line-events';
import { mergeByTime } from './merge-by-time';
import { ResumePoint } from './resume-point';

/** Default backlog per container (the contract's documented default). */
export const DEFAULT_TAIL = 500;

/** Where Docker is, what cancels the subscription, and the clock (tests). */
export interface TailLogsOptions {
  signal: AbortSignal;
  /** "on this computer" / "on user@host", for error sentences. */
  where?: string;
  now?: () => number;
  /**
   * Docker for the requests that stay open (backlog reads, follows, events): the SSH transport's
   * uncapped client (`DockerHandle.streaming`), so following many containers never starves the
   * pooled one. Defaults to `docker` (a local socket has no cap).
   */
  streaming?: Docker;
}

/**
 * `logs.tail` for one host's Docker: the contract's events, in this order —
 *  1. `attached` for every container (after all were found: a missing one fails the whole call
 *     with NOT_FOUND before anything is sent);
 *  2. the backlog (`tail` lines per container, within `since`..`until`), fetched without following
 *     and merged across containers in timestamp order;
 *  3. without `follow` (or with `until` already past): `detached ended` per container, the end;
 *     otherwise each container is followed from its last timestamp (followContainer: restarts
 *     re-attach, removal ends that container). The stream ends when every container has ended.
 *
 * A TTY container's output is not framed, so a line longer than Docker's 16 KiB split shows the
 * repeated timestamp of each 16 KiB piece inside its text; non-TTY containers (the norm) are exact.
 */
export async function* tailLogs(docker: Docker, input: LogsTailInput, options: TailLogsOptions): AsyncGenerator<LogsEvent> {
  const context: DockerContext = { where: options.where ?? 'on the host' };
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) controller.abort();
  const signal = controller.signal;
  // Every container's requests listen to this one signal (40 containers × backlog, follow, events).
  setMaxListeners(20 + input.containerIds.length * 6, signal);
  const streaming = options.streaming ?? docker;
  try {
    const targets = await resolveLogTargets(docker, input.containerIds, context, signal);
    const tail = input.tail ?? DEFAULT_TAIL;
    for (const target of targets) yield attachedEvent(target, input.since);
    const resumes = new Map(targets.map((t) => [t.containerId, new ResumePoint()]));
    const failed = new Map<string, string>();
    if (tail > 0) {
      const sources = targets.map((target) => backlogOf(streaming, target, input, tail, context, signal, failed));
      for await (const batch of mergeByTime(sources)) {
        for (const line of batch) resumes.get(line.containerId)?.accept(line);
        yield* toLineEvents(batch);
      }
    }
    for (const target of targets) {
      const message = failed.get(target.containerId);
      if (message !== undefined) yield detachedEvent(target, 'error', message);
    }
    const live = targets.filter((t) => !failed.has(t.containerId));
    const untilMs = input.until === undefined ? undefined : logTimestampMs(input.until);
    if (input.follow === false || (untilMs !== undefined && untilMs <= now())) {
      for (const target of live) yield detachedEvent(target, 'ended');
      return;
    }
    const channel = new EventChannel<LogsEvent>(64, signal);
    const followers = live.map((target) =>
      followContainer({
        docker: streaming,
        target,
        resume: resumes.get(target.containerId) ?? new ResumePoint(),
        context,
        signal,
        emit: (event) => channel.push(event),
        ...(input.since !== undefined ? { since: input.since } : {}),
        ...(input.until !== undefined ? { until: input.until } : {}),
        noBacklog: tail === 0,
        now,
      }),
    );
    void Promise.allSettled(followers).then(() => channel.close());
    yield* channel;
    if (options.signal.aborted) throw new AppError('CANCELLED', 'The log stream was cancelled.');
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    controller.abort();
  }
}

/** One container's backlog as a merge source; a failure is recorded (→ `detached error`) instead of failing every container. */
async function* backlogOf(
  docker: Docker,
  target: LogTarget,
  input: LogsTailInput,
  tail: number,
  context: DockerContext,
  signal: AbortSignal,
  failed: Map<string, string>,
): AsyncGenerator<LogLine[]> {
  try {
    yield* readContainerLogs(
      docker,
      target,
      {
        follow: false,
        tail,
        ...(input.since !== undefined ? { since: toDockerTime(input.since) } : {}),
        ...(input.until !== undefined ? { until: toDockerTime(input.until) } : {}),
      },
      context,
      signal,
    );
  } catch (error) {
    if (signal.aborted) throw error;
    failed.set(target.containerId, toAppError(error).message);
  }
}
