import { describe, expect, it } from 'vitest';
import type { PromptEvent } from '../../../shared/ipc/contracts/connections';
import { createPromptBroker } from './prompt-broker';

const hostKey = {
  hostId: 'h1',
  hostLabel: '[127.0.0.1]:2222',
  algorithm: 'ssh-ed25519',
  fingerprint: 'SHA256:' + 'A'.repeat(43),
  kind: 'unknown' as const,
};

async function firstEvents(iterable: AsyncIterable<PromptEvent>, n: number): Promise<PromptEvent[]> {
  const out: PromptEvent[] = [];
  for await (const event of iterable) {
    out.push(event);
    if (out.length === n) break;
  }
  return out;
}

describe('createPromptBroker', () => {
  it('shows a pending question to a window that opens later, and the first answer wins', async () => {
    const broker = createPromptBroker();
    const asked = broker.ask('host-key', hostKey);
    const controller = new AbortController();
    const [event] = await firstEvents(broker.watch(controller.signal), 1);
    expect(event?.event).toBe('ask');
    const promptId = event?.event === 'ask' ? event.pending.promptId : '';
    expect(broker.answer({ type: 'passphrase', promptId, answer: null })).toBe(false);
    expect(broker.answer({ type: 'host-key', promptId, answer: 'trust' })).toBe(true);
    expect(broker.answer({ type: 'host-key', promptId, answer: 'reject' })).toBe(false);
    await expect(asked).resolves.toBe('trust');
    expect(broker.pending()).toHaveLength(0);
    controller.abort();
  });

  it('times out an unanswered question instead of hanging the connect', async () => {
    const broker = createPromptBroker();
    await expect(broker.ask('host-key', hostKey, { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(broker.pending()).toHaveLength(0);
  });

  it('withdraws the question when the connect is cancelled', async () => {
    const broker = createPromptBroker();
    const controller = new AbortController();
    const asked = broker.ask('host-key', hostKey, { signal: controller.signal });
    controller.abort();
    await expect(asked).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(broker.pending()).toHaveLength(0);
  });
});
