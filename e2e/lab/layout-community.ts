import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashLabel } from './edge-proxy';
import { caddyfileWithFaults, type FaultName } from './faults';
import { HOST_RUNTIME_MOUNTS } from './image-build';
import type { LayoutFiles, LayoutOptions } from './layouts';
import { FIXTURES_DIR, LAB_RELEASE, labCaddyfile, labImages } from './plane-images';

/** The 13 services of Plane's community compose file, in its order. */
export const communityServices = [
  'web',
  'space',
  'admin',
  'live',
  'api',
  'worker',
  'beat-worker',
  'migrator',
  'plane-db',
  'plane-redis',
  'plane-mq',
  'plane-minio',
  'proxy',
] as const;

const imageRewrites: Array<[RegExp, string]> = [
  [/makeplane\/plane-(frontend|space|admin|live|backend|proxy):/g, 'hangar-lab/plane-$1:'],
  [/image: postgres:15\.7-alpine/, `image: ${labImages.postgres}`],
  [/image: valkey\/valkey:7\.2\.11-alpine/, `image: ${labImages.valkey}`],
  [/image: rabbitmq:3\.13\.6-management-alpine/, `image: ${labImages.rabbitmq}`],
  [/image: minio\/minio:latest/, `image: ${labImages.minio}`],
];

/**
 * Writes `plane-app/` as Plane's setup.sh leaves it: `docker-compose.yaml` (Plane's v1.3.1 file;
 * only the images differ, and the proxy publishes on loopback because Compose v1 has no
 * `host_ip` in the long port syntax), `plane.env` (Plane's variables.env with this lab's ports
 * and origin), plus `docker-compose.override.yaml` carrying the lab's host-runtime mounts and
 * fault knobs. Values are literal: Compose v1 does not expand `${APP_DOMAIN}` inside env files.
 */
export async function writeCommunityLayout(root: string, opts: LayoutOptions): Promise<LayoutFiles> {
  const dir = join(root, 'plane-app');
  await mkdir(dir, { recursive: true });
  const { faults } = opts;

  let compose = readFileSync(join(FIXTURES_DIR, 'plane-v1.3.1', 'docker-compose.yml'), 'utf8');
  for (const [pattern, replacement] of imageRewrites) compose = compose.replace(pattern, replacement);
  compose = compose.replace(
    / {4}ports:\n {6}- target: 80\n[\s\S]*?mode: host\n {6}- target: 443\n[\s\S]*?mode: host\n/,
    '    ports:\n      - "127.0.0.1:${LISTEN_HTTP_PORT:-80}:80"\n      - "127.0.0.1:${LISTEN_HTTPS_PORT:-443}:443"\n',
  );
  if (faults.has('live-secret-missing')) {
    // What third-party templates do: pass the variable through without Plane's default.
    compose = compose.replace(
      /(x-live-env: &live-env\n(?:.*\n)*?\s+LIVE_SERVER_SECRET_KEY: )\$\{LIVE_SERVER_SECRET_KEY:-[^}]*\}/,
      '$1${LIVE_SERVER_SECRET_KEY}',
    );
  }
  await writeFile(join(dir, 'docker-compose.yaml'), compose);

  const origin = `http://127.0.0.1:${opts.httpPort}`;
  const env: Record<string, string> = {
    APP_DOMAIN: `127.0.0.1:${opts.httpPort}`,
    APP_RELEASE: LAB_RELEASE,
    LISTEN_HTTP_PORT: String(opts.httpPort),
    LISTEN_HTTPS_PORT: String(opts.httpsPort),
    WEB_URL: origin,
    CORS_ALLOWED_ORIGINS: corsValue(origin, faults),
  };
  if (faults.has('db-password-drift')) {
    // Fresh volume: initialised with the new password while DATABASE_URL's default keeps plane:plane.
    // Existing volume: keeps the old password while both variables move to the new one.
    env.POSTGRES_PASSWORD = 'rotated-2024-password';
    if (opts.existingData) env.DATABASE_URL = 'postgresql://plane:rotated-2024-password@plane-db/plane';
  }
  await writeFile(join(dir, 'plane.env'), patchEnv(readFileSync(join(FIXTURES_DIR, 'plane-v1.3.1', 'variables.env'), 'utf8'), env));

  const proxyMounts: string[] = [];
  const extraLabels: Record<string, Record<string, string>> = {};
  if (faults.has('duplicate-allow-origin') || faults.has('ws-upgrade-stripped')) {
    const caddyfile = caddyfileWithFaults(labCaddyfile(), faults);
    await writeFile(join(dir, 'Caddyfile'), caddyfile);
    proxyMounts.push('./Caddyfile:/etc/caddy/Caddyfile:ro');
    // Same mount line for both proxy faults: the hash makes compose recreate proxy when switching.
    extraLabels.proxy = { 'dev.hangar.lab.config-hash': contentHashLabel(caddyfile) };
  }
  const extraEnv: Record<string, Record<string, string>> = {};
  if (faults.has('migrator-fails')) extraEnv.migrator = { LAB_FAULT_MIGRATION: '1' };
  await writeFile(
    join(dir, 'docker-compose.override.yaml'),
    renderOverride(communityServices, { proxy: proxyMounts }, extraEnv, extraLabels),
  );

  return {
    projectName: 'plane-app',
    composeDir: dir,
    composeFiles: ['docker-compose.yaml', 'docker-compose.override.yaml'],
    interpolationEnvFile: 'plane.env',
    envFiles: { 'plane.env': join(dir, 'plane.env') },
    services: [...communityServices],
    oneShot: 'migrator',
    apiService: 'api',
    imageOptions: {},
    hostNames: [],
    urls: { web: `${origin}/`, api: `${origin}/api/`, live: `ws://127.0.0.1:${opts.httpPort}/live/collaboration` },
    readinessProbe: { path: '/api/instances/' },
  };
}

