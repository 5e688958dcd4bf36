import type { EnvKeySpec } from '../../schemas/env';
import { appServices, communityKeys, SHIPPED_LIVE_SECRET, SHIPPED_SECRET_KEY } from './community-keys';

/** Dokploy template's placeholder for both secrets when the UI leaves them empty. */
export const DOKPLOY_PLACEHOLDER_SECRET = 'dev-only-change-me';

const dokployRemoved = new Set([
  'NGINX_PORT',
  'LISTEN_HTTP_PORT',
  'LISTEN_HTTPS_PORT',
  'CERT_EMAIL',
  'CERT_ACME_CA',
  'CERT_ACME_DNS',
  'DOCKERHUB_USER',
  'PULL_POLICY',
  'CUSTOM_BUILD',
]);
const app = [...appServices];

/** Dokploy renames services to plane-* to avoid DNS collisions on its shared network (§7.2). */
export function dokployServiceName(service: string): string {
  return service.startsWith('plane-') || ['proxy', 'compose', 'setup.sh', 'dokploy'].includes(service) ? service : `plane-${service}`;
}

const dokployOverrides: Readonly<Record<string, Partial<EnvKeySpec>>> = {
  TRUSTED_PROXIES: {
    default: 'private_ranges',
    consumers: ['proxy', ...app],
    notes: "Passed to Caddy by the Dokploy template; 'private_ranges' trusts Dokploy's Traefik.",
  },
  GUNICORN_WORKERS: { default: '1', consumers: app, notes: 'Number of gunicorn workers of the API (wired by the Dokploy template).' },
  SECRET_KEY: { default: DOKPLOY_PLACEHOLDER_SECRET, knownValues: [DOKPLOY_PLACEHOLDER_SECRET, SHIPPED_SECRET_KEY] },
  LIVE_SERVER_SECRET_KEY: { default: DOKPLOY_PLACEHOLDER_SECRET, knownValues: [DOKPLOY_PLACEHOLDER_SECRET, SHIPPED_LIVE_SECRET] },
  API_BASE_URL: { default: 'http://plane-api:8000' },
  CORS_ALLOWED_ORIGINS: { default: 'http://localhost' },
  APP_RELEASE: { default: 'v1.3.1' },
};

/** Lines Dokploy writes for itself and for `docker compose -p`; no container is meant to read them. */
const composeBookkeeping = (key: string, notes: string): EnvKeySpec => ({
  key,
  type: 'text',
  secret: false,
  consumers: ['dokploy'],
  group: 'advanced',
  notes,
});

/**
 * The Dokploy template's `.env` (blueprints/plane, v1.3.1): the community keys minus the ones its
 * compose does not read, with its own defaults, plus the lines Dokploy itself writes.
 */
export const dokployKeys: readonly EnvKeySpec[] = [
  ...communityKeys
    .filter((k) => !dokployRemoved.has(k.key) && !k.key.endsWith('_REPLICAS'))
    .map((k) => {
      const merged = { ...k, ...dokployOverrides[k.key] };
      return { ...merged, consumers: merged.consumers.map(dokployServiceName) };
    }),
  composeBookkeeping('APP_NAME', 'Written by Dokploy: the application name.'),
  composeBookkeeping('COMPOSE_PROJECT_NAME', 'Written by Dokploy: the compose project (container name prefix).'),
  composeBookkeeping('DOCKER_CONFIG', 'Written by Dokploy: where docker finds registry credentials.'),
];

const api = ['plane-api', 'plane-worker', 'plane-beat-worker', 'plane-migrator'];
const base = (s: Omit<EnvKeySpec, 'secret'> & { secret?: boolean }): EnvKeySpec => ({ secret: false, ...s });
const fromCommunity = (key: string, file: 'api' | 'live', consumers: string[]): EnvKeySpec => {
  const k = communityKeys.find((c) => c.key === key);
  if (k === undefined) throw new Error(`community key ${key} missing`);
  return { ...k, file, consumers, since: undefined, default: undefined };
};

