import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashLabel, edgeCaddyfile, edgeServiceYaml, frontendCaddyfile, type EdgeRoute } from './edge-proxy';
import { HOST_RUNTIME_MOUNTS } from './image-build';
import { corsValue, renderOverride } from './layout-community';
import type { LayoutFiles, LayoutOptions } from './layouts';
import { labImages } from './plane-images';
import { splitCompose } from './split-compose';
import { combinedFrontendImageSpec, parseEnvText } from './split-images';
import { ensureLabTls } from './tls';

/** Host names of the split layout (user-deployment-guide.md: frontend and API on separate domains). */
export const SPLIT_WEB_HOST = 'plane.lab.test';
export const SPLIT_API_HOST = 'plane-api.lab.test';
/** The API domain a stale frontend bundle still calls (`frontend-api-url-mismatch`). */
export const SPLIT_OLD_API_URL = 'https://old-api.lab.test';

/** Services of the split compose file, as the guide names them (`plane-api`, `plane-live`, …). */
export const splitServices = [
  'plane-frontend',
  'plane-live',
  'plane-api',
  'plane-worker',
  'plane-beat-worker',
  'plane-migrator',
  'plane-db',
  'plane-redis',
  'plane-mq',
  'plane-minio',
] as const;
/** The lab's stand-in for the user's Traefik, defined in the override file. */
export const SPLIT_EDGE = 'traefik';

const SECRET_KEY = 'hangar-lab-split-secret-key-0123456789abcdefghijklmnopqrstuvwxyz';
const DB_PASSWORD = 'plane-lab-db-password';
const MQ_PASSWORD = 'plane-lab-mq-password';
const MINIO_PASSWORD = 'plane-lab-minio-secret';

/**
 * Writes `plane/` as the guide's user has it: `docker-compose.yml` with `env_file: .env.api`
 * (api, workers, migrator; db, mq and minio carry their own credentials inline), `.env.live` (live), `.env.frontend` (build-time only),
 * the frontend server config, plus the lab override with host mounts and the Traefik stand-in.
 * Public URLs carry the lab's https port so a hosts-file entry is all a browser needs.
 */
