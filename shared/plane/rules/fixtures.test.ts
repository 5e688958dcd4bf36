import { describe, expect, it } from 'vitest';
import { planeFixtures } from '../fixtures';
import { checkDeployment } from './check-deployment';

/**
 * The released files raise exactly what plane-reference.md predicts: the shipped SECRET_KEY (§8.9),
 * the empty LIVE_SERVER_SECRET_KEY that falls back to the published default from v1.1 (§8.10),
 * plane/plane and secret-key credentials (§8.16, D21), GUNICORN_WORKERS and TRUSTED_PROXIES that
 * no container receives (§8.23), APP_RELEASE=stable (§8.24); Dokploy's rendered template only
 * that Dokploy owns the files (§8.26).
 */
const expected: Readonly<Record<string, { ids: readonly string[]; notPassed: readonly string[] }>> = {
  'plane v0.27.1': {
    ids: ['secret-key-default', 'default-credentials', 'minio-default-secret', 'key-not-passed', 'app-release-floating'],
    notPassed: ['GUNICORN_WORKERS'],
  },
  'plane v1.0.0': {
    ids: ['secret-key-default', 'default-credentials', 'minio-default-secret', 'key-not-passed', 'app-release-floating'],
    notPassed: ['TRUSTED_PROXIES', 'GUNICORN_WORKERS'],
  },
  'plane v1.3.1': {
    ids: [
      'secret-key-default',
      'live-secret-known-default',
      'default-credentials',
      'minio-default-secret',
      'key-not-passed',
      'app-release-floating',
    ],
    notPassed: ['TRUSTED_PROXIES', 'GUNICORN_WORKERS'],
  },
  'dokploy template v1.3.1': { ids: ['dokploy-managed-files'], notPassed: [] },
};

describe.each(planeFixtures.map((f) => [f.name, f] as const))('%s', (name, f) => {
  const want = expected[name];
  it.each([
    ['with its compose file', f.composeText],
    ['with the env file alone', undefined],
  ])('raises exactly the predicted findings %s', (_label, composeText) => {
    const findings = checkDeployment({ layout: f.layout, files: [{ path: f.envPath, text: f.envText }], composeText });
    expect([...new Set(findings.map((x) => x.ruleId))].sort()).toEqual([...(want?.ids ?? [])].sort());
    expect(findings.filter((x) => x.ruleId === 'key-not-passed').flatMap((x) => x.keys)).toEqual(want?.notPassed);
  });
});