/** CORS_ALLOWED_ORIGINS for the origin the lab serves, bent by the CORS faults. */
export function corsValue(origin: string, faults: ReadonlySet<FaultName>): string {
  if (faults.has('cors-trailing-slash')) return `${origin}/`;
  if (faults.has('cors-wildcard')) return '*';
  if (faults.has('cors-wrong-origin')) return 'https://plane.old-domain.lab.test';
  if (faults.has('cors-empty')) return '';
  if (faults.has('mixed-scheme')) return origin.replace(/^http:/, 'https:');
  return origin;
}

/** Sets KEY=value lines in an env file's text, keeping comments and order; appends missing keys. */
export function patchEnv(text: string, values: Record<string, string>): string {
  const seen = new Set<string>();
  const lines = text.split('\n').map((line) => {
    const key = /^([A-Z0-9_]+)=/.exec(line)?.[1];
    if (key === undefined || !(key in values)) return line;
    seen.add(key);
    return `${key}=${values[key]}`;
  });
  for (const [key, value] of Object.entries(values)) if (!seen.has(key)) lines.push(`${key}=${value}`);
  return lines.join('\n');
}

/** The lab-only override: host runtime mounts on every service, plus per-service knobs. */
export function renderOverride(
  services: readonly string[],
  extraMounts: Record<string, string[]>,
  extraEnv: Record<string, Record<string, string>>,
  extraLabels: Record<string, Record<string, string>> = {},
): string {
  const out = ['# Hangar lab only (not part of Plane): run host binaries inside the lab images.', 'services:'];
  for (const service of services) {
    out.push(`  ${service}:`, '    volumes:');
    for (const mount of [...HOST_RUNTIME_MOUNTS, ...(extraMounts[service] ?? [])]) out.push(`      - ${mount}`);
    const env = extraEnv[service];
    if (env) {
      out.push('    environment:');
      for (const [key, value] of Object.entries(env)) out.push(`      ${key}: ${JSON.stringify(value)}`);
    }
    const labels = extraLabels[service];
    if (labels) {
      out.push('    labels:');
      for (const [key, value] of Object.entries(labels)) out.push(`      ${key}: ${JSON.stringify(value)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
