import { describe, expect, it } from 'vitest';
import type { BridgeApi, StreamSink } from '../../../shared/ipc/bridge-api';
import { AppError } from '../../../shared/ipc/errors';
import { createBridgeClient } from './client';

/** A transport double recording what the client sends and answering with canned wire data. */
function transport(answer: unknown): { bridge: BridgeApi; sinks: StreamSink[]; cancelled: number } {
  const state = { sinks: [] as StreamSink[], cancelled: 0 };
  const bridge: BridgeApi = {
    call: async () => answer as never,
    subscribe: (_method, _input, sink) => {
      state.sinks.push(sink);
      return () => void state.cancelled++;
    },
  };
  return {
    bridge,
    sinks: state.sinks,
    get cancelled() {
      return state.cancelled;
    },
  };
}

describe('bridge client', () => {
  it('rethrows an error result as an AppError that keeps its code', async () => {
    const client = createBridgeClient(transport({ ok: false, error: { code: 'SSH_CONNECTION_REFUSED', message: 'refused' } }).bridge);
    const error = await client.call('connections.connect', { hostId: 'h' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SSH_CONNECTION_REFUSED');
  });

  it('refuses a value that does not match the contract', async () => {
    const client = createBridgeClient(transport({ ok: true, value: { hosts: 'nope' } }).bridge);
    await expect(client.call('hosts.list', {})).rejects.toMatchObject({ code: 'INVALID_OUTPUT' });
  });

  it('delivers parsed stream events and exactly one end', () => {
    const t = transport(undefined);
    const client = createBridgeClient(t.bridge);
    const seen: string[] = [];
    const ends: (AppError | null)[] = [];
    client.subscribe(
      'connections.watch',
      {},
      { onEvents: (events) => seen.push(...events.map((e) => e.state)), onEnd: (e) => ends.push(e) },
    );
    const sink = t.sinks[0]!;
    sink.events([
      { hostId: 'h', state: 'connecting', since: '2025-01-01T00:00:00Z' },
      { hostId: 'h', state: 'connected', since: '2025-01-01T00:00:01Z' },
    ]);
    sink.end({ code: 'SSH_DISCONNECTED', message: 'dropped' });
    sink.end(null);
    expect(seen).toEqual(['connecting', 'connected']);
    expect(ends).toHaveLength(1);
    expect(ends[0]?.code).toBe('SSH_DISCONNECTED');
  });

  it('ends the stream and cancels it when an event breaks the contract', () => {
    const t = transport(undefined);
    const client = createBridgeClient(t.bridge);
    const ends: (AppError | null)[] = [];
    client.subscribe('connections.watch', {}, { onEvents: () => undefined, onEnd: (e) => ends.push(e) });
    t.sinks[0]!.events([{ hostId: 'h', state: 'exploded' }]);
    expect(ends[0]?.code).toBe('INVALID_OUTPUT');
    expect(t.cancelled).toBe(1);
  });
});
