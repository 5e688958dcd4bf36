/**
 * A token bucket for anonymous requests to Plane's API. DRF throttles anonymous clients at
 * 30/minute per IP; probes spend at most `refillPerMinute` (default 20) so that the user's own
 * browser tab, sharing the same IP, keeps headroom. A 429 empties the bucket until Retry-After.
 */
export class RateBudget {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;

  constructor(
    private readonly options: { capacity: number; refillPerMinute: number; now: () => number } = {
      capacity: 10,
      refillPerMinute: 20,
      now: () => Date.now(),
    },
  ) {
    this.tokens = options.capacity;
    this.updatedAt = options.now();
  }

  /**
   * Takes one token and returns how long the caller must wait before sending (0 = now). The
   * token is reserved immediately, so concurrent callers queue instead of all sending at once.
   */
  reserve(): number {
    const now = this.options.now();
    this.refill(now);
    this.tokens -= 1;
    const deficitMs = this.tokens >= 0 ? 0 : (-this.tokens * 60_000) / this.options.refillPerMinute;
    return Math.max(deficitMs, this.pausedUntil - now, 0);
  }

  /** Records a 429: nothing is sent until `retryAfterMs` from now, and the bucket starts empty. */
  backOff(retryAfterMs: number): void {
    const now = this.options.now();
    this.refill(now);
    this.tokens = Math.min(this.tokens, 0);
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.options.capacity, this.tokens + (elapsed * this.options.refillPerMinute) / 60_000);
    this.updatedAt = now;
  }
}

/** Reads Retry-After (seconds or an HTTP date) in ms; falls back to a minute, Plane's throttle window. */
export function retryAfterMs(value: string | undefined, now: number): number {
  if (value === undefined) return 60_000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 60_000 : Math.max(0, date - now);
}
