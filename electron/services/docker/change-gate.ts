import { z } from 'zod';

/** What Hangar reads of one line of Docker's `GET /events` stream (the daemon is a trust boundary). */
export const dockerEventSchema = z.object({
  Type: z.string().optional(),
  Action: z.string().optional(),
  /** Pre-1.22 engines put the action here. */
  status: z.string().optional(),
});
export type DockerEvent = z.infer<typeof dockerEventSchema>;

/**
 * Container actions that do not change what the list shows. Healthchecks alone emit
 * exec_create/exec_start/exec_die every few seconds per container; re-listing on them would be
 * polling in disguise.
 */
const quietActions = /^(exec_|attach|detach|resize|top|archive-path|extract-to-dir|export|commit|copy)/;

/** True when the event can change a container's state, health, name or existence. */
export function changesState(event: DockerEvent): boolean {
  if (event.Type !== undefined && event.Type !== 'container') return false;
  const action = event.Action ?? event.status ?? '';
  return action !== '' && !quietActions.test(action);
}

/** Why the gate opened: a burst of changes settled, or the stream ended (error when it broke). */
export type GateResult = { kind: 'changed' } | { kind: 'ended'; error?: unknown } | { kind: 'aborted' };

/** Timing of the debounce: quiet time after the last event, and the longest a burst may delay a snapshot. */
export interface GateTiming {
  debounceMs: number;
  maxWaitMs: number;
}

/** A readable byte stream as dockerode hands it over (an http.IncomingMessage). */
export interface EventStream {
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'end' | 'close', listener: () => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  destroy(): unknown;
}

/** Waits for the next settled burst of container changes on an event stream. */
export interface ChangeGate {
  /** Resolves once changes settled (debounced), the stream ended, or `signal` aborted. */
  next(): Promise<GateResult>;
  /** Stops listening and closes the stream (the HTTP request behind it ends too). */
  dispose(): void;
}

/**
 * Turns Docker's newline-delimited JSON events into "something changed" signals: each relevant
 * event (re)starts a `debounceMs` timer, but a continuous burst (a crash-looping container)
 * still opens the gate every `maxWaitMs`. A line that is not valid JSON counts as a change:
 * re-listing is always safe, missing a change is not.
 */
export function createChangeGate(stream: EventStream, signal: AbortSignal, timing: GateTiming, now: () => number = Date.now): ChangeGate {
  let buffer = '';
  let firstAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ready = false;
  let ended: GateResult | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const schedule = (): void => {
    const t = now();
    firstAt ??= t;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        firstAt = undefined;
        ready = true;
        notify();
      },
      Math.max(0, Math.min(timing.debounceMs, firstAt + timing.maxWaitMs - t)),
    );
  };
  const onLine = (line: string): void => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      schedule();
      return;
    }
    const event = dockerEventSchema.safeParse(parsed);
    if (!event.success || changesState(event.data)) schedule();
  };
  const finish = (result: GateResult): void => {
    ended ??= result;
    notify();
  };
  const onAbort = (): void => finish({ kind: 'aborted' });

  const onData = (chunk: Buffer | string): void => {
    buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  };
  const onEnd = (): void => finish({ kind: 'ended' });
  const onError = (error: Error): void => finish({ kind: 'ended', error });
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  stream.on('error', onError);
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();

  return {
    async next() {
      for (;;) {
        if (ended?.kind === 'aborted') return ended;
        if (ready) {
          ready = false;
          return { kind: 'changed' };
        }
        if (ended !== undefined) return ended;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    dispose() {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onEnd);
      stream.off('error', onError);
      // A late 'error' from the destroyed socket must not become an uncaught exception.
      stream.on('error', () => undefined);
      stream.destroy();
      notify();
    },
  };
}
