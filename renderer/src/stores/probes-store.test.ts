import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeClient } from '../bridge/client';
import { AppError } from '../../../shared/ipc/errors';
import type { ProbeFinding, ProbeReport } from '../../../shared/schemas/probe';
import { setClientForTests } from './client-ref';
import { checksOf, selectServiceStatuses, serviceStatuses, useProbesStore } from './probes-store';

const finding = (id: string, status: ProbeFinding['status'], service?: ProbeFinding['service']): ProbeFinding => ({
  id,
  group: 'cors',
  status,
  title: id,
  explanation: '',
  durationMs: 1,
  ...(service ? { service } : {}),
});

const report = (findings: ProbeFinding[]): ProbeReport => ({
  startedAt: '2025-01-01T00:00:00.000Z',
  durationMs: 420,
  target: { webUrl: 'http://a.test', apiUrl: 'http://a.test', liveUrl: 'http://a.test/live', layout: 'community' },
  findings,
  summary: { pass: 0, warn: 0, fail: 0, skip: 0 },
  ok: true,
});

/** A client whose calls are answered by `answer` and recorded in `calls`. */
function fakeClient(answer: (method: string, input: unknown) => unknown): { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const fake = {
    call: async (method: string, input: unknown) => {
      calls.push([method, input]);
      return answer(method, input);
    },
    subscribe: () => () => undefined,
  } as unknown as BridgeClient;
  setClientForTests(fake);
  return { calls };
}

afterEach(() => {
  setClientForTests(undefined);
  useProbesStore.setState({ byHost: {} });
});

describe('probes store', () => {
  it('prefills from the deployment, then runs the checks with what the form holds', async () => {
    const result = report([finding('cors.actual', 'pass', 'api')]);
    const { calls } = fakeClient((method) =>
      method === 'probes.inputFor'
        ? {
            project: 'plane-app',
            projects: ['plane-app'],
            notes: [],
            draft: { webUrl: 'http://a.test', layout: 'community', resolve: [], expected: { bucketName: 'uploads', serverAddresses: [] } },
          }
        : result,
    );
    const store = useProbesStore.getState();
    await store.prefill('h1');
    store.editForm('h1', { resolve: [{ host: 'a.test', address: '127.0.0.1' }] });
    await useProbesStore.getState().run('h1');
    expect(calls[1]).toEqual([
      'probes.run',
      expect.objectContaining({ webUrl: 'http://a.test', resolve: [{ host: 'a.test', address: '127.0.0.1' }] }),
    ]);
    expect(checksOf(useProbesStore.getState(), 'h1')).toMatchObject({ report: result, running: false, source: { project: 'plane-app' } });
  });

  it('does not call main with an invalid form and says which field is wrong', async () => {
    const { calls } = fakeClient(() => undefined);
    useProbesStore.getState().editForm('h1', { webUrl: 'plane.example.com' });
    await useProbesStore.getState().run('h1');
    expect(calls).toEqual([]);
    expect(checksOf(useProbesStore.getState(), 'h1').formErrors.webUrl).toMatch(/is not an absolute URL/);
  });

  it('keeps what the user typed when the prefill answers late', async () => {
    let release: () => void = () => undefined;
    fakeClient(
      () =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              project: 'p',
              projects: ['p'],
              notes: [],
              draft: {
                webUrl: 'http://server.test',
                layout: 'community',
                resolve: [],
                expected: { bucketName: 'uploads', serverAddresses: [] },
              },
            });
        }),
    );
    const pending = useProbesStore.getState().prefill('h1');
    useProbesStore.getState().editForm('h1', { webUrl: 'http://typed.test' });
    release();
    await pending;
    expect(checksOf(useProbesStore.getState(), 'h1').form.webUrl).toBe('http://typed.test');
  });

  it('keeps a failed run as an error with its code, next to the previous report', async () => {
    fakeClient(() => {
      throw new AppError('CANCELLED', 'The deployment check was cancelled.');
    });
    useProbesStore.getState().editForm('h1', { webUrl: 'http://a.test' });
    await useProbesStore.getState().run('h1');
    expect(checksOf(useProbesStore.getState(), 'h1').runError).toMatchObject({ code: 'CANCELLED' });
  });
});

describe('serviceStatuses', () => {
  it('colours a service by its worst finding and leaves unnamed services unknown', () => {
    const r = report([
      finding('a', 'pass', 'api'),
      finding('b', 'fail', 'api'),
      finding('c', 'warn', 'live'),
      finding('d', 'skip', 'minio'),
      finding('e', 'fail'),
    ]);
    expect(serviceStatuses(r)).toEqual({ api: 'fail', live: 'warn', minio: 'skip' });
  });

  it('returns the same object for the same report, so components do not re-render in a loop', () => {
    const r = report([finding('a', 'pass', 'proxy')]);
    useProbesStore.setState({ byHost: { h1: { ...checksOf(useProbesStore.getState(), 'h1'), report: r } } });
    const select = selectServiceStatuses('h1');
    expect(select(useProbesStore.getState())).toBe(select(useProbesStore.getState()));
    expect(select(useProbesStore.getState())).toEqual({ proxy: 'pass' });
  });
});
