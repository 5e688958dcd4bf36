import { setTimeout as sleep } from 'node:timers/promises';
import { headerValue } from '../../../shared/plane/probes/headers';
import { RateBudget, retryAfterMs } from '../../../shared/plane/probes/rate-budget';
import type { HttpRecord } from '../../../shared/plane/probes/recording';

/** One budget per API origin for the whole process: repeated runs share it, as Plane's throttle does. */
const budgets = new Map<string, RateBudget>();

/** The shared budget of an API origin (created on first use). */
export function budgetFor(apiOrigin: string): RateBudget {
  let budget = budgets.get(apiOrigin);
  if (!budget) {
    budget = new RateBudget();
    budgets.set(apiOrigin, budget);
  }
  return budget;
}

/**
 * Sends a request that counts against Plane's anonymous limit: waits for a token, and on 429
 * backs the whole budget off by Retry-After and tries once more if that fits in the check's
 * timeout. Otherwise the 429 is returned as evidence (finding D26).
 */
export async function withBudget(
  budget: RateBudget,
  signal: AbortSignal,
  timeoutMs: number,
  send: () => Promise<HttpRecord>,
): Promise<HttpRecord> {
  await wait(budget.reserve(), signal);
  const first = await send();
  if (first.response?.status !== 429) return first;
  const backoff = retryAfterMs(headerValue(first.response.rawHeaders, 'retry-after'), Date.now());
  budget.backOff(backoff);
  if (backoff > timeoutMs) return first;
  await wait(budget.reserve(), signal);
  return send();
}

async function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return;
  await sleep(ms, undefined, { signal });
}
