import type { CheckContext } from './check-context';
import { checkOrigin, describeOriginProblem, isServiceHostName, splitList, urlHost } from './origin';
import { pass, type Rule, type RuleHit } from './rule';

const split = ['split'] as const;

/**
 * The frontend's public origin in the split layout: `.env.api` WEB_URL, else the live server's
 * ALLOWED_ORIGINS, else the frontend's VITE_WEB_BASE_URL. Undefined when none is a valid origin.
 */
export function frontendOrigin(ctx: CheckContext): { origin: string; from: string } | undefined {
  const candidates: [string | undefined, string][] = [
    [ctx.fileValue('WEB_URL', 'api'), '.env.api WEB_URL'],
    [splitList(ctx.fileValue('ALLOWED_ORIGINS', 'live'))[0], '.env.live ALLOWED_ORIGINS'],
    [ctx.fileValue('VITE_WEB_BASE_URL', 'frontend'), '.env.frontend VITE_WEB_BASE_URL'],
  ];
  for (const [value, from] of candidates) {
    const o = checkOrigin(value ?? '');
    if (o.ok) return { origin: o.origin, from };
  }
  return undefined;
}

/** The API's public URL by the guide's convention: `.env.api` API_BASE_URL. */
function apiPublicUrl(ctx: CheckContext): string | undefined {
  const value = ctx.fileValue('API_BASE_URL', 'api');
  return value === undefined || value === '' ? undefined : value;
}

const stockNote = {
  apiUrl:
    'Stock Plane images ignore this at run time: the frontend is built with VITE_API_BASE_URL baked in, so it only matters for images you build yourself.',
  liveOrigins: "Stock live does not read ALLOWED_ORIGINS (its own CORS variable is CORS_ALLOWED_ORIGINS, and WebSockets don't use CORS).",
  liveSecret: 'In stock Plane LIVE_SERVER_SECRET_KEY is independent of SECRET_KEY; it only has to be the same for api and live.',
  cookies: 'Stock Plane ignores these two variables and marks cookies Secure when every CORS_ALLOWED_ORIGINS entry is https.',
};

