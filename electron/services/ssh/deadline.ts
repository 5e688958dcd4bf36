import { AppError } from '../../../shared/ipc/errors';

/**
 * A timeout that can be paused while Hangar waits for the user (host-key or password prompt):
 * the connect timeout measures the network, not how long someone reads a fingerprint.
 */
export interface Deadline {
  pause(): void;
  resume(): void;
  clear(): void;
}

/** Starts a pausable timeout that calls `onExpire` once, unless cleared first. */
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  let remaining = ms;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined = setTimeout(onExpire, remaining);
  let pauses = 0;
  return {
    pause() {
      pauses += 1;
      if (pauses === 1 && timer) {
        clearTimeout(timer);
        timer = undefined;
        remaining -= Date.now() - startedAt;
      }
    },
    resume() {
      pauses = Math.max(0, pauses - 1);
      if (pauses === 0 && !timer && remaining !== Number.NEGATIVE_INFINITY) {
        startedAt = Date.now();
        timer = setTimeout(onExpire, Math.max(0, remaining));
      }
    },
    clear() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      remaining = Number.NEGATIVE_INFINITY;
    },
  };
}

/** The AppError for an aborted operation, so cancellation is never reported as a failure. */
export function cancelledError(what = 'The operation'): AppError {
  return new AppError('CANCELLED', `${what} was cancelled.`);
}

/**
 * Races a promise against an AbortSignal and a timeout. The work itself is not stopped here;
 * callers pass `onCancel` to close whatever channel they opened.
 */
export function withSignal<T>(
  work: Promise<T>,
  options: { signal?: AbortSignal; timeoutMs?: number; timeoutError?: () => AppError; onCancel?: () => void },
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (!signal && timeoutMs === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      options.onCancel?.();
      reject(cancelledError());
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        finish();
        options.onCancel?.();
        reject(options.timeoutError?.() ?? new AppError('TIMEOUT', `No answer within ${Math.round(timeoutMs / 1000)} s. Try again.`));
      }, timeoutMs);
    }
    work.then(
      (value) => {
        finish();
        resolve(value);
      },
      (error: unknown) => {
        finish();
        reject(error);
      },
    );
  });
}
