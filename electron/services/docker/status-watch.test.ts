import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import type { ContainerGroup } from '../../../shared/schemas/container';
import type { StatusEvent } from '../../../shared/schemas/status';
import { changesState } from './change-gate';
import { watchStatus, type StatusSource } from './status-watch';

/** A Docker stand-in: each attempt gets a fresh PassThrough as its event stream; lists are counted. */
function fakeDocker(opts: { failConnect?: number[] } = {}) {
  const streams: PassThrough[] = [];
  const attempts: number[] = [];
  let lists = 0;
  const connect = async (_signal: AbortSignal, attempt: number): Promise<StatusSource> => {
    attempts.push(attempt);
    if (opts.failConnect?.includes(attempts.length - 1)) throw new AppError('SSH_DISCONNECTED', 'The SSH connection to lab dropped.');
    return {
      where: 'on lab',
      events: async () => {
        const stream = new PassThrough();
        streams.push(stream);
        return stream;
      },
      list: async (): Promise<ContainerGroup[]> => {
        lists += 1;
        return [{ project: 'plane-app', containers: [] }];
      },
    };
  };
  return { connect, streams, attempts, lists: () => lists };
}

/** Runs the watch in the background, collecting what it yields and how it ended. */
function run(options: Parameters<typeof watchStatus>[0]) {
  const events: StatusEvent[] = [];
  let ended: 'done' | Error | undefined;
  const done = (async () => {
    try {
      for await (const event of watchStatus(options)) events.push(event);
      ended = 'done';
    } catch (error) {
      ended = error as Error;
    }
  })();
  return { events, done, ended: () => ended };
}

const line = (action: string, type = 'container') =>
  `${JSON.stringify({ Type: type, Action: action, Actor: { ID: 'abc', Attributes: { name: 'plane-app-api-1' } } })}\n`;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchStatus', () => {
  it('sends a snapshot first, then one per burst of container events after the debounce', async () => {
    const docker = fakeDocker();
    const controller = new AbortController();
    const watch = run({ signal: controller.signal, connect: docker.connect });
    await vi.advanceTimersByTimeAsync(0);
    expect(watch.events.map((e) => e.event)).toEqual(['snapshot']);

    const stream = docker.streams[0];
    if (stream === undefined) throw new Error('no event stream opened');
    stream.write(line('kill'));
    stream.write(line('die').slice(0, 20)); // a line split across chunks
    stream.write(line('die').slice(20) + line('stop'));
    await vi.advanceTimersByTimeAsync(100);
    expect(watch.events).toHaveLength(1); // still settling
    await vi.advanceTimersByTimeAsync(100);
    expect(watch.events.map((e) => e.event)).toEqual(['snapshot', 'snapshot']);
    expect(docker.lists()).toBe(2);
    controller.abort();
    await watch.done;
  });

  it('ignores healthcheck execs and non-container events, but not a health change', async () => {
    expect(changesState({ Type: 'container', Action: 'exec_start: /bin/sh -c pg_isready' })).toBe(false);
    expect(changesState({ Type: 'network', Action: 'connect' })).toBe(false);
    expect(changesState({ Type: 'container', Action: 'health_status: unhealthy' })).toBe(true);
    const docker = fakeDocker();
    const controller = new AbortController();
    const watch = run({ signal: controller.signal, connect: docker.connect });
    await vi.advanceTimersByTimeAsync(0);
    docker.streams[0]?.write(
      line('exec_create: pg_isready') + line('exec_start: pg_isready') + line('exec_die') + line('connect', 'network'),
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(docker.lists()).toBe(1);
    docker.streams[0]?.write(line('health_status: healthy'));
    await vi.advanceTimersByTimeAsync(200);
    expect(docker.lists()).toBe(2);
    controller.abort();
    await watch.done;
  });

  it('still snapshots during an endless burst (a crash loop), at most every maxWait', async () => {
    const docker = fakeDocker();
    const controller = new AbortController();
    const watch = run({ signal: controller.signal, connect: docker.connect, timing: { debounceMs: 150, maxWaitMs: 1000 } });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 25; i++) {
      docker.streams[0]?.write(line(i % 2 === 0 ? 'start' : 'die'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(docker.lists()).toBe(3); // first snapshot + one per second of the 2.5 s burst
    controller.abort();
    await watch.done;
  });

  it('says the status is stale when the stream breaks, retries with backoff, then snapshots again', async () => {
    const docker = fakeDocker({ failConnect: [1] });
    const controller = new AbortController();
    const watch = run({ signal: controller.signal, connect: docker.connect, retryDelayMs: (n) => 1000 * 2 ** n });
    await vi.advanceTimersByTimeAsync(0);
    docker.streams[0]?.destroy(new Error('read ECONNRESET'));
    await vi.advanceTimersByTimeAsync(0);
    expect(watch.events.map((e) => e.event)).toEqual(['snapshot', 'stale']);
    const stale = watch.events[1];
    expect(stale?.event === 'stale' && stale.message).toMatch(/^Live status paused: .*ECONNRESET.* tries again in 1 s\.$/);

    await vi.advanceTimersByTimeAsync(1000); // retry 1: the host is still away
    expect(watch.events.map((e) => e.event)).toEqual(['snapshot', 'stale', 'stale']);
    expect(watch.events[2]?.event === 'stale' && watch.events[2].message).toContain(
      'The SSH connection to lab dropped. What you see may be out of date; Hangar tries again in 2 s.',
    );
    await vi.advanceTimersByTimeAsync(1999);
    expect(docker.attempts).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(docker.attempts).toEqual([0, 1, 2]);
    expect(watch.events.map((e) => e.event)).toEqual(['snapshot', 'stale', 'stale', 'snapshot']);
    controller.abort();
    await watch.done;
    expect(watch.ended()).toBe('done');
  });

  it('ends with the error when Docker cannot be reached before the first snapshot', async () => {
    const docker = fakeDocker({ failConnect: [0] });
    const watch = run({ signal: new AbortController().signal, connect: docker.connect });
    await vi.advanceTimersByTimeAsync(0);
    await watch.done;
    expect(watch.ended()).toMatchObject({ code: 'SSH_DISCONNECTED' });
    expect(watch.events).toEqual([]);
  });

  it('stops instead of retrying when the host was disconnected on purpose', async () => {
    const docker = fakeDocker();
    const watch = run({ signal: new AbortController().signal, connect: docker.connect, shouldRetry: () => false });
    await vi.advanceTimersByTimeAsync(0);
    docker.streams[0]?.end();
    await vi.advanceTimersByTimeAsync(0);
    await watch.done;
    expect(watch.ended()).toMatchObject({ code: 'DOCKER_ERROR', message: expect.stringContaining('closed its event stream') });
    expect(docker.attempts).toEqual([0]);
  });

  it('ends when the signal aborts, closing the event stream and leaving no listener behind', async () => {
    const docker = fakeDocker();
    const controller = new AbortController();
    const watch = run({ signal: controller.signal, connect: docker.connect });
    await vi.advanceTimersByTimeAsync(0);
    const stream = docker.streams[0];
    stream?.write(line('start')); // a pending debounce timer too
    controller.abort();
    await watch.done;
    expect(watch.ended()).toBe('done');
    expect(stream?.destroyed).toBe(true);
    expect(stream?.listenerCount('data')).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
