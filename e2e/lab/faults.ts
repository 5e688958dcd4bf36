import { z } from 'zod';

/** The lab's deployment layouts (issue 4). */
export const layouts = ['community', 'split', 'dokploy'] as const;
export const layoutSchema = z.enum(layouts);
export type Layout = z.infer<typeof layoutSchema>;

/**
 * Failures self-hosters hit (plane-reference.md sections 6 and 9). Each is applied the way a user
 * would cause it — an edited env file, a customised proxy config, a stopped container — so the
 * symptom Hangar sees is the real one, not a simulation of it.
 */
export const faults = {
  'cors-trailing-slash': {
    layouts: ['community', 'split'],
    summary: 'CORS_ALLOWED_ORIGINS ends with "/": corsheaders.E014 stops api and migrator',
  },
  'cors-wildcard': {
    layouts: ['community', 'split'],
    summary: 'CORS_ALLOWED_ORIGINS="*": corsheaders.E013 stops api and migrator',
  },
  'cors-wrong-origin': {
    layouts: ['community', 'split'],
    summary: 'CORS_ALLOWED_ORIGINS names another origin: preflight not echoed, sign-in gets 403 CSRF',
  },
  'cors-empty': { layouts: ['community', 'split'], summary: 'CORS_ALLOWED_ORIGINS empty: every origin is echoed (allow-all)' },
  'duplicate-allow-origin': {
    layouts: ['community', 'split'],
    summary: 'the proxy adds a second Access-Control-Allow-Origin header on /api/*',
  },
  'ws-upgrade-stripped': { layouts: ['community', 'split'], summary: 'the proxy drops Upgrade/Connection on /live: no 101' },
  'live-secret-missing': { layouts: ['community', 'split'], summary: 'live gets no LIVE_SERVER_SECRET_KEY and crash-loops' },
  'live-secret-mismatch': { layouts: ['split'], summary: '.env.live LIVE_SERVER_SECRET_KEY differs from .env.api' },
  'db-password-drift': {
    layouts: ['community'],
    summary: 'POSTGRES_PASSWORD changed but DATABASE_URL still uses the old one',
  },
  'migrator-fails': {
    layouts: ['community', 'split'],
    summary: 'a migration fails: migrator exits 1, api waits for migrations',
  },
  'mixed-scheme': {
    layouts: ['community', 'split'],
    summary: 'WEB_URL is http but CORS origins are https: csrftoken cookie is Secure on http',
  },
  'frontend-api-url-mismatch': { layouts: ['split'], summary: 'the frontend bundle was built with an old API domain' },
  'api-down': { layouts: ['community', 'split'], summary: 'the api container is stopped: the proxy answers 502' },
} as const satisfies Record<string, { layouts: readonly Layout[]; summary: string }>;

export type FaultName = keyof typeof faults;
export const faultNames = Object.keys(faults) as FaultName[];
export const faultSchema = z.enum(faultNames as [FaultName, ...FaultName[]]);

/** Rejects a fault the layout cannot show, with the layouts that can. */
export function assertFaultsFit(layout: Layout, requested: readonly FaultName[]): void {
  for (const name of requested) {
    const fits: readonly Layout[] = faults[name].layouts;
    if (!fits.includes(layout)) {
      throw new Error(`Fault "${name}" only exists in the ${fits.join(', ')} layout; start the lab with --layout ${fits[0]}.`);
    }
  }
}

/**
 * Plane's Caddyfile with the proxy-side faults a user introduces by customising it: an extra
 * CORS header (nginx `add_header` habit) or an upgrade-less /live route.
 */
export function caddyfileWithFaults(caddyfile: string, active: ReadonlySet<FaultName>): string {
  let out = caddyfile;
  if (active.has('duplicate-allow-origin')) {
    out = out.replace(
      /reverse_proxy \/api\/\* (\S+)/,
      (_m, upstream: string) => `reverse_proxy /api/* ${upstream} {\n\t\theader_down +Access-Control-Allow-Origin "*"\n\t}`,
    );
  }
  if (active.has('ws-upgrade-stripped')) {
    out = out.replace(
      /reverse_proxy \/live\/\* (\S+)/,
      // nginx without `proxy_http_version 1.1` + Upgrade/Connection: the handshake reaches live as a plain GET.
      (_m, upstream: string) =>
        `route /live/* {\n\t\trequest_header -Upgrade\n\t\trequest_header -Connection\n\t\treverse_proxy ${upstream}\n\t}`,
    );
  }
  return out;
}
