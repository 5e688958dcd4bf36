import { createHash } from 'node:crypto';
import type { FaultName } from './faults';

/** One Host-based route of the edge proxy (a Traefik router + service in a real deployment). */
export interface EdgeRoute {
  host: string;
  /** `service:port` on the compose network. */
  upstream: string;
  /** Set on the API host: the place a user adds a CORS header "to help" (duplicate-allow-origin). */
  api?: boolean;
  /** Path prefixes sent elsewhere on this host (a longer Traefik rule, e.g. `/uploads` → MinIO). */
  paths?: readonly { prefix: string; upstream: string }[];
}

/** Where the edge finds its certificate inside the container. */
export const EDGE_CERT = '/certs/lab.crt';
export const EDGE_KEY = '/certs/lab.key';

/**
 * Caddyfile of the lab's stand-in for Traefik (no Traefik binary exists here): TLS with the lab
 * CA's certificate, routing by Host header with the Host kept and `X-Forwarded-Proto: https` added
 * (what Traefik's websecure entrypoint does), and HTTP redirected to HTTPS like Dokploy's
 * `redirect-to-https` middleware. WebSocket upgrades pass through, as in Traefik.
 */
export function edgeCaddyfile(routes: readonly EdgeRoute[], faults: ReadonlySet<FaultName>): string {
  const out = ['# Hangar lab: stand-in for Traefik (routes = the routers of the Traefik labels).', '{', '\tadmin off', '}'];
  for (const route of routes) {
    out.push(`${route.host} {`, `\ttls ${EDGE_CERT} ${EDGE_KEY}`);
    for (const [i, path] of (route.paths ?? []).entries()) {
      out.push(`\t@path${i} path ${path.prefix} ${path.prefix}/*`, `\treverse_proxy @path${i} ${path.upstream}`);
    }
    if (route.api && faults.has('duplicate-allow-origin')) {
      // A Traefik headers middleware (accessControlAllowOriginList) on top of django-cors-headers.
      out.push(`\treverse_proxy ${route.upstream} {`, '\t\theader_down +Access-Control-Allow-Origin "*"', '\t}');
    } else {
      out.push(`\treverse_proxy ${route.upstream}`);
    }
    out.push('}');
  }
  return `${out.join('\n')}\n`;
}

/**
 * The split layout's frontend server config (the guide's `nginx/combined-frontend.conf`, served by
 * Caddy because nginx is not installed here): the web app under `/`, admin under `/god-mode/`,
 * space under `/spaces/`, `/live/*` passed to the live server, and the guide's four security
 * headers on every response. `ws-upgrade-stripped` reproduces the nginx classic: a `/live`
 * location without `proxy_http_version 1.1` + Upgrade/Connection, so the handshake reaches live
 * as a plain GET.
 */
export function frontendCaddyfile(liveUpstream: string, faults: ReadonlySet<FaultName>): string {
  const live = faults.has('ws-upgrade-stripped')
    ? ['\thandle /live/* {', '\t\trequest_header -Upgrade', '\t\trequest_header -Connection', `\t\treverse_proxy ${liveUpstream}`, '\t}']
    : ['\thandle /live/* {', `\t\treverse_proxy ${liveUpstream}`, '\t}'];
  const spa = (path: string, root: string, index: string): string[] => [
    `\thandle ${path} {`,
    `\t\troot * ${root}`,
    `\t\ttry_files {path} ${index}`,
    '\t\tfile_server',
    '\t}',
  ];
  return [
    '# Combined frontend: web (/), admin (/god-mode/), space (/spaces/), live (/live) on port 3000.',
    '{',
    '\tadmin off',
    '\tauto_https off',
    '}',
    ':3000 {',
    '\theader {',
    '\t\tX-Frame-Options "SAMEORIGIN"',
    '\t\tX-Content-Type-Options "nosniff"',
    '\t\tX-XSS-Protection "1; mode=block"',
    '\t\tReferrer-Policy "strict-origin-when-cross-origin"',
    '\t}',
    '\tredir /god-mode /god-mode/ 301',
    '\tredir /spaces /spaces/ 301',
    ...live,
    ...spa('/god-mode/*', '/srv/admin', '/god-mode/index.html'),
    ...spa('/spaces/*', '/srv/space', '/spaces/index.html'),
    '\thandle {',
    '\t\troot * /srv/web',
    '\t\ttry_files {path} /index.html',
    '\t\tfile_server',
    '\t}',
    '\tlog',
    '}',
    '',
  ].join('\n');
}

/**
 * Label value that changes with a mounted config file's content. Compose recreates a container only
 * when its configuration changes; a bind-mounted file edited in place is not a change, so the lab
 * puts this hash on the service to make `applyFaults` recreate exactly the services it touched.
 */
export function contentHashLabel(...contents: string[]): string {
  const h = createHash('sha256');
  for (const c of contents) h.update(c).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** What the edge service block needs: where its Caddyfile and certificate live on the host. */
export interface EdgeServiceOptions {
  name: string;
  image: string;
  httpPort: number;
  httpsPort: number;
  caddyfilePath: string;
  certPath: string;
  keyPath: string;
  configHash: string;
  dependsOn: string[];
  hostMounts: readonly string[];
}

/**
 * Compose service block (indented for `services:`) of the edge stand-in. It lives in the lab-only
 * override file because the real edge (Dokploy's Traefik) is not part of the user's compose file;
 * it publishes the lab's two loopback ports.
 */
export function edgeServiceYaml(o: EdgeServiceOptions): string {
  return [
    `  ${o.name}:`,
    '    # Hangar lab only: stands in for Traefik (TLS + Host routing), like dokploy-traefik.',
    `    image: ${o.image}`,
    '    restart: unless-stopped',
    '    ports:',
    `      - "127.0.0.1:${o.httpPort}:80"`,
    `      - "127.0.0.1:${o.httpsPort}:443"`,
    '    volumes:',
    ...[...o.hostMounts, `${o.caddyfilePath}:/etc/caddy/Caddyfile:ro`, `${o.certPath}:${EDGE_CERT}:ro`, `${o.keyPath}:${EDGE_KEY}:ro`].map(
      (m) => `      - ${m}`,
    ),
    '    labels:',
    `      dev.hangar.lab.config-hash: "${o.configHash}"`,
    '    depends_on:',
    ...o.dependsOn.map((d) => `      - ${d}`),
    '',
  ].join('\n');
}