/**
 * The split-domain layout of the user deployment guide: `.env.api` (Django), `.env.frontend`
 * (values baked into frontend builds), `.env.live`. These files are `env_file:`s, so every key
 * reaches its container directly, without compose defaults.
 */
export const splitKeys: readonly EnvKeySpec[] = [
  base({
    key: 'CORS_ALLOWED_ORIGINS',
    type: 'origin-list',
    consumers: api,
    group: 'domains',
    file: 'api',
    notes: 'The frontend origin(s), e.g. https://plane.example.com: no trailing slash, never *.',
  }),
  base({
    key: 'WEB_URL',
    type: 'origin',
    consumers: api,
    group: 'domains',
    file: 'api',
    notes: 'The frontend origin: redirects and email links start with it.',
  }),
  base({
    key: 'API_BASE_URL',
    type: 'origin',
    consumers: api,
    group: 'domains',
    file: 'api',
    notes: "The API's public URL in the guide's convention (the stock API does not read it).",
  }),
  base({
    key: 'SESSION_COOKIE_SECURE',
    type: 'boolean',
    consumers: api,
    group: 'domains',
    file: 'api',
    notes: 'Guide: 1 on HTTPS. Stock Plane derives Secure cookies from CORS_ALLOWED_ORIGINS instead.',
  }),
  base({
    key: 'CSRF_COOKIE_SECURE',
    type: 'boolean',
    consumers: api,
    group: 'domains',
    file: 'api',
    notes: 'Guide: 1 on HTTPS. Stock Plane derives it from CORS_ALLOWED_ORIGINS.',
  }),
  ...[
    'SECRET_KEY',
    'LIVE_SERVER_SECRET_KEY',
    'DATABASE_URL',
    'REDIS_URL',
    'AMQP_URL',
    'USE_MINIO',
    'AWS_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_S3_ENDPOINT_URL',
    'AWS_S3_BUCKET_NAME',
    'FILE_SIZE_LIMIT',
    'MINIO_ENDPOINT_SSL',
    'DEBUG',
    'API_KEY_RATE_LIMIT',
    'GUNICORN_WORKERS',
  ].map((key) => fromCommunity(key, 'api', api)),
  base({
    key: 'VITE_API_BASE_URL',
    type: 'origin',
    consumers: ['plane-frontend'],
    group: 'domains',
    file: 'frontend',
    notes: "The API's public URL, baked into the bundle at build time (stock images ignore it at run time).",
  }),
  base({
    key: 'NEXT_PUBLIC_API_BASE_URL',
    type: 'origin',
    consumers: ['plane-frontend'],
    group: 'domains',
    file: 'frontend',
    notes: 'Same as VITE_API_BASE_URL for Next.js builds (Plane ≤ v1.1).',
  }),
  base({
    key: 'VITE_WEB_BASE_URL',
    type: 'origin',
    consumers: ['plane-frontend'],
    group: 'domains',
    file: 'frontend',
    notes: 'The frontend origin, for builds that need it.',
  }),
  {
    ...fromCommunity('LIVE_SERVER_SECRET_KEY', 'live', ['plane-live']),
    notes: "Guide: same value as the API's (its LIVE_SERVER_SECRET_KEY, or SECRET_KEY by the guide's convention).",
  },
  {
    ...fromCommunity('API_BASE_URL', 'live', ['plane-live']),
    notes: 'Internal URL of the API, e.g. http://plane-api:8000. Not the public URL.',
  },
  base({
    key: 'ALLOWED_ORIGINS',
    type: 'origin-list',
    consumers: ['plane-live'],
    group: 'domains',
    file: 'live',
    notes: 'Guide: the frontend origin. Stock live reads CORS_ALLOWED_ORIGINS instead, and WebSockets ignore CORS.',
  }),
  { ...fromCommunity('REDIS_URL', 'live', ['plane-live']) },
];
