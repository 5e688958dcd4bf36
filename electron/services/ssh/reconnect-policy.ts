import type { ErrorCode } from '../../../shared/ipc/errors';

/** Backoff settings. The cap is what bounds "back within 3 s after the server answers again". */
export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** After this long without success the state becomes `failed` and Hangar stops trying. */
  giveUpAfterMs: number;
}

/** 250 ms doubling to a 2 s cap: worst case ≈2.1 s from the server's return to connected. */
export const defaultReconnectPolicy: ReconnectPolicy = { initialDelayMs: 250, maxDelayMs: 2000, giveUpAfterMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so many clients
 * dropped by one server restart do not hammer it in lockstep, yet no wait exceeds the cap.
 */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (base / 2) * random());
}

/**
 * Failures that retrying cannot fix without the user: credentials, host keys, cancellation.
 * Reconnecting on them would only repeat the refusal (or lock the account).
 */
export function isRetryable(code: ErrorCode): boolean {
  return ['SSH_DNS_FAILED', 'SSH_CONNECTION_REFUSED', 'SSH_UNREACHABLE', 'SSH_TIMEOUT', 'SSH_DISCONNECTED', 'INTERNAL', 'TIMEOUT'].includes(
    code,
  );
}
