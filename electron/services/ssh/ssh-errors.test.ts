import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { mapSshError } from './ssh-errors';
import { isRetryable, reconnectDelay } from './reconnect-policy';

const context = { target: 'deploy@plane.example:22', timeoutMs: 15_000 };
const errno = (code: string, message = code) => Object.assign(new Error(message), { code });
const leveled = (level: string, message: string) => Object.assign(new Error(message), { level });

describe('SSH error mapping', () => {
  it.each([
    [errno('ENOTFOUND', 'getaddrinfo ENOTFOUND plane.example'), 'SSH_DNS_FAILED', /could not be resolved/],
    [errno('ECONNREFUSED'), 'SSH_CONNECTION_REFUSED', /refused the connection/],
    [errno('EHOSTUNREACH'), 'SSH_UNREACHABLE', /cannot be reached/],
    [errno('ETIMEDOUT'), 'SSH_TIMEOUT', /did not answer within 15 s/],
    [leveled('client-timeout', 'Timed out while waiting for handshake'), 'SSH_TIMEOUT', /did not answer/],
    [leveled('client-authentication', 'All configured authentication methods failed'), 'SSH_AUTH_FAILED', /authorized_keys/],
    [new Error('(SSH) Channel open failure: Connection refused'), 'SSH_CONNECTION_REFUSED', /refused/],
    [new Error('(SSH) Channel open failure: administratively prohibited'), 'SSH_CONNECTION_REFUSED', /forwarding is disabled/],
    [errno('ECONNRESET'), 'SSH_DISCONNECTED', /dropped/],
  ])('maps %s', (error, code, sentence) => {
    const mapped = mapSshError(error, context);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(sentence);
  });

  it('keeps an AppError as is and keeps the raw reason of unknown failures', () => {
    const original = new AppError('SSH_HOST_KEY_MISMATCH', 'x');
    expect(mapSshError(original, context)).toBe(original);
    const unknown = mapSshError(new Error('weird'), context);
    expect(unknown).toMatchObject({ code: 'INTERNAL', details: { reason: 'weird' } });
  });
});

describe('reconnect policy', () => {
  it('grows the delay but never beyond the cap, jitter included', () => {
    const policy = { initialDelayMs: 250, maxDelayMs: 2000, giveUpAfterMs: 60_000 };
    const delays = [1, 2, 3, 4, 5, 10, 50].map((n) => reconnectDelay(n, policy, () => 1));
    expect(delays).toEqual([250, 500, 1000, 2000, 2000, 2000, 2000]);
    expect(reconnectDelay(4, policy, () => 0)).toBe(1000);
  });

  it('does not retry what only the user can fix', () => {
    expect(['SSH_AUTH_FAILED', 'SSH_HOST_KEY_MISMATCH', 'SSH_PASSPHRASE_WRONG', 'CANCELLED'].some((c) => isRetryable(c as never))).toBe(
      false,
    );
    expect(isRetryable('SSH_CONNECTION_REFUSED')).toBe(true);
  });
});
