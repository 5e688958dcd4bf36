import { describe, expect, it } from 'vitest';
import { statusLine } from './status-text';

const since = '2025-01-01T10:00:00.000Z';
const at = (ms: number) => Date.parse(since) + ms;

describe('statusLine', () => {
  it('counts a reconnect down from since + retryInMs', () => {
    const state = { hostId: 'h', state: 'reconnecting' as const, retryInMs: 5000, since };
    expect(statusLine(state, at(0))).toEqual({ text: 'Reconnecting in 5s', tone: 'warn' });
    expect(statusLine(state, at(3200))).toEqual({ text: 'Reconnecting in 2s', tone: 'warn' });
    expect(statusLine(state, at(6000)).text).toBe('Reconnecting…');
  });

  it('never shows "failed" without its reason', () => {
    const state = { hostId: 'h', state: 'failed' as const, since, error: { code: 'SSH_HOST_KEY_MISMATCH' as const, message: 'x' } };
    expect(statusLine(state, at(0))).toEqual({ text: 'Failed · Host key changed', tone: 'bad' });
  });

  it('treats a host never seen in the stream as not connected', () => {
    expect(statusLine(undefined, 0)).toEqual({ text: 'Not connected', tone: 'idle' });
  });
});
