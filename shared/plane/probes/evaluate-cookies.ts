import type { ProbeFinding } from '../../schemas/probe';
import { envFix, isHttpsSite, type EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import { parseSetCookies } from './headers';
import type { ProbeRecordings } from './recording';
import { unavailableReason } from './transport';

/**
 * D6: the flags of `csrftoken` follow CORS_ALLOWED_ORIGINS (Secure only when every origin is
 * https) and COOKIE_DOMAIN. A mismatch with the page's scheme is a silent login loop.
 */
export function evaluateCookies(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const record = rec.csrfToken;
  const down = unavailableReason(record);
  if (down || !record?.response) {
    const why = `${down ?? 'No answer.'} Cookie flags need an answer from /auth/get-csrf-token/.`;
    return [
      skipped('cookies.csrftoken.secure', 'cookies', 'csrftoken Secure flag', why, record),
      skipped('cookies.csrftoken.domain', 'cookies', 'csrftoken Domain', why, record),
    ];
  }
  const cookie = parseSetCookies(record.response.rawHeaders).find((c) => c.name === 'csrftoken');
  if (!cookie) {
    const why = 'The answer set no csrftoken cookie (see routes.csrf-token).';
    return [
      skipped('cookies.csrftoken.secure', 'cookies', 'csrftoken Secure flag', why, record),
      skipped('cookies.csrftoken.domain', 'cookies', 'csrftoken Domain', why, record),
    ];
  }
  const https = isHttpsSite(ctx);
  const secure = cookie.attributes.has('secure');
  const base = { id: 'cookies.csrftoken.secure', diagnostic: 'D6', group: 'cookies' as const, service: 'api' as const };
  const secureFinding =
    https === secure
      ? findingFrom(
          {
            ...base,
            status: 'pass',
            title: 'csrftoken Secure flag matches the scheme',
            explanation: `The site is ${https ? 'https and the cookie is Secure' : 'http and the cookie is not Secure'}.`,
          },
          record,
        )
      : https
        ? findingFrom(
            {
              ...base,
              status: 'warn',
              title: 'Cookies are not Secure on an https site',
              explanation:
                'Plane marks its session and CSRF cookies Secure only when every CORS_ALLOWED_ORIGINS entry is https; an http: entry (or an empty list) makes them travel over plain http too.',
              fix: envFix(
                ctx,
                'CORS_ALLOWED_ORIGINS',
                `List only https origins (${ctx.targets.webOrigin}) in CORS_ALLOWED_ORIGINS and restart the API.`,
                'api',
              ),
            },
            record,
          )
        : findingFrom(
            {
              ...base,
              status: 'fail',
              title: 'Secure cookies on an http site: login loops',
              explanation:
                'Every CORS_ALLOWED_ORIGINS entry is https, so Plane sets Secure cookies; the site is http, so browsers drop them and every login bounces back to the sign-in page.',
              fix: envFix(
                ctx,
                'CORS_ALLOWED_ORIGINS',
                `Serve the site over https (WEB_URL=https://…), or list ${ctx.targets.webOrigin} in CORS_ALLOWED_ORIGINS.`,
                'api',
              ),
            },
            record,
          );
  const domain = cookie.attributes.get('domain');
  const host = new URL(record.request.url).hostname.toLowerCase();
  const domainBase = { id: 'cookies.csrftoken.domain', diagnostic: 'D6', group: 'cookies' as const, service: 'api' as const };
  const domainFinding =
    domain === undefined || domainMatches(host, domain)
      ? findingFrom(
          {
            ...domainBase,
            status: 'pass',
            title: 'csrftoken Domain fits the host',
            explanation:
              domain === undefined
                ? 'Host-only cookie (COOKIE_DOMAIN unset): it belongs to exactly this host.'
                : `Domain=${domain} covers ${host}.`,
          },
          record,
        )
      : findingFrom(
          {
            ...domainBase,
            status: 'fail',
            title: 'csrftoken Domain does not fit the host',
            explanation: `The cookie says Domain=${domain}, which does not cover ${host}; browsers reject it, so form logins fail with "CSRF Verification Failed".`,
            fix: envFix(ctx, 'COOKIE_DOMAIN', `Unset COOKIE_DOMAIN or set it to a parent domain of ${host}.`, 'api'),
          },
          record,
        );
  return [secureFinding, domainFinding];
}

/** RFC 6265 domain-match: the host equals the domain or ends with `.domain`. */
export function domainMatches(host: string, domain: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  return host === d || host.endsWith(`.${d}`);
}
