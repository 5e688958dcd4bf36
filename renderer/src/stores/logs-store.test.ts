import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeClient, StreamHandlers } from '../bridge/client';
import { AppError } from '../../../shared/ipc/errors';
import type { ContainerSummary } from '../../../shared/schemas/container';
import type { LogLevel, LogLine, LogsEvent, LogsTailInput } from '../../../shared/schemas/logs';
import { setClientForTests } from './client-ref';
import { useContainersStore } from './containers-store';
import { isFollowing, useLogsStore } from './logs-store';

interface Sub {
  input: LogsTailInput;
  handlers: StreamHandlers<'logs.tail'>;
  cancelled: boolean;
  send(...events: LogsEvent[]): void;
}

const container = (service: string, project = 'plane-app'): ContainerSummary => ({
  id: `id-${service}`,
  name: `${project}-${service}-1`,
  service,
  project,
  image: 'x',
  state: 'running',
  status: 'Up',
  health: 'none',
  createdAt: '2025-01-01T00:00:00Z',
  ports: [],
});
const api = container('api');
const worker = container('worker');
const proxy = container('proxy');

const line = (c: ContainerSummary, second: number, text: string, level: LogLevel = 'info'): LogLine => ({
  containerId: c.id,
  container: c.name,
  service: c.service,
  stream: 'stdout',
  ts: `2025-01-01T12:00:${String(second).padStart(2, '0')}.000000001Z`,
  text,
  level,
});

let subs: Sub[] = [];
let detach: () => void = () => undefined;

beforeEach(() => {
  subs = [];
  const fake = {
    call: async (method: string) => {
      if (method !== 'containers.list') throw new AppError('INTERNAL', `${method} is not used here`);
      return { groups: [{ project: 'plane-app', containers: [api, proxy, worker] }], fetchedAt: '2025-01-01T12:00:01Z' };
    },
    subscribe: (_method: string, input: LogsTailInput, handlers: StreamHandlers<'logs.tail'>) => {
      const sub: Sub = {
        input,
        handlers,
        cancelled: false,
        send: (...events) => {
          if (!sub.cancelled) handlers.onEvents(events);
        },
      };
      subs.push(sub);
      return () => {
        sub.cancelled = true;
      };
    },
  } as unknown as BridgeClient;
  setClientForTests(fake);
  useContainersStore.setState({ byHost: {} });
  detach = useLogsStore.getState().attach('h1');
});

afterEach(() => {
  detach();
  useLogsStore.getState().attach('reset')();
  setClientForTests(undefined);
});

const texts = () => useLogsStore.getState().view.rows.map((r) => (r.kind === 'line' ? r.line.text : `[${r.text}]`));
const last = (): Sub => {
  const sub = subs[subs.length - 1];
  if (sub === undefined) throw new Error('no subscription');
  return sub;
};

