import type { CheckDeploymentInput, Layout } from '../../schemas/env';
import { removeKey, serializeEnvFile, setValue } from '../env/edit-env-file';
import { parseEnvFile } from '../env/parse-env-file';
import { fixture } from '../fixtures';

/**
 * Test support: clean deployments of each layout (no findings) built from the real fixtures,
 * and small edits that break exactly one thing. Only tests import this module.
 */
export type Scenario = CheckDeploymentInput;

/** Sets a key in one file of the scenario (the first file when `path` is omitted). */
export function withValue(s: Scenario, key: string, value: string, path?: string): Scenario {
  return {
    ...s,
    files: s.files.map((f, i) =>
      (path === undefined ? i === 0 : f.path === path) ? { ...f, text: serializeEnvFile(setValue(parseEnvFile(f.text), key, value)) } : f,
    ),
  };
}

export function withoutKey(s: Scenario, key: string, path?: string): Scenario {
  return {
    ...s,
    files: s.files.map((f, i) =>
      (path === undefined ? i === 0 : f.path === path) ? { ...f, text: serializeEnvFile(removeKey(parseEnvFile(f.text), key)) } : f,
    ),
  };
}

export function withText(s: Scenario, edit: (text: string) => string, path?: string): Scenario {
  return { ...s, files: s.files.map((f, i) => ((path === undefined ? i === 0 : f.path === path) ? { ...f, text: edit(f.text) } : f)) };
}

export function withCompose(s: Scenario, edit: (text: string) => string): Scenario {
  return { ...s, composeText: edit(s.composeText ?? '') };
}

/** The scenario as deployed last time, so init-only and SECRET_KEY changes can be detected. */
export function deployed(s: Scenario): Scenario {
  return { ...s, baseline: s.files };
}

const secret = 'Qm9uZC4gSmFtZXMgQm9uZC4gU2hha2VuLCBub3Qgc3RpcnJlZC4gMDA3IGFnZW50';
const live = 'k3v9Xq2LmP8wRt5Yb1Nc7Hd4Jf6Gs0Az';

/** Plane v1.3.1 as setup.sh installs it, with every shipped weakness fixed: zero findings. */
export function cleanCommunity(): Scenario {
  const { envText, composeText } = fixture('plane v1.3.1');
  let s: Scenario = { layout: 'community', files: [{ path: 'plane.env', text: envText }], composeText };
  const values: [string, string][] = [
    ['APP_RELEASE', 'v1.3.1'],
    ['SECRET_KEY', secret],
    ['LIVE_SERVER_SECRET_KEY', live],
    ['POSTGRES_PASSWORD', 'pg-Pass-2026'],
    ['DATABASE_URL', 'postgresql://plane:pg-Pass-2026@plane-db:5432/plane'],
    ['RABBITMQ_PASSWORD', 'mq-Pass-2026'],
    ['AMQP_URL', 'amqp://plane:mq-Pass-2026@plane-mq:5672/plane'],
    ['AWS_SECRET_ACCESS_KEY', 'minio-Pass-2026'],
  ];
  for (const [k, v] of values) s = withValue(s, k, v);
  return withoutKey(withoutKey(s, 'GUNICORN_WORKERS'), 'TRUSTED_PROXIES');
}

/** The rendered Dokploy template: already clean apart from "Dokploy owns these files". */
export function cleanDokploy(): Scenario {
  const { envText, composeText } = fixture('dokploy template v1.3.1');
  return { layout: 'dokploy', files: [{ path: '.env', text: envText }], composeText };
}

/** The user guide's split-domain deployment, done right. */
export function cleanSplit(): Scenario {
  return {
    layout: 'split',
    files: [
      {
        path: '.env.api',
        text: [
          'WEB_URL=https://plane.example.com',
          'CORS_ALLOWED_ORIGINS=https://plane.example.com',
          'API_BASE_URL=https://plane-api.example.com',
          `SECRET_KEY=${secret}`,
          'SESSION_COOKIE_SECURE=1',
          'CSRF_COOKIE_SECURE=1',
          'API_KEY_RATE_LIMIT=60/minute',
          'DEBUG=0',
          '',
        ].join('\n'),
      },
      {
        path: '.env.frontend',
        text: 'NEXT_PUBLIC_API_BASE_URL=https://plane-api.example.com\nVITE_API_BASE_URL=https://plane-api.example.com\n',
      },
      {
        path: '.env.live',
        text: `LIVE_SERVER_SECRET_KEY=${secret}\nAPI_BASE_URL=http://plane-api:8000\nALLOWED_ORIGINS=https://plane.example.com\n`,
      },
    ],
  };
}

export function clean(layout: Layout): Scenario {
  return layout === 'community' ? cleanCommunity() : layout === 'dokploy' ? cleanDokploy() : cleanSplit();
}
