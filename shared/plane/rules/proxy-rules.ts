import type { CheckContext } from './check-context';
import { pass, stock, type Rule } from './rule';

/** True when Plane's Caddy receives `key` (it exists in this version and the compose passes it). */
function caddyReads(ctx: CheckContext, key: string): boolean {
  if (ctx.compose !== undefined) return ctx.containerValues(key).has('proxy');
  return ctx.schema.spec(key)?.consumers.includes('proxy') === true;
}

const cidr = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/(?:3[0-2]|[12]?\d))?|[0-9a-fA-F:]*:[0-9a-fA-F:.]*(?:\/(?:12[0-8]|1[01]\d|\d{1,2}))?)$/;

/** plane-reference.md §8 invariants 6–8: Caddy's site address, ACME directives, trusted proxies. */
export const proxyRules: readonly Rule[] = [
  {
    id: 'site-address-empty',
    invariant: 6,
    severity: 'error',
    title: 'SITE_ADDRESS is set',
    keys: ['SITE_ADDRESS'],
    layouts: stock,
    fix: "Set SITE_ADDRESS=:80 (behind Dokploy, Traefik, nginx…) or to the bare domain when Plane's Caddy faces the internet.",
    check(ctx) {
      if (!caddyReads(ctx, 'SITE_ADDRESS') || (ctx.value('SITE_ADDRESS') ?? '').trim() !== '') return pass;
      return [
        {
          message:
            'SITE_ADDRESS is empty: the Caddyfile has no fallback and the proxy crash-loops with "server block without any key is global configuration".',
        },
      ];
    },
  },
  {
    id: 'site-address-port',
    invariant: 6,
    severity: 'error',
    title: 'SITE_ADDRESS uses the container port',
    keys: ['SITE_ADDRESS', 'LISTEN_HTTP_PORT'],
    layouts: stock,
    fix: 'Keep SITE_ADDRESS=:80 (or the domain) and change only LISTEN_HTTP_PORT/LISTEN_HTTPS_PORT, which are the host side.',
    check(ctx) {
      const site = (ctx.value('SITE_ADDRESS') ?? '').trim();
      const port = /:(\d+)$/.exec(site)?.[1];
      if (!caddyReads(ctx, 'SITE_ADDRESS') || port === undefined || port === '80' || port === '443') return pass;
      return [
        {
          message: `SITE_ADDRESS ends in :${port}, but the compose only maps container ports 80 and 443: Caddy would listen where nothing is published.`,
        },
      ];
    },
  },
  {
    id: 'site-address-domain-behind-proxy',
    invariant: 6,
    severity: 'warning',
    title: 'SITE_ADDRESS is :80 behind Dokploy',
    keys: ['SITE_ADDRESS'],
    layouts: ['dokploy'],
    fix: 'Set SITE_ADDRESS=:80: Traefik terminates TLS, Caddy must serve plain HTTP on port 80.',
    check(ctx) {
      const site = (ctx.value('SITE_ADDRESS') ?? '').trim();
      if (site === '' || site.startsWith(':') || site.startsWith('http://')) return pass;
      return [
        {
          message: `SITE_ADDRESS is '${site}': behind Dokploy's Traefik, Caddy then tries to get its own certificate and redirects to HTTPS inside the chain.`,
        },
      ];
    },
  },
  {
    id: 'cert-acme-ca-empty',
    invariant: 7,
    severity: 'error',
    title: 'CERT_ACME_CA is not empty',
    keys: ['CERT_ACME_CA'],
    layouts: stock,
    fix: 'Set CERT_ACME_CA=https://acme-v02.api.letsencrypt.org/directory (or remove the line if your compose gives it a default).',
    check(ctx) {
      if (!caddyReads(ctx, 'CERT_ACME_CA') || (ctx.value('CERT_ACME_CA') ?? '').trim() !== '') return pass;
      return [{ message: 'CERT_ACME_CA reaches Caddy empty: it stops with "acme_ca: wrong argument count".' }];
    },
  },
  {
    id: 'cert-email-format',
    invariant: 7,
    severity: 'error',
    title: "CERT_EMAIL is empty or 'email <address>'",
    keys: ['CERT_EMAIL'],
    layouts: stock,
    fix: 'Write the whole Caddy directive: CERT_EMAIL=email you@example.com (or leave it empty).',
    check(ctx) {
      const value = (ctx.value('CERT_EMAIL') ?? '').trim();
      if (!caddyReads(ctx, 'CERT_EMAIL') || value === '' || /^email\s+\S+@\S+$/.test(value)) return pass;
      return [
        { message: `CERT_EMAIL is '${value}': Caddy inserts it verbatim into its global options, so it must read 'email <address>'.` },
      ];
    },
  },
  {
    id: 'cert-acme-dns-format',
    invariant: 7,
    severity: 'error',
    title: "CERT_ACME_DNS is empty or 'acme_dns <cloudflare|digitalocean> <token>'",
    keys: ['CERT_ACME_DNS'],
    layouts: stock,
    fix: "Write CERT_ACME_DNS=acme_dns cloudflare <token> (Plane's proxy image bundles only cloudflare and digitalocean), or leave it empty.",
    check(ctx) {
      const value = (ctx.value('CERT_ACME_DNS') ?? '').trim();
      if (!caddyReads(ctx, 'CERT_ACME_DNS') || value === '' || /^acme_dns\s+(cloudflare|digitalocean)\s+\S+$/.test(value)) return pass;
      return [
        {
          message: `CERT_ACME_DNS is '${value}': it must be a complete 'acme_dns <provider> <token>' directive for a provider the proxy image contains.`,
        },
      ];
    },
  },
  {
    id: 'trusted-proxies-format',
    invariant: 8,
    severity: 'error',
    title: "TRUSTED_PROXIES is space-separated CIDRs or 'private_ranges'",
    keys: ['TRUSTED_PROXIES'],
    layouts: stock,
    fix: 'Separate entries with spaces, not commas: e.g. TRUSTED_PROXIES=private_ranges or 10.0.0.0/8 172.16.0.0/12. Include the network of the proxy in front of Plane.',
    check(ctx) {
      if (!ctx.referenced('TRUSTED_PROXIES')) return pass;
      const value = (ctx.value('TRUSTED_PROXIES') ?? '').trim();
      if (value === '') return pass;
      const bad = value.split(/\s+/).filter((t) => t !== 'private_ranges' && !cidr.test(t));
      if (bad.length === 0) return pass;
      return [
        {
          message: `TRUSTED_PROXIES contains ${bad.map((b) => `'${b}'`).join(', ')}: Caddy wants space-separated CIDRs, so X-Forwarded-Proto from the front proxy is dropped and uploads get http URLs.`,
        },
      ];
    },
  },
];
