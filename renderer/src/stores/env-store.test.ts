import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeApi, StreamSink } from '../../../shared/ipc/bridge-api';
import type { EnvLoadResult } from '../../../shared/schemas/env-edit';
import { createBridgeClient } from '../bridge/client';
import { setClientForTests } from './client-ref';
import { envOf, useEnvStore } from './env-store';

const HOST = 'h1';
const etag = (c: string) => c.repeat(64);
const deployment = {
  project: 'plane-app',
  layout: 'community' as const,
  workingDir: '/srv/plane',
  composeFiles: ['/srv/plane/docker-compose.yaml'],
  envFiles: [{ name: 'plane.env', path: '/srv/plane/plane.env', role: 'env' as const, interpolation: true, usedBy: [] }],
  version: 'v1.3.1',
  dokployManaged: false,
  services: [],
};
const loaded = (tag: string, cors: string): EnvLoadResult => ({
  deployment,
  files: [
    {
      ...deployment.envFiles[0]!,
      etag: etag(tag),
      mode: 0o600,
      mtime: '2025-01-01T00:00:00Z',
      text: `CORS_ALLOWED_ORIGINS=${cors}\n`,
      entries: [{ key: 'CORS_ALLOWED_ORIGINS', line: 1, value: cors, secret: false, known: true }],
      diagnostics: [],
    },
  ],
  findings: [],
  containerEnv: [],
});
const emptyPlan = {
  changedKeys: [],
  findings: [],
  recreate: { services: ['api'], reasons: [{ service: 'api', keys: ['CORS_ALLOWED_ORIGINS'] }] },
  warnings: [],
};

/** A main process double: answers per method, records every call, keeps stream sinks. */
function fakeMain(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const sinks: StreamSink[] = [];
  const bridge: BridgeApi = {
    call: async (method, input) => {
      calls.push({ method, input: input as Record<string, unknown> });
      const answer = answers[method];
      if (answer === undefined) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } } as never;
      try {
        return { ok: true, value: answer(input as Record<string, unknown>) } as never;
      } catch (error) {
        return { ok: false, error } as never;
      }
    },
    subscribe: (method, input, sink) => {
      calls.push({ method, input: input as Record<string, unknown> });
      sinks.push(sink);
      return () => undefined;
    },
  };
  setClientForTests(createBridgeClient(bridge));
  return { calls, sinks };
}

const session = () => envOf(useEnvStore.getState(), HOST);
const store = () => useEnvStore.getState();

describe('env store', () => {
  beforeEach(() => useEnvStore.setState({ byHost: {} }));
  afterEach(() => setClientForTests(undefined));

  it('saves against the etags as loaded, not as previewed, then clears the edits and shows the recreate plan', async () => {
    let version = loaded('a', 'http://x/');
    const main = fakeMain({
      'deployments.list': () => ({ deployments: [deployment], fetchedAt: '2025-01-01T00:00:00Z' }),
      'env.load': () => version,
      'env.preview': () => ({
        files: [{ name: 'plane.env', path: '/srv/plane/plane.env', changed: true, baseEtag: etag('b'), hunks: [] }],
        fixed: [],
        introduced: [],
        ...emptyPlan,
      }),
      'env.save': () => {
        version = loaded('c', 'http://x');
        return {
          files: [
            {
              name: 'plane.env',
              path: '/srv/plane/plane.env',
              etag: etag('c'),
              changed: true,
              backupPath: '/srv/plane/plane.env.hangar-backup-x',
            },
          ],
          ...emptyPlan,
        };
      },
    });
    await store().listDeployments(HOST);
    expect(session().project).toBe('plane-app');
    store().setEdit(HOST, 'plane.env::CORS_ALLOWED_ORIGINS', { key: 'CORS_ALLOWED_ORIGINS', files: ['plane.env'], value: 'http://x' });
    await store().review(HOST);
    expect(session().review?.preview?.files[0]?.changed).toBe(true);
    await store().save(HOST);

    const save = main.calls.find((c) => c.method === 'env.save');
    expect(save?.input).toMatchObject({
      expectedEtags: { 'plane.env': etag('a') },
      changes: [{ kind: 'set', file: 'plane.env', key: 'CORS_ALLOWED_ORIGINS', value: 'http://x' }],
    });
    expect(session().edits).toEqual({});
    expect(session().review).toBeNull();
    expect(session().saved?.recreate.services).toEqual(['api']);
    expect(session().data?.files[0]?.etag).toBe(etag('c'));
  });

  it('turns ENV_CONFLICT into the three-way view and, on "keep mine", reloads while keeping the form edits', async () => {
    let version = loaded('a', 'http://x/');
    fakeMain({
      'env.load': () => version,
      'env.preview': () => ({ files: [], fixed: [], introduced: [], ...emptyPlan }),
      'env.save': () => {
        throw {
          code: 'ENV_CONFLICT',
          message: 'changed',
          details: {
            file: 'plane.env',
            path: '/srv/plane/plane.env',
            base: 'A=1\n',
            mine: 'A=2\n',
            theirs: 'A=3\n',
            changedOnServer: ['A'],
          },
        };
      },
    });
    await store().select(HOST, 'plane-app');
    store().setEdit(HOST, 'plane.env::GUNICORN_WORKERS', { key: 'GUNICORN_WORKERS', files: ['plane.env'], value: '2' });
    await store().review(HOST);
    await store().save(HOST);
    expect(session().review).toBeNull();
    expect(session().conflict).toMatchObject({ base: 'A=1\n', mine: 'A=2\n', theirs: 'A=3\n', changedOnServer: ['A'] });

    version = loaded('d', 'http://y');
    await store().resolveConflict(HOST, 'keep-mine');
    expect(session().conflict).toBeNull();
    expect(session().data?.files[0]?.etag).toBe(etag('d'));
    expect(Object.keys(session().edits)).toEqual(['plane.env::GUNICORN_WORKERS']);
  });

  it('streams apply output into the panel and ends with the containers’ states', async () => {
    const main = fakeMain({ 'env.load': () => loaded('a', 'http://x') });
    await store().select(HOST, 'plane-app');
    store().apply(HOST, ['api']);
    const sink = main.sinks[0]!;
    sink.events([
      { type: 'start', tool: 'docker-compose', argv: ['docker-compose', 'up', '-d', 'api'] },
      { type: 'line', line: 'Recreating plane-app_api_1 ... done' },
    ]);
    expect(session().apply).toMatchObject({ running: true, lines: ['Recreating plane-app_api_1 ... done'] });
    const api = {
      service: 'api',
      containers: [{ id: '1', name: 'plane-app_api_1', state: 'running', status: 'Up 2 seconds', health: 'none', image: 'x' }],
    };
    sink.events([{ type: 'done', exitCode: 0, ok: true, services: [api], message: 'Recreated api; all are up.' }]);
    sink.end(null);
    expect(session().apply).toMatchObject({ running: false, done: { ok: true, services: [api] }, error: null });
    expect(main.calls.find((c) => c.method === 'env.apply')?.input).toMatchObject({ project: 'plane-app', services: ['api'] });
  });
});
