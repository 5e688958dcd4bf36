import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ImageEntry, ImageSpec } from './image-build';

/** Where the lab's service code lives; every app also runs directly on the host from here. */
export const APPS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'apps');
/** Copies of ../shared/fixtures the lab derives its files from (tests must not depend on ../shared). */
export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const REPO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Plane release the lab impersonates; `/api/instances/` reports it as `current_version`. */
export const LAB_RELEASE = 'v1.3.1';

/** Image refs per Plane image, as the compose files name them (only the registry part differs). */
export const labImages = {
  backend: `hangar-lab/plane-backend:${LAB_RELEASE}`,
  frontend: `hangar-lab/plane-frontend:${LAB_RELEASE}`,
  space: `hangar-lab/plane-space:${LAB_RELEASE}`,
  admin: `hangar-lab/plane-admin:${LAB_RELEASE}`,
  live: `hangar-lab/plane-live:${LAB_RELEASE}`,
  proxy: `hangar-lab/plane-proxy:${LAB_RELEASE}`,
  postgres: 'hangar-lab/postgres:15.7-alpine',
  valkey: 'hangar-lab/valkey:7.2.11-alpine',
  rabbitmq: 'hangar-lab/rabbitmq:3.13.6-management-alpine',
  minio: 'hangar-lab/minio:latest',
} as const;

/**
 * Every image a layout needs. `apiBaseUrl` is baked into the frontend bundles at "build time",
 * like VITE_API_BASE_URL in the split layout: the running container cannot change it, which is
 * exactly the trap the `frontend-api-url-mismatch` fault reproduces. `tagSuffix` keeps a
 * layout-specific bundle from overwriting the community one.
 */
export function planeImageSpecs(opts: { apiBaseUrl?: string; tagSuffix?: string } = {}): ImageSpec[] {
  const suffix = opts.tagSuffix ?? '';
  const node = { PORT: '3000', NODE_ENV: 'production' };
  const frontend = (ref: string, basePath: string, title: string): ImageSpec => ({
    ref: `${ref}${suffix}`,
    entries: [...dirEntries(join(APPS_DIR, 'static'), '/app'), ...bundleEntries(basePath, title, opts.apiBaseUrl ?? '')],
    cmd: ['node', '/app/server.mjs'],
    env: { ...node, BASE_PATH: basePath, STATIC_ROOT: '/app/dist' },
    workdir: '/app',
    expose: [3000],
  });
  return [
    {
      ref: labImages.backend,
      entries: dirEntries(join(APPS_DIR, 'api'), '/code'),
      cmd: ['./bin/docker-entrypoint-api.sh'],
      env: { PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1', APP_VERSION: LAB_RELEASE },
      workdir: '/code',
      expose: [8000],
    },
    frontend(labImages.frontend, '/', 'Plane'),
    frontend(labImages.space, '/spaces/', 'Plane | Spaces'),
    frontend(labImages.admin, '/god-mode/', 'Plane | God Mode'),
    {
      ref: labImages.live,
      entries: [...dirEntries(join(APPS_DIR, 'live'), '/app'), ...nodeModulesEntries(['@hocuspocus/server', 'ws'], '/app/node_modules')],
      cmd: ['node', '/app/server.mjs'],
      env: { ...node, APP_VERSION: LAB_RELEASE },
      workdir: '/app',
      expose: [3000],
    },
    {
      ref: labImages.proxy,
      entries: [
        { path: '/etc/caddy/Caddyfile', content: labCaddyfile() },
        { path: '/config', dir: true },
      ],
      cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
      env: { XDG_CONFIG_HOME: '/config', XDG_DATA_HOME: '/data' },
      expose: [80, 443],
    },
    {
      ref: labImages.postgres,
      entries: [
        { path: '/docker-entrypoint.sh', content: readFileSync(join(APPS_DIR, 'postgres', 'docker-entrypoint.sh')), mode: 0o755 },
        { path: '/var/lib/postgresql', dir: true },
      ],
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['postgres'],
      env: { PGDATA: '/var/lib/postgresql/data' },
      expose: [5432],
    },
    {
      ref: labImages.valkey,
      // valkey-cli for the Dokploy template's healthcheck: the host's redis-cli speaks the same protocol.
      entries: [{ path: '/opt/valkey/bin/valkey-cli', symlink: '/usr/bin/redis-cli' }],
      env: { PATH: '/opt/valkey/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      cmd: ['redis-server', '--dir', '/data', '--protected-mode', 'no', '--bind', '0.0.0.0'],
      workdir: '/data',
      expose: [6379],
    },
    {
      ref: labImages.rabbitmq,
      entries: [
        ...dirEntries(join(APPS_DIR, 'mq'), '/app'),
        { path: '/opt/rabbitmq/sbin/rabbitmq-diagnostics', symlink: '/app/rabbitmq-diagnostics' },
      ],
      cmd: ['node', '/app/server.mjs'],
      // rabbitmq-diagnostics lives in /opt/rabbitmq/sbin in the real image (Dokploy's healthcheck calls it).
      env: { PATH: '/opt/rabbitmq/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      expose: [5672, 15672],
    },
    {
      ref: labImages.minio,
      entries: [...dirEntries(join(APPS_DIR, 'minio'), '/app'), { path: '/export', dir: true }],
      entrypoint: ['node', '/app/server.mjs'],
      expose: [9000, 9090],
    },
  ];
}

/**
 * Plane's Caddyfile.ce for the Caddy this machine has. Debian's Caddy 2.6 predates the
 * `client_ip_headers` and `trusted_proxies` server options (2.7); they only decide which header
 * names the client IP, nothing Hangar probes, so the lab drops those two lines and keeps every
 * route.
 */
export function labCaddyfile(): string {
  const original = readFileSync(join(FIXTURES_DIR, 'plane-v1.3.1', 'Caddyfile.ce'), 'utf8');
  return original.replace(/^\s*(client_ip_headers|trusted_proxies) .*\n/gm, '');
}

/**
 * Files of a host directory as image entries under `target`, keeping the executable bit. Nested
 * `node_modules` are left out: packages enter an image only through `nodeModulesEntries`.
 */
export function dirEntries(hostDir: string, target: string): ImageEntry[] {
  const out: ImageEntry[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === '__pycache__' || name.endsWith('.pyc') || name.endsWith('.test.ts')) continue;
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else out.push({ path: `${target}/${relative(hostDir, full)}`, content: readFileSync(full), mode: stat.mode & 0o111 ? 0o755 : 0o644 });
    }
  };
  walk(hostDir);
  return out;
}

const packageJson = z.looseObject({
  name: z.string(),
  version: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  peerDependenciesMeta: z.record(z.string(), z.looseObject({ optional: z.boolean().optional() })).optional(),
});

/**
 * Runtime dependency closure of `roots` (dependencies + peerDependencies, resolved the way Node
 * does: nearest `node_modules` first, walking up to the repo's), as the installed folders.
 * Optional peers that are not installed are skipped; a required one that is missing throws, so
 * an image never ships a package whose import would fail at container start.
 */
export function nodeModulesClosure(roots: readonly string[], repoDir = REPO_DIR): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = resolvePackageDir(name, fromDir, repoDir);
    if (dir === undefined) {
      if (optional) return;
      throw new Error(`${name} (needed from ${relative(repoDir, fromDir) || '.'}) is not installed: run npm install.`);
    }
    if (found.has(dir)) return;
    found.add(dir);
    const pkg = packageJson.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.peerDependencies ?? {})) visit(dep, dir, pkg.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const root of roots) visit(root, repoDir, false);
  return [...found].sort();
}

