import type { ImageSpec } from './image-build';
import { bundleEntries, LAB_RELEASE } from './plane-images';

/** The split layout's combined frontend image (web + admin + space bundles behind one server). */
export const combinedFrontendRef = `hangar-lab/plane-frontend-combined:${LAB_RELEASE}`;

/**
 * "Builds" the split layout's frontend image the way the user's CI does: the three bundles get
 * VITE_API_BASE_URL from `.env.frontend` as it reads at build time, and the server config
 * (`frontend/Caddyfile`, the guide's nginx conf) is copied in. The running container never reads
 * `.env.frontend`, so editing it without a rebuild leaves the old URL in the bundle — the trap
 * behind `frontend-api-url-mismatch`.
 */
export function combinedFrontendImageSpec(apiBaseUrl: string, serverConfig: string): ImageSpec {
  return {
    ref: combinedFrontendRef,
    entries: [
      ...bundleEntries('/', 'Plane', apiBaseUrl, '/srv/web'),
      ...bundleEntries('/god-mode/', 'Plane | God Mode', apiBaseUrl, '/srv/admin/god-mode'),
      ...bundleEntries('/spaces/', 'Plane | Spaces', apiBaseUrl, '/srv/space/spaces'),
      { path: '/etc/caddy/Caddyfile', content: serverConfig },
      { path: '/config', dir: true },
    ],
    cmd: ['caddy', 'run', '--config', '/etc/caddy/Caddyfile', '--adapter', 'caddyfile'],
    env: { XDG_CONFIG_HOME: '/config', XDG_DATA_HOME: '/data' },
    labels: { 'org.opencontainers.image.title': 'plane-frontend (web, admin, space)' },
    expose: [3000],
  };
}

/** Parses `KEY=value` lines of an env file (comments and blanks skipped, quotes removed). */
export function parseEnvText(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) continue;
    out[m[1]!] = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}