describe('logs store', () => {
  it('turns a selection into one merged logs.tail request and merges the lines in time order', () => {
    useLogsStore.getState().select([worker, api]);
    expect(last().input).toEqual({ hostId: 'h1', containerIds: ['id-api', 'id-worker'], tail: 500, follow: true });
    last().send({ event: 'lines', lines: [line(api, 1, 'api one'), line(api, 3, 'api three')] });
    last().send({ event: 'lines', lines: [line(worker, 2, 'worker two')] });
    expect(texts()).toEqual(['api one', 'worker two', 'api three']);
    expect(useLogsStore.getState().sources.map((s) => s.short)).toEqual(['api-1', 'worker-1']);
    expect(isFollowing(useLogsStore.getState())).toBe(true);
  });

  it('closes the old stream when the selection changes, and ignores what it still sends', () => {
    useLogsStore.getState().select([api]);
    const first = last();
    useLogsStore.getState().toggleSource(worker);
    expect(first.cancelled).toBe(true);
    expect(last().input.containerIds).toEqual(['id-api', 'id-worker']);
    first.handlers.onEvents([{ event: 'lines', lines: [line(api, 1, 'stale')] }]);
    expect(texts()).toEqual([]);
  });

  it('closes the stream when the view detaches, and picks up after the last line when it comes back', () => {
    useLogsStore.getState().select([api, worker]);
    last().send({ event: 'lines', lines: [line(api, 1, 'a1'), line(worker, 2, 'w2')] });
    const first = last();
    detach();
    expect(first.cancelled).toBe(true);
    detach = useLogsStore.getState().attach('h1');
    expect(last().input.since).toBe('2025-01-01T12:00:01.000000001Z');
    // The resumed stream repeats a line already held: it is dropped, not doubled.
    last().send({ event: 'lines', lines: [line(worker, 2, 'w2'), line(api, 4, 'a4')] });
    expect(texts()).toEqual(['a1', 'w2', 'a4']);
  });

  it('filters by text, regex and level, counts hidden levels, and explains a bad regex without dropping the view', () => {
    useLogsStore.getState().select([api]);
    last().send({
      event: 'lines',
      lines: [
        line(api, 1, 'GET /api/ 200'),
        line(api, 2, 'GET /api/ 500 boom', 'error'),
        line(api, 3, 'worker ready'),
        line(api, 4, 'retrying', 'warn'),
      ],
    });
    const store = useLogsStore.getState();
    store.setFilter({ text: 'GET' });
    expect(texts()).toEqual(['GET /api/ 200', 'GET /api/ 500 boom']);
    store.toggleLevel('info');
    expect(texts()).toEqual(['GET /api/ 500 boom']);
    expect(useLogsStore.getState().view.counts).toMatchObject({ info: 1, error: 1, warn: 0 });
    store.toggleLevel('info');
    store.setFilter({ text: '(ready|retry)', regex: true });
    expect(texts()).toEqual(['worker ready', 'retrying']);
    store.setFilter({ text: '(ready' });
    expect(useLogsStore.getState().filterError).toMatch(/not valid/);
    expect(texts()).toEqual(['worker ready', 'retrying']);
    // Highlights follow the filter still applied (the last valid one), not the half-typed text.
    expect(useLogsStore.getState().highlight('now ready')).toEqual([[4, 9]]);
    store.setFilter({ text: 'GET', regex: false });
    expect(useLogsStore.getState().highlight('a GET')).toEqual([[2, 5]]);
  });

  it('pauses and resumes following; f on a closed window switches to the live tail', () => {
    useLogsStore.getState().select([api]);
    last().send({ event: 'lines', lines: [line(api, 1, 'a1')] });
    const live = last();
    useLogsStore.getState().toggleFollow();
    expect(live.cancelled).toBe(true);
    expect(useLogsStore.getState().status).toBe('paused');
    useLogsStore.getState().toggleFollow();
    expect(last().input).toMatchObject({ since: '2025-01-01T12:00:01.000000001Z', follow: true });
    expect(texts()).toEqual(['a1']);

    useLogsStore.getState().setRange({ kind: 'window', from: '2025-01-01T11:00:00.000Z', to: '2025-01-01T11:05:00.000Z' });
    expect(last().input).toMatchObject({ since: '2025-01-01T11:00:00.000Z', until: '2025-01-01T11:05:00.000Z', follow: false });
    last().handlers.onEnd(null);
    expect(useLogsStore.getState().status).toBe('complete');
    useLogsStore.getState().toggleFollow();
    expect(useLogsStore.getState().range).toEqual({ kind: 'tail', lines: 500 });
    expect(last().input).toMatchObject({ tail: 500, follow: true });
  });

  it('marks a restart inline and says so in words when the stream fails; Retry resumes', () => {
    useLogsStore.getState().select([api]);
    last().send(
      { event: 'attached', containerId: api.id, container: api.name },
      { event: 'lines', lines: [line(api, 1, 'a1')] },
      { event: 'detached', containerId: api.id, container: api.name, reason: 'restarting' },
      { event: 'attached', containerId: api.id, container: api.name, since: '2025-01-01T12:00:01Z' },
    );
    expect(texts()).toEqual([
      'a1',
      expect.stringMatching(/^\[api-1 is restarting/),
      expect.stringMatching(/^\[api-1 restarted · re-attached at/),
    ]);
    last().handlers.onEnd(new AppError('DOCKER_ERROR', 'Docker stopped answering.'));
    expect(useLogsStore.getState()).toMatchObject({ status: 'failed', error: { message: 'Docker stopped answering.' } });
    useLogsStore.getState().retry();
    expect(last().input.since).toBe('2025-01-01T12:00:01.000000001Z');
    expect(useLogsStore.getState().status).toBe('connecting');
  });

  it('opens a role around a time: the proxy’s containers, the window around the check, the filter reset', async () => {
    useLogsStore.getState().setFilter({ text: 'left over' });
    await useLogsStore
      .getState()
      .openTarget({ hostId: 'h1', target: 'proxy', project: 'plane-app', at: '2025-01-01T12:06:00.000Z', reason: 'the check' });
    const state = useLogsStore.getState();
    expect(state.sources.map((s) => s.name)).toEqual(['plane-app-proxy-1']);
    expect(state.filter.text).toBe('');
    expect(last().input).toEqual({
      hostId: 'h1',
      containerIds: ['id-proxy'],
      since: '2025-01-01T12:01:00.000Z',
      until: '2025-01-01T12:07:00.000Z',
      tail: 100_000,
      follow: false,
    });
    expect(isFollowing(state)).toBe(false);
  });

  it('says so when a role has no container on the host, and opens nothing', async () => {
    useLogsStore.getState().select([api]);
    const before = subs.length;
    await useLogsStore.getState().openTarget({ hostId: 'h1', target: 'minio' });
    expect(useLogsStore.getState().notice).toBe('No container of minio runs on this host. Pick containers on the left.');
    expect(subs.length).toBe(before);
    expect(last().cancelled).toBe(true);
  });

  it('clear empties the list while the stream keeps adding', () => {
    useLogsStore.getState().select([api]);
    last().send({ event: 'lines', lines: [line(api, 1, 'a1')] });
    useLogsStore.getState().clear();
    expect(texts()).toEqual([]);
    last().send({ event: 'lines', lines: [line(api, 2, 'a2')] });
    expect(texts()).toEqual(['a2']);
  });
});
