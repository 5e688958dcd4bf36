import { describe, expect, it } from 'vitest';
import { RateBudget, retryAfterMs } from './rate-budget';

describe('RateBudget', () => {
  it('lets a burst through, then spaces requests to stay under the per-minute rate', () => {
    let now = 0;
    const budget = new RateBudget({ capacity: 3, refillPerMinute: 20, now: () => now });
    expect([budget.reserve(), budget.reserve(), budget.reserve()]).toEqual([0, 0, 0]);
    expect(budget.reserve()).toBe(3000);
    expect(budget.reserve()).toBe(6000);
    now = 60_000;
    expect(budget.reserve()).toBe(0);
  });

  it('never allows more than 30 requests in any minute under constant demand', () => {
    const now = 0;
    const budget = new RateBudget({ capacity: 10, refillPerMinute: 20, now: () => now });
    const sentAt: number[] = [];
    for (let i = 0; i < 100; i++) sentAt.push(now + budget.reserve());
    const worstMinute = Math.max(...sentAt.map((t) => sentAt.filter((s) => s >= t && s < t + 60_000).length));
    expect(worstMinute).toBeLessThanOrEqual(30);
  });

  it('pauses everything after a 429 until Retry-After', () => {
    let now = 1_000;
    const budget = new RateBudget({ capacity: 10, refillPerMinute: 20, now: () => now });
    budget.backOff(retryAfterMs('7', now));
    expect(budget.reserve()).toBeGreaterThanOrEqual(7000);
    now += 7000;
    expect(budget.reserve()).toBe(0);
  });

  it('reads Retry-After as seconds or as a date, and defaults to a minute', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs(new Date(5000).toUTCString(), 0)).toBe(5000);
    expect(retryAfterMs(undefined, 0)).toBe(60_000);
  });
});