/** The checklist of the user deployment guide, for the split-domain layout (.env.api/.env.frontend/.env.live). */
export const splitRules: readonly Rule[] = [
  {
    id: 'split-frontend-origin-unknown',
    severity: 'warning',
    source: 'user-guide',
    title: 'The frontend origin can be determined',
    keys: ['WEB_URL', 'ALLOWED_ORIGINS'],
    layouts: split,
    fix: 'Set WEB_URL in .env.api to the frontend origin, e.g. https://plane.example.com.',
    check: (ctx) =>
      frontendOrigin(ctx) === undefined
        ? [
            {
              role: 'api',
              message:
                'Neither .env.api WEB_URL nor .env.live ALLOWED_ORIGINS holds a valid frontend origin, so CORS and live settings cannot be checked against it.',
            },
          ]
        : pass,
  },
  {
    id: 'split-cors-frontend-origin',
    severity: 'error',
    source: 'user-guide',
    title: '.env.api CORS_ALLOWED_ORIGINS contains the frontend origin',
    keys: ['CORS_ALLOWED_ORIGINS'],
    layouts: split,
    fix: 'Set CORS_ALLOWED_ORIGINS in .env.api to the frontend origin, exactly (no trailing slash, never *).',
    check(ctx) {
      const front = frontendOrigin(ctx);
      if (front === undefined) return pass;
      const list = splitList(ctx.fileValue('CORS_ALLOWED_ORIGINS', 'api'))
        .map(checkOrigin)
        .filter((o) => o.ok)
        .map((o) => o.origin);
      if (list.includes(front.origin)) return pass;
      return [
        {
          role: 'api',
          message: `CORS_ALLOWED_ORIGINS in .env.api does not contain ${front.origin} (from ${front.from}): the browser blocks every API call from the frontend.`,
        },
      ];
    },
  },
  {
    id: 'split-frontend-api-url',
    severity: 'error',
    source: 'user-guide',
    title: '.env.frontend API URLs equal the API public URL',
    keys: ['VITE_API_BASE_URL', 'NEXT_PUBLIC_API_BASE_URL', 'API_BASE_URL'],
    layouts: split,
    fix: 'Set VITE_API_BASE_URL (and NEXT_PUBLIC_API_BASE_URL if present) in .env.frontend to the API public URL, e.g. https://plane-api.example.com, and rebuild the frontend.',
    check(ctx) {
      const hits: RuleHit[] = [];
      const api = apiPublicUrl(ctx);
      for (const key of ['VITE_API_BASE_URL', 'NEXT_PUBLIC_API_BASE_URL']) {
        const value = ctx.fileValue(key, 'frontend');
        if (value === undefined && key === 'NEXT_PUBLIC_API_BASE_URL') continue;
        const o = checkOrigin(value ?? '');
        if (!o.ok) {
          hits.push({
            role: 'frontend',
            keys: [key],
            message: `${describeOriginProblem(key, value ?? '', o.problem)} ${stockNote.apiUrl}`,
          });
        } else if (api !== undefined && checkOrigin(api).ok && o.origin !== (checkOrigin(api) as { origin: string }).origin) {
          hits.push({
            role: 'frontend',
            keys: [key, 'API_BASE_URL'],
            message: `${key} is ${value} but .env.api API_BASE_URL is ${api}: the frontend calls an API that is not this one. ${stockNote.apiUrl}`,
          });
        }
      }
      return hits;
    },
  },
  {
    id: 'split-live-allowed-origins',
    severity: 'error',
    source: 'user-guide',
    title: '.env.live ALLOWED_ORIGINS is the frontend origin',
    keys: ['ALLOWED_ORIGINS'],
    layouts: split,
    fix: 'Set ALLOWED_ORIGINS in .env.live to the frontend origin, e.g. https://plane.example.com.',
    check(ctx) {
      const value = ctx.fileValue('ALLOWED_ORIGINS', 'live');
      const entries = splitList(value);
      const bad = entries.map((e) => [e, checkOrigin(e)] as const).filter(([, o]) => !o.ok);
      if (entries.length === 0)
        return [{ role: 'live', message: `ALLOWED_ORIGINS is missing or empty in .env.live. ${stockNote.liveOrigins}` }];
      if (bad.length > 0)
        return bad.map(([e, o]) => ({
          role: 'live' as const,
          message: `${describeOriginProblem('ALLOWED_ORIGINS', e, o.ok ? 'unparsable' : o.problem)} ${stockNote.liveOrigins}`,
        }));
      const front = checkOrigin(ctx.fileValue('WEB_URL', 'api') ?? '');
      if (!front.ok || entries.map(checkOrigin).some((o) => o.ok && o.origin === front.origin)) return pass;
      return [
        {
          role: 'live',
          message: `ALLOWED_ORIGINS in .env.live is ${value}, not the frontend origin ${front.origin}. ${stockNote.liveOrigins}`,
        },
      ];
    },
  },
  {
    id: 'split-live-secret',
    severity: 'error',
    source: 'user-guide',
    title: ".env.live LIVE_SERVER_SECRET_KEY equals the API's",
    keys: ['LIVE_SERVER_SECRET_KEY', 'SECRET_KEY'],
    layouts: split,
    fix: "Copy the API's value into .env.live LIVE_SERVER_SECRET_KEY: .env.api's LIVE_SERVER_SECRET_KEY if it has one, otherwise its SECRET_KEY (the guide's convention).",
    check(ctx) {
      const live = ctx.fileValue('LIVE_SERVER_SECRET_KEY', 'live') ?? '';
      const apiLive = ctx.fileValue('LIVE_SERVER_SECRET_KEY', 'api');
      const [expected, source] =
        apiLive !== undefined && apiLive !== ''
          ? [apiLive, 'LIVE_SERVER_SECRET_KEY']
          : [ctx.fileValue('SECRET_KEY', 'api') ?? '', 'SECRET_KEY'];
      if (live === '')
        return [{ role: 'live', message: 'LIVE_SERVER_SECRET_KEY is missing or empty in .env.live: live (v1.1+) exits at boot.' }];
      if (expected === '' || live === expected) return pass;
      return [
        {
          role: 'live',
          message:
            `LIVE_SERVER_SECRET_KEY in .env.live differs from .env.api ${source}. ${source === 'SECRET_KEY' ? stockNote.liveSecret : ''}`.trim(),
        },
      ];
    },
  },
  {
    id: 'split-secure-cookies',
    severity: 'warning',
    source: 'user-guide',
    title: 'Secure cookies on HTTPS',
    keys: ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE'],
    layouts: split,
    fix: 'Set SESSION_COOKIE_SECURE=1 and CSRF_COOKIE_SECURE=1 in .env.api, and keep every CORS_ALLOWED_ORIGINS entry https.',
    check(ctx) {
      const front = frontendOrigin(ctx);
      if (front === undefined || !front.origin.startsWith('https://')) return pass;
      const missing = ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE'].filter((k) => ctx.fileValue(k, 'api') !== '1');
      const httpOrigin = splitList(ctx.fileValue('CORS_ALLOWED_ORIGINS', 'api')).some((o) => o.includes('http:'));
      if (missing.length === 0 && !httpOrigin) return pass;
      const parts = [
        missing.length > 0 ? `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not 1 in .env.api` : '',
        httpOrigin ? 'CORS_ALLOWED_ORIGINS contains an http:// origin, which makes stock Plane drop Secure' : '',
      ].filter((p) => p !== '');
      return [
        {
          role: 'api',
          keys: missing.length > 0 ? missing : ['CORS_ALLOWED_ORIGINS'],
          message: `The frontend is served over HTTPS but ${parts.join('; ')}. ${stockNote.cookies}`,
        },
      ];
    },
  },
  {
    id: 'split-live-internal-api',
    severity: 'error',
    source: 'user-guide',
    title: '.env.live API_BASE_URL is the internal API address',
    keys: ['API_BASE_URL'],
    layouts: split,
    fix: 'Set API_BASE_URL in .env.live to the API container on the Docker network, e.g. http://plane-api:8000.',
    check(ctx) {
      const value = ctx.fileValue('API_BASE_URL', 'live') ?? '';
      const host = urlHost(value);
      if (host !== undefined && /^http:\/\//.test(value) && isServiceHostName(host)) return pass;
      if (value === '') return [{ role: 'live', message: 'API_BASE_URL is missing in .env.live: live validates it at boot and exits.' }];
      return [
        {
          role: 'live',
          message: `API_BASE_URL in .env.live is ${value}: live should reach the API inside Docker (http://<service>:8000), not through the public URL, TLS and Traefik.`,
        },
      ];
    },
  },
];
