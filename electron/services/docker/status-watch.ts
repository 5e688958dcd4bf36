import { AppError, toAppError } from '../../../shared/ipc/errors';
import type { ContainerGroup } from '../../../shared/schemas/container';
import type { StatusEvent } from '../../../shared/schemas/status';
import type { DockerHandle } from '../connections/connection-manager';
import { createChangeGate, type EventStream, type GateTiming } from './change-gate';
import { listContainerGroups } from './containers';
import { mapDockerError } from './docker-errors';

/** Docker of one host as the watch needs it: its event stream and its container list. */
export interface StatusSource {
  /** Names Docker's location in sentences ("on root@host"). */
  readonly where: string;
  /** Opens `GET /events` for containers; the request lives until `signal` aborts. */
  events(signal: AbortSignal): Promise<EventStream>;
  list(signal: AbortSignal): Promise<ContainerGroup[]>;
}

/** Options of {@link watchStatus}; the defaults are what the app uses. */
export interface StatusWatchOptions {
  readonly signal: AbortSignal;
  /** Gets Docker for an attempt (the first, or a retry after the stream broke). */
  readonly connect: (signal: AbortSignal, attempt: number) => Promise<StatusSource>;
  /** Asked before each retry; false ends the watch (e.g. the user disconnected the host). */
  readonly shouldRetry?: () => boolean;
  readonly timing?: Partial<GateTiming>;
  /** Delay before retry n (0-based); default 1 s doubling up to 30 s. */
  readonly retryDelayMs?: (attempt: number) => number;
  readonly now?: () => Date;
}

/** How long Docker may take to answer the events request before the attempt counts as failed. */
const OPEN_TIMEOUT_MS = 15_000;

/**
 * Live container state of a host, driven by Docker's event stream (ARCHITECTURE "Streams"): a
 * snapshot first, then one per settled burst of container events, never on a timer. The stream
 * is opened before the first listing, so no change between the two is missed. When it breaks
 * after a snapshot (SSH dropped, daemon restarted), a `stale` event says so in a sentence and the
 * watch retries with backoff, then snapshots again. A failure before the first snapshot ends the
 * watch with that error (the screen explains it). Aborting `signal` ends it and closes the
 * request; nothing is left listening.
 */
export async function* watchStatus(options: StatusWatchOptions): AsyncGenerator<StatusEvent> {
  const { signal } = options;
  const timing: GateTiming = { debounceMs: 150, maxWaitMs: 1000, ...options.timing };
  const delay = options.retryDelayMs ?? ((n: number) => Math.min(30_000, 1000 * 2 ** n));
  const now = options.now ?? (() => new Date());
  let delivered = false;
  let attempt = 0;
  while (!signal.aborted) {
    const session = new AbortController();
    const stop = (): void => session.abort();
    signal.addEventListener('abort', stop, { once: true });
    let where = 'on the host';
    try {
      const source = await options.connect(session.signal, attempt);
      where = source.where;
      const gate = createChangeGate(await source.events(session.signal), session.signal, timing);
      try {
        yield { event: 'snapshot', at: now().toISOString(), groups: await source.list(session.signal) };
        delivered = true;
        attempt = 0;
        for (;;) {
          const result = await gate.next();
          if (result.kind === 'aborted') return;
          if (result.kind === 'ended') throw brokenStream(result.error, where);
          yield { event: 'snapshot', at: now().toISOString(), groups: await source.list(session.signal) };
        }
      } finally {
        gate.dispose();
      }
    } catch (error) {
      if (signal.aborted) return;
      const appError = toAppError(error);
      if (!delivered || options.shouldRetry?.() === false) throw appError;
      const wait = delay(attempt);
      attempt += 1;
      yield { event: 'stale', at: now().toISOString(), message: staleMessage(appError, wait) };
      await sleep(wait, signal);
    } finally {
      signal.removeEventListener('abort', stop);
      session.abort();
    }
  }
}

/**
 * The watch over a real Docker: dockerode's `getEvents` on the handle's streaming client (its own
 * channel, never a pooled keep-alive one, so the stream cannot starve or share a stale channel
 * with short requests), and the grouped container list as one request on a channel of its own.
 */
export function dockerStatusSource(handle: DockerHandle): StatusSource {
  const context = { where: handle.where };
  return {
    where: handle.where,
    async events(signal) {
      const request = new AbortController();
      const onAbort = (): void => request.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      if (signal.aborted) request.abort();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        request.abort();
      }, OPEN_TIMEOUT_MS);
      try {
        const stream = await handle.streaming.getEvents({ filters: { type: ['container'] }, abortSignal: request.signal });
        return stream as unknown as EventStream;
      } catch (error) {
        if (timedOut)
          throw new AppError(
            'TIMEOUT',
            `Docker ${handle.where} did not open its event stream within ${OPEN_TIMEOUT_MS / 1000} s. Check that the daemon is healthy (docker info).`,
          );
        throw mapDockerError(error, context);
      } finally {
        clearTimeout(timer);
      }
    },
    // One request per snapshot, on its own channel: exact start times would add an inspect per
    // running container on every change, and the pooled keep-alive channels can stall under such
    // bursts; "Up 5 minutes" is precise enough for the diagram.
    list: (signal) => listContainerGroups(handle.streaming, { signal, where: handle.where }),
  };
}

function brokenStream(error: unknown, where: string): AppError {
  if (error === undefined) return new AppError('DOCKER_ERROR', `Docker ${where} closed its event stream (the daemon may have restarted).`);
  const mapped = mapDockerError(error, { where });
  return mapped.code === 'CANCELLED' ? new AppError('SSH_DISCONNECTED', `The connection to Docker ${where} dropped.`) : mapped;
}

function staleMessage(error: AppError, waitMs: number): string {
  const reason = /[.!?]$/.test(error.message.trim()) ? error.message.trim() : `${error.message.trim()}.`;
  return `Live status paused: ${reason} What you see may be out of date; Hangar tries again in ${Math.max(1, Math.round(waitMs / 1000))} s.`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
  });
}
