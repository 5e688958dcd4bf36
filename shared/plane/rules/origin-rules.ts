import { checkOrigin, describeOriginProblem, splitList } from './origin';
import { everyLayout, pass, stock, type Rule, type RuleHit } from './rule';

/** plane-reference.md §8 invariants 1–5: the public origin, CORS/CSRF list, schemes and ports. */
export const originRules: readonly Rule[] = [
  {
    id: 'web-url-origin',
    invariant: 1,
    severity: 'error',
    title: 'WEB_URL is an absolute origin',
    keys: ['WEB_URL'],
    layouts: everyLayout,
    fix: 'Set WEB_URL to the exact address users type, like https://plane.example.com: scheme and host (and port if not 80/443), nothing after.',
    check(ctx) {
      const value = ctx.value('WEB_URL');
      if (value === undefined || (ctx.layout === 'split' && value === '')) return pass;
      const origin = checkOrigin(value);
      if (origin.ok) return pass;
      const why =
        origin.problem === 'empty'
          ? 'WEB_URL is empty: Plane builds every redirect and email link from it.'
          : describeOriginProblem('WEB_URL', value, origin.problem);
      return [{ message: `${why} Redirects (god-mode, sign-in) and email links break.` }];
    },
  },
  {
    id: 'cors-origin-invalid',
    invariant: 2,
    severity: 'error',
    title: 'Every CORS_ALLOWED_ORIGINS entry is scheme://host[:port]',
    keys: ['CORS_ALLOWED_ORIGINS'],
    layouts: everyLayout,
    fix: "List exact origins separated by commas, like https://plane.example.com — no '*', no path, no trailing slash.",
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const entry of splitList(ctx.value('CORS_ALLOWED_ORIGINS'))) {
        const origin = checkOrigin(entry);
        if (!origin.ok) hits.push({ message: describeOriginProblem('CORS_ALLOWED_ORIGINS', entry, origin.problem) });
      }
      return hits;
    },
  },
  {
    id: 'cors-origins-empty',
    invariant: 2,
    severity: 'warning',
    title: 'CORS_ALLOWED_ORIGINS is set',
    keys: ['CORS_ALLOWED_ORIGINS'],
    layouts: everyLayout,
    fix: 'Set CORS_ALLOWED_ORIGINS to the public origin (usually the same as WEB_URL).',
    check(ctx) {
      if (splitList(ctx.value('CORS_ALLOWED_ORIGINS')).length > 0) return pass;
      return [
        {
          message:
            'CORS_ALLOWED_ORIGINS is empty: Plane then allows every origin with credentials, trusts no origin for CSRF and never marks cookies Secure.',
        },
      ];
    },
  },
  {
    id: 'web-url-not-in-cors',
    invariant: 3,
    severity: 'error',
    title: 'The WEB_URL origin is listed in CORS_ALLOWED_ORIGINS',
    keys: ['WEB_URL', 'CORS_ALLOWED_ORIGINS'],
    layouts: stock,
    fix: 'Add the WEB_URL origin to CORS_ALLOWED_ORIGINS, spelled exactly the same (scheme, host and port).',
    check(ctx) {
      const web = checkOrigin(ctx.value('WEB_URL') ?? '');
      const list = splitList(ctx.value('CORS_ALLOWED_ORIGINS'));
      if (!web.ok || list.length === 0) return pass;
      const origins = list
        .map(checkOrigin)
        .filter((o) => o.ok)
        .map((o) => o.origin);
      if (origins.includes(web.origin)) return pass;
      return [
        {
          message: `${web.origin} (from WEB_URL) is not in CORS_ALLOWED_ORIGINS, which is also Django's CSRF trusted list: sign-in and god-mode forms fail with "CSRF Verification Failed" when the proxy chain hides Host or scheme.`,
        },
      ];
    },
  },
  {
    id: 'cors-http-origin-on-https',
    invariant: 4,
    severity: 'warning',
    title: 'No http origin when WEB_URL is https',
    keys: ['WEB_URL', 'CORS_ALLOWED_ORIGINS'],
    layouts: stock,
    fix: 'Remove the http:// origins from CORS_ALLOWED_ORIGINS (or change them to https://).',
    check(ctx) {
      const web = checkOrigin(ctx.value('WEB_URL') ?? '');
      if (!web.ok || web.scheme !== 'https') return pass;
      const http = splitList(ctx.value('CORS_ALLOWED_ORIGINS')).filter((o) => o.includes('http:'));
      if (http.length === 0) return pass;
      return [
        {
          message: `WEB_URL is https but CORS_ALLOWED_ORIGINS contains ${http.join(', ')}: Plane then drops the Secure flag from session and CSRF cookies.`,
        },
      ];
    },
  },
  {
    id: 'cors-all-https-on-http',
    invariant: 4,
    severity: 'error',
    title: 'Not all CORS origins https when WEB_URL is http',
    keys: ['WEB_URL', 'CORS_ALLOWED_ORIGINS'],
    layouts: stock,
    fix: 'Use one scheme everywhere: make WEB_URL https (and serve Plane over TLS), or list the http origin in CORS_ALLOWED_ORIGINS.',
    check(ctx) {
      const web = checkOrigin(ctx.value('WEB_URL') ?? '');
      const list = splitList(ctx.value('CORS_ALLOWED_ORIGINS'));
      if (!web.ok || web.scheme !== 'http' || list.length === 0 || list.some((o) => o.includes('http:'))) return pass;
      return [
        {
          message:
            'WEB_URL is http but every CORS origin is https: cookies become Secure, the browser drops them over http, and sign-in silently loops.',
        },
      ];
    },
  },
  {
    id: 'web-url-port-mismatch',
    invariant: 5,
    severity: 'warning',
    title: "WEB_URL's port is the port Plane's proxy is published on",
    keys: ['WEB_URL', 'LISTEN_HTTP_PORT', 'LISTEN_HTTPS_PORT', 'NGINX_PORT'],
    layouts: ['community'],
    fix: 'Put the published port in WEB_URL (http://host:8080), or omit it when it is 80/443. Skip this if another reverse proxy in front of Plane serves the public port.',
    check(ctx) {
      const web = checkOrigin(ctx.value('WEB_URL') ?? '');
      if (!web.ok) return pass;
      const site = (ctx.value('SITE_ADDRESS') ?? '').trim();
      const caddyTerminatesTls = site !== '' && !site.startsWith(':') && !site.startsWith('http://');
      // https without Caddy terminating TLS means an external proxy owns the public port: nothing to compare.
      if (web.scheme === 'https' && !caddyTerminatesTls) return pass;
      const key =
        ctx.schema.spec('NGINX_PORT') !== undefined ? 'NGINX_PORT' : web.scheme === 'https' ? 'LISTEN_HTTPS_PORT' : 'LISTEN_HTTP_PORT';
      const published = Number(ctx.value(key) ?? (web.scheme === 'https' ? '443' : '80'));
      if (!Number.isFinite(published) || published === web.port) return pass;
      return [
        {
          keys: ['WEB_URL', key],
          message: `WEB_URL uses port ${web.port} but ${key} publishes the proxy on ${published}: links and redirects point where nothing listens.`,
        },
      ];
    },
  },
];