/**
 * Files of `nodeModulesClosure(roots)` as image entries under `target`, keeping each package's
 * place in the repo's `node_modules` tree (nested copies stay nested). The files are the image's
 * content, so upgrading any package in the closure changes the image hash and rebuilds it.
 */
export function nodeModulesEntries(roots: readonly string[], target: string, repoDir = REPO_DIR): ImageEntry[] {
  const modulesDir = join(repoDir, 'node_modules');
  return nodeModulesClosure(roots, repoDir).flatMap((dir) => dirEntries(dir, `${target}/${relative(modulesDir, dir)}`));
}

function resolvePackageDir(name: string, fromDir: string, repoDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === repoDir || dir === dirname(dir)) return undefined;
  }
}

/**
 * A frontend's build output: `index.html` referencing a hashed `assets/index-*.js` whose content
 * carries VITE_API_BASE_URL as the build saw it. Plane's Vite build inlines the value the same way,
 * so the URL can only change by rebuilding the image.
 */
export function bundleEntries(basePath: string, title: string, apiBaseUrl: string, distDir = '/app/dist'): ImageEntry[] {
  const js =
    `window.__PLANE_ENV__={VITE_API_BASE_URL:${JSON.stringify(apiBaseUrl)},VITE_WEB_BASE_PATH:${JSON.stringify(basePath)}};\n` +
    `fetch((window.__PLANE_ENV__.VITE_API_BASE_URL||"")+"/api/instances/",{credentials:"include"});\n`;
  const name = `index-${createHash('sha256').update(js).digest('hex').slice(0, 8)}.js`;
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
    `<script type="module" crossorigin src="${basePath}assets/${name}"></script></head>` +
    `<body><div id="root"></div></body></html>\n`;
  return [
    { path: `${distDir}/index.html`, content: html },
    { path: `${distDir}/assets/${name}`, content: js },
  ];
}
