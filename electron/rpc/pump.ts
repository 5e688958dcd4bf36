/**
 * Batches stream events so a chatty source (a log follow at 10k lines/s) costs one IPC message per
 * ~50 ms or 64 KiB instead of one per line. Flushes early when the batch is large, and on end.
 */
export interface PumpOptions {
  intervalMs?: number;
  maxBytes?: number;
  /** Estimates an event's size; JSON length by default. */
  sizeOf?: (event: unknown) => number;
}

export interface Pump {
  push(event: unknown): void;
  /** Sends what is pending now (called before end so no event is lost). */
  flush(): void;
  dispose(): void;
}

export function createPump(send: (batch: unknown[]) => void, options: PumpOptions = {}): Pump {
  const intervalMs = options.intervalMs ?? 50;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const sizeOf = options.sizeOf ?? defaultSize;
  let pending: unknown[] = [];
  let pendingBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    send(batch);
  };

  return {
    push(event) {
      pending.push(event);
      pendingBytes += sizeOf(event);
      if (pendingBytes >= maxBytes) flush();
      else if (timer === undefined) timer = setTimeout(flush, intervalMs);
    },
    flush,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}

function defaultSize(event: unknown): number {
  if (typeof event === 'string') return event.length;
  try {
    return JSON.stringify(event)?.length ?? 0;
  } catch {
    return 0;
  }
}
