/**
 * Many producers (one follower per container) → one async iterable consumer, with backpressure:
 * `push` resolves only while fewer than `highWater` items wait, so a window that cannot keep up
 * slows the HTTP reads down (TCP/SSH flow control) instead of growing memory. Ends on `close`,
 * on the signal, or with an error from `fail`.
 */
export class EventChannel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeConsumer: (() => void) | undefined;
  private readonly waitingProducers: Array<() => void> = [];

  constructor(
    private readonly highWater = 64,
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.close(), { once: true });
  }

  /** Queues one item; resolves when there is room again (immediately after close: items are dropped). */
  async push(item: T): Promise<void> {
    if (this.closed) return;
    this.items.push(item);
    this.wake();
    if (this.items.length >= this.highWater) await new Promise<void>((resolve) => this.waitingProducers.push(resolve));
  }

  /** No more items: the consumer ends after draining what is queued. */
  close(): void {
    this.closed = true;
    this.wake();
    this.releaseProducers();
  }

  /** Ends the consumer with `error` after what is queued. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        if (this.items.length < this.highWater / 2) this.releaseProducers();
        yield item;
        continue;
      }
      if (this.closed) {
        if (this.failure !== undefined) throw this.failure.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  private releaseProducers(): void {
    for (const release of this.waitingProducers.splice(0)) release();
  }
}