export async function writeSplitLayout(root: string, opts: LayoutOptions): Promise<LayoutFiles> {
  const dir = join(root, 'plane');
  await mkdir(join(dir, 'frontend'), { recursive: true });
  await mkdir(join(dir, 'traefik'), { recursive: true });
  const { faults } = opts;
  const port = opts.httpsPort === 443 ? '' : `:${opts.httpsPort}`;
  const web = `https://${SPLIT_WEB_HOST}${port}`;
  const api = `https://${SPLIT_API_HOST}${port}`;
  const tls = await ensureLabTls(join(root, 'tls'), [SPLIT_WEB_HOST, SPLIT_API_HOST]);

  const liveKey = faults.has('live-secret-missing')
    ? ''
    : faults.has('live-secret-mismatch')
      ? 'rotated-live-secret-only-in-env-live-0123456789abcdef'
      : SECRET_KEY;
  const files: Record<string, string> = {
    '.env.api': envFile('Plane API (plane-api) — served on ' + api, {
      WEB_URL: faults.has('mixed-scheme') ? web.replace(/^https:/, 'http:') : web,
      API_BASE_URL: api,
      CORS_ALLOWED_ORIGINS: corsValue(web, faults),
      SECRET_KEY,
      LIVE_SERVER_SECRET_KEY: SECRET_KEY,
      DEBUG: '0',
      SESSION_COOKIE_SECURE: '1',
      CSRF_COOKIE_SECURE: '1',
      API_KEY_RATE_LIMIT: '60/minute',
      GUNICORN_WORKERS: '1',
      ADMIN_BASE_URL: web,
      SPACE_BASE_URL: web,
      APP_BASE_URL: web,
      LIVE_BASE_URL: 'http://plane-live:3000',
      LIVE_BASE_PATH: '/live',
      POSTGRES_USER: 'plane',
      POSTGRES_PASSWORD: DB_PASSWORD,
      POSTGRES_DB: 'plane',
      PGHOST: 'plane-db',
      PGDATABASE: 'plane',
      PGDATA: '/var/lib/postgresql/data',
      DATABASE_URL: `postgresql://plane:${DB_PASSWORD}@plane-db:5432/plane`,
      REDIS_HOST: 'plane-redis',
      REDIS_PORT: '6379',
      REDIS_URL: 'redis://plane-redis:6379/',
      AMQP_URL: `amqp://plane:${MQ_PASSWORD}@plane-mq:5672/plane`,
      USE_MINIO: '1',
      AWS_REGION: '',
      AWS_ACCESS_KEY_ID: 'access-key',
      AWS_SECRET_ACCESS_KEY: MINIO_PASSWORD,
      AWS_S3_ENDPOINT_URL: 'http://plane-minio:9000',
      AWS_S3_BUCKET_NAME: 'uploads',
      FILE_SIZE_LIMIT: '5242880',
    }),
    '.env.frontend': envFile('Frontends — read at BUILD time only (baked into the bundles)', {
      NEXT_PUBLIC_API_BASE_URL: api,
      VITE_API_BASE_URL: api,
      VITE_WEB_BASE_URL: web,
      VITE_ADMIN_BASE_URL: web,
      VITE_ADMIN_BASE_PATH: '/god-mode',
      VITE_SPACE_BASE_URL: web,
      VITE_SPACE_BASE_PATH: '/spaces',
      VITE_LIVE_BASE_URL: web,
      VITE_LIVE_BASE_PATH: '/live',
    }),
    '.env.live': envFile('Live server (plane-live) — WebSocket on ' + web.replace(/^https/, 'wss') + '/live', {
      API_BASE_URL: 'http://plane-api:8000',
      LIVE_SERVER_SECRET_KEY: liveKey,
      ALLOWED_ORIGINS: web,
      LIVE_BASE_PATH: '/live',
      REDIS_HOST: 'plane-redis',
      REDIS_PORT: '6379',
      REDIS_URL: 'redis://plane-redis:6379/',
    }),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);

  const frontendConfig = frontendCaddyfile('plane-live:3000', faults);
  await writeFile(join(dir, 'frontend', 'Caddyfile'), frontendConfig);
  // The "build": reads .env.frontend from disk now; the running container never does.
  const built = parseEnvText(readFileSync(join(dir, '.env.frontend'), 'utf8')).VITE_API_BASE_URL ?? '';
  const bundleApiUrl = faults.has('frontend-api-url-mismatch') ? SPLIT_OLD_API_URL : built;

  const routes: EdgeRoute[] = [
    { host: SPLIT_WEB_HOST, upstream: 'plane-frontend:3000' },
    // Presigned upload URLs are built from the API request's Host, so the bucket path must be
    // routed to MinIO on the API domain (a PathPrefix(`/uploads`) router in Traefik).
    { host: SPLIT_API_HOST, upstream: 'plane-api:8000', api: true, paths: [{ prefix: '/uploads', upstream: 'plane-minio:9000' }] },
  ];
  const edge = edgeCaddyfile(routes, faults);
  const edgePath = join(dir, 'traefik', 'Caddyfile');
  await writeFile(edgePath, edge);
  await writeFile(
    join(dir, 'docker-compose.yml'),
    splitCompose({
      webHost: SPLIT_WEB_HOST,
      apiHost: SPLIT_API_HOST,
      dbPassword: DB_PASSWORD,
      mqPassword: MQ_PASSWORD,
      minioPassword: MINIO_PASSWORD,
    }),
  );
  const extraEnv: Record<string, Record<string, string>> = {};
  if (faults.has('migrator-fails')) extraEnv['plane-migrator'] = { LAB_FAULT_MIGRATION: '1' };
  const override =
    renderOverride(splitServices, {}, extraEnv) +
    edgeServiceYaml({
      name: SPLIT_EDGE,
      image: labImages.proxy,
      httpPort: opts.httpPort,
      httpsPort: opts.httpsPort,
      caddyfilePath: edgePath,
      certPath: tls.certPath,
      keyPath: tls.keyPath,
      configHash: contentHashLabel(edge, readFileSync(tls.certPath, 'utf8')),
      dependsOn: ['plane-frontend', 'plane-api'],
      hostMounts: HOST_RUNTIME_MOUNTS,
    });
  await writeFile(join(dir, 'docker-compose.override.yml'), override);

  return {
    projectName: 'plane-split',
    composeDir: dir,
    composeFiles: ['docker-compose.yml', 'docker-compose.override.yml'],
    envFiles: Object.fromEntries(Object.keys(files).map((n) => [n, join(dir, n)])),
    services: [...splitServices, SPLIT_EDGE],
    oneShot: 'plane-migrator',
    apiService: 'plane-api',
    imageOptions: {},
    extraImages: [combinedFrontendImageSpec(bundleApiUrl, frontendConfig)],
    hostNames: [SPLIT_WEB_HOST, SPLIT_API_HOST],
    urls: { web: `${web}/`, api: `${api}/api/`, live: `${web.replace(/^https/, 'wss')}/live/collaboration` },
    tls: { caCertPath: tls.caCertPath },
    readinessProbe: {
      path: '/api/instances/',
      headers: { Host: `${SPLIT_API_HOST}${port}` },
      tls: { servername: SPLIT_API_HOST, ca: readFileSync(tls.caCertPath, 'utf8') },
    },
  };
}

function envFile(title: string, values: Record<string, string>): string {
  return `# ${title}\n${Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}
