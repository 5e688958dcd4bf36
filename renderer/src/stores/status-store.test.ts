import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeClient, StreamHandlers } from '../bridge/client';
import { AppError } from '../../../shared/ipc/errors';
import type { ContainerGroup } from '../../../shared/schemas/container';
import type { Deployment } from '../../../shared/schemas/deployment';
import { setClientForTests } from './client-ref';
import { currentDeployment, RESUBSCRIBE_MS, statusOf, useStatusStore } from './status-store';

const deployment = (project: string): Deployment => ({
  project,
  layout: 'community',
  workingDir: `/opt/${project}`,
  composeFiles: [],
  envFiles: [],
  dokployManaged: false,
  services: [{ service: 'api', containers: [] }],
});
const group = (project: string, state = 'running'): ContainerGroup => ({
  project,
  containers: [
    {
      id: 'c1',
      name: `${project}-api-1`,
      service: 'api',
      project,
      image: 'img',
      state,
      status: state === 'running' ? 'Up 1 minute' : 'Exited (1) 1 second ago',
      health: 'none',
      createdAt: '2025-01-01T00:00:00.000Z',
      ports: [],
    },
  ],
});

/** A client whose subscriptions are recorded; `emit`/`end` drive the latest one. */
function fakeClient(deployments: () => Deployment[]) {
  const subscriptions: Array<{ input: unknown; handlers: StreamHandlers<'status.watch'>; cancelled: boolean }> = [];
  const calls: string[] = [];
  setClientForTests({
    call: async (method: string) => {
      calls.push(method);
      return { deployments: deployments(), fetchedAt: '2025-01-01T00:00:00Z' };
    },
    subscribe: (_method: string, input: unknown, handlers: StreamHandlers<'status.watch'>) => {
      const entry = { input, handlers, cancelled: false };
      subscriptions.push(entry);
      return () => (entry.cancelled = true);
    },
  } as unknown as BridgeClient);
  const latest = () => {
    const s = subscriptions.at(-1);
    if (s === undefined) throw new Error('nothing subscribed');
    return s;
  };
  return { subscriptions, calls, latest };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  setClientForTests(undefined);
  useStatusStore.setState({ byHost: {} });
});

describe('status store', () => {
  it('shares one stream per host between views and closes it when the last lets go', () => {
    const fake = fakeClient(() => []);
    const releaseA = useStatusStore.getState().watch('h1');
    const releaseB = useStatusStore.getState().watch('h1');
    expect(fake.subscriptions).toHaveLength(1);
    expect(fake.latest().input).toEqual({ hostId: 'h1' });
    releaseA();
    releaseA(); // twice is harmless
    expect(fake.latest().cancelled).toBe(false);
    releaseB();
    expect(fake.latest().cancelled).toBe(true);
  });

  it('keeps the last snapshot through a stale period, and clears the warning on the next snapshot', () => {
    const fake = fakeClient(() => []);
    const release = useStatusStore.getState().watch('h1');
    fake.latest().handlers.onEvents([{ event: 'snapshot', at: '2025-01-01T00:00:01Z', groups: [group('plane-app')] }]);
    fake
      .latest()
      .handlers.onEvents([{ event: 'stale', at: '2025-01-01T00:00:02Z', message: 'Live status paused: the SSH connection dropped.' }]);
    let status = statusOf(useStatusStore.getState(), 'h1');
    expect(status.groups?.[0]?.project).toBe('plane-app');
    expect(status.stale).toBe('Live status paused: the SSH connection dropped.');
    fake.latest().handlers.onEvents([
      { event: 'snapshot', at: '2025-01-01T00:00:05Z', groups: [group('plane-app', 'exited')] },
      { event: 'stale', at: '2025-01-01T00:00:06Z', message: 'again' },
      { event: 'snapshot', at: '2025-01-01T00:00:07Z', groups: [group('plane-app')] },
    ]);
    status = statusOf(useStatusStore.getState(), 'h1');
    expect(status.stale).toBeNull();
    expect(status.at).toBe('2025-01-01T00:00:07Z');
    release();
  });

  it('shows why the stream ended and opens it again after a pause', () => {
    const fake = fakeClient(() => []);
    const release = useStatusStore.getState().watch('h1');
    fake.latest().handlers.onEnd(new AppError('SSH_DISCONNECTED', 'The connection dropped.'));
    expect(statusOf(useStatusStore.getState(), 'h1').error).toMatchObject({ code: 'SSH_DISCONNECTED' });
    expect(fake.subscriptions).toHaveLength(1);
    vi.advanceTimersByTime(RESUBSCRIBE_MS);
    expect(fake.subscriptions).toHaveLength(2);
    fake.latest().handlers.onEvents([{ event: 'snapshot', at: '2025-01-01T00:00:01Z', groups: [] }]);
    expect(statusOf(useStatusStore.getState(), 'h1').error).toBeNull();
    release();
    vi.advanceTimersByTime(RESUBSCRIBE_MS * 3);
    expect(fake.subscriptions).toHaveLength(2);
  });

  it('does not re-open a stream after the view let go of it', () => {
    const fake = fakeClient(() => []);
    const release = useStatusStore.getState().watch('h1');
    fake.latest().handlers.onEnd(new AppError('DOCKER_ERROR', 'Docker stopped.'));
    release();
    vi.advanceTimersByTime(RESUBSCRIBE_MS * 2);
    expect(fake.subscriptions).toHaveLength(1);
  });

  it('looks for deployments again when a new compose project appears (Plane started meanwhile)', async () => {
    let found: Deployment[] = [];
    const fake = fakeClient(() => found);
    const release = useStatusStore.getState().watch('h1');
    await useStatusStore.getState().listDeployments('h1');
    expect(statusOf(useStatusStore.getState(), 'h1').deployments).toEqual([]);
    vi.advanceTimersByTime(6000);
    found = [deployment('plane-app')];
    fake.latest().handlers.onEvents([{ event: 'snapshot', at: '2025-01-01T00:00:01Z', groups: [group('plane-app')] }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls).toEqual(['deployments.list', 'deployments.list']);
    expect(statusOf(useStatusStore.getState(), 'h1').deployments?.map((d) => d.project)).toEqual(['plane-app']);
    // Known projects do not list again.
    vi.advanceTimersByTime(6000);
    fake.latest().handlers.onEvents([{ event: 'snapshot', at: '2025-01-01T00:00:09Z', groups: [group('plane-app')] }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls).toHaveLength(2);
    release();
  });

  it('shows the deployment picked, or the first one', async () => {
    fakeClient(() => [deployment('plane-a'), deployment('plane-b')]);
    await useStatusStore.getState().listDeployments('h1');
    expect(currentDeployment(statusOf(useStatusStore.getState(), 'h1'))?.project).toBe('plane-a');
    useStatusStore.getState().selectProject('h1', 'plane-b');
    expect(currentDeployment(statusOf(useStatusStore.getState(), 'h1'))?.project).toBe('plane-b');
    useStatusStore.getState().selectProject('h1', 'gone');
    expect(currentDeployment(statusOf(useStatusStore.getState(), 'h1'))?.project).toBe('plane-a');
  });
});
