/**
 * Fan-out of events to any number of subscribers, each an AsyncIterable that ends when its
 * signal aborts. Late subscribers first receive `snapshot()` (the current state), so a window
 * that opens after a host connected still sees "connected". Slow consumers buffer up to
 * `maxBuffered` events, then the oldest are dropped (state streams only need the latest).
 */
export interface EventHub<T> {
  publish(event: T): void;
  subscribe(signal: AbortSignal): AsyncIterable<T>;
  readonly subscriberCount: number;
}

export function createEventHub<T>(snapshot: () => T[] = () => [], maxBuffered = 1000): EventHub<T> {
  const queues = new Set<{ items: T[]; wake: (() => void) | undefined }>();
  return {
    publish(event) {
      for (const queue of queues) {
        queue.items.push(event);
        if (queue.items.length > maxBuffered) queue.items.shift();
        queue.wake?.();
      }
    },
    get subscriberCount() {
      return queues.size;
    },
    subscribe(signal) {
      return {
        async *[Symbol.asyncIterator]() {
          const queue: { items: T[]; wake: (() => void) | undefined } = { items: [...snapshot()], wake: undefined };
          queues.add(queue);
          const onAbort = (): void => queue.wake?.();
          signal.addEventListener('abort', onAbort, { once: true });
          try {
            while (!signal.aborted) {
              const item = queue.items.shift();
              if (item !== undefined) {
                yield item;
                continue;
              }
              await new Promise<void>((resolve) => (queue.wake = resolve));
              queue.wake = undefined;
            }
          } finally {
            signal.removeEventListener('abort', onAbort);
            queues.delete(queue);
          }
        },
      };
    },
  };
}
