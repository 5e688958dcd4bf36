import type { ProbeFinding } from '../../schemas/probe';
import { envFix, type EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import { headerValue } from './headers';
import type { HttpRecord, ProbeRecordings, RecordedResponse } from './recording';
import { csrfCredentials, csrfFailureReason, isCsrfFailure } from './sign-in';
import { unavailableReason } from './transport';

/**
 * D7 and D8: the sign-in form post. Django checks CSRF (Origin against CSRF_TRUSTED_ORIGINS, which
 * Plane fills from CORS_ALLOWED_ORIGINS) before the view runs; the view then redirects to WEB_URL.
 * So a 403 CSRF page means users can never sign in, and a redirect to another origin means they
 * sign in and land somewhere else (localhost, an old domain, plain http).
 */

const REDIRECT_ID = 'auth.sign-in-redirect';
const CSRF_ID = 'auth.csrf';
const REDIRECT_TITLE = 'Sign-in redirect';
const CSRF_TITLE = 'CSRF check on sign-in';

/** Both sign-in findings, or two skips saying why the form could not be posted or judged. */
export function evaluateSignIn(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const answered = answeredSignIn(rec);
  if ('why' in answered) {
    const { why } = answered;
    return [skipped(REDIRECT_ID, 'cookies', REDIRECT_TITLE, why, rec.signIn), skipped(CSRF_ID, 'cookies', CSRF_TITLE, why, rec.signIn)];
  }
  const { record, response } = answered;
  if (isCsrfFailure(response)) {
    const why = 'Django refused the form before the sign-in view ran, so where it redirects could not be seen (see auth.csrf).';
    return [skipped(REDIRECT_ID, 'cookies', REDIRECT_TITLE, why, record), csrfFailed(ctx, record, response)];
  }
  const location = headerValue(response.rawHeaders, 'location');
  if (response.status < 300 || response.status > 399 || location === undefined) {
    const redirect = findingFrom(
      {
        id: REDIRECT_ID,
        diagnostic: 'D7',
        group: 'cookies',
        status: 'fail',
        title: 'Sign-in does not redirect back to the site',
        explanation: `POST /auth/sign-in/ answered ${response.status}${location === undefined ? ' without a Location' : ''} instead of a redirect to ${ctx.targets.webOrigin}: the sign-in form ends on this answer instead of the app. /auth/* must reach the api service.`,
        fix: { text: 'Route /auth/* to the api service (api:8000) without rewriting the path, then check the api logs.', service: 'api' },
        service: 'api',
      },
      record,
    );
    return [
      redirect,
      skipped(
        CSRF_ID,
        'cookies',
        CSRF_TITLE,
        `The answer (${response.status}) is not Django's CSRF page nor a redirect, so the CSRF check cannot be judged.`,
        record,
      ),
    ];
  }
  const csrfPass = findingFrom(
    {
      id: CSRF_ID,
      diagnostic: 'D8',
      group: 'cookies',
      status: 'pass',
      title: 'Sign-in passes the CSRF check',
      explanation: `Django accepted the form posted from ${ctx.targets.webOrigin} with the csrftoken cookie.`,
      service: 'api',
    },
    record,
  );
  return [redirectFinding(ctx, record, location), csrfPass];
}

/** The sign-in answer to judge, or why there is none (api down, no CSRF token, throttled). */
function answeredSignIn(rec: ProbeRecordings): { record: HttpRecord; response: RecordedResponse } | { why: string } {
  const csrfDown = unavailableReason(rec.csrfToken);
  if (csrfDown) return { why: `${csrfDown} The sign-in form needs a CSRF token from /auth/get-csrf-token/.` };
  if (!csrfCredentials(rec.csrfToken)) {
    return { why: '/auth/get-csrf-token/ gave no csrf_token and csrftoken cookie to post the sign-in form with (see routes.csrf-token).' };
  }
  const record = rec.signIn;
  const signInDown = unavailableReason(record);
  if (signInDown || !record?.response) return { why: `${signInDown ?? 'No answer.'} The sign-in form post got no answer to judge.` };
  if (record.response.status === 429) {
    return {
      why: 'The API throttled the sign-in post (429): too many anonymous requests from this machine. Run the check again in a minute.',
    };
  }
  return { record, response: record.response };
}

function redirectFinding(ctx: EvalContext, record: HttpRecord, location: string): ProbeFinding {
  const webOrigin = ctx.targets.webOrigin;
  const base = { id: REDIRECT_ID, diagnostic: 'D7', group: 'cookies' as const, service: 'api' as const };
  let target: URL | undefined;
  try {
    target = new URL(location, record.request.url);
  } catch {
    target = undefined;
  }
  if (target?.origin === webOrigin) {
    return findingFrom(
      {
        ...base,
        status: 'pass',
        title: 'Sign-in sends users back to the site',
        explanation: `After sign-in Plane redirects to ${location}, on ${webOrigin}.`,
      },
      record,
    );
  }
  return findingFrom(
    {
      ...base,
      status: 'fail',
      title: 'After sign-in Plane sends users to another address',
      explanation: `After sign-in Plane redirects to ${location}, but the site is ${webOrigin}: ${mismatch(webOrigin, target)} Plane builds this redirect from WEB_URL.`,
      fix: envFix(
        ctx,
        'WEB_URL',
        `Set WEB_URL=${webOrigin} (and APP_BASE_URL, if it is set) and recreate the api and worker containers.`,
        'api',
      ),
    },
    record,
  );
}

/** Why the redirect target is wrong, in the terms of what the user sees. */
function mismatch(webOrigin: string, target: URL | undefined): string {
  if (!target) return 'the Location is not a valid URL, so browsers stay on the API answer.';
  const web = new URL(webOrigin);
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(target.hostname)) {
    return `it points at ${target.host}, which is each user's own computer: WEB_URL still has the install-time default.`;
  }
  if (target.hostname === web.hostname && target.protocol !== web.protocol) {
    return `the scheme is ${target.protocol.replace(':', '')} while the site is ${web.protocol.replace(':', '')}, so users leave the secure site and the Secure session cookie does not travel with them (login loop or a browser warning).`;
  }
  if (target.hostname === web.hostname)
    return `the port differs (${target.port || 'default'} instead of ${web.port || 'default'}), so users land on another service or nothing.`;
  return `${target.hostname} is another host (an old domain or an IP address), so users leave the site and their session cookie stays behind.`;
}

function csrfFailed(ctx: EvalContext, record: HttpRecord, response: RecordedResponse): ProbeFinding {
  const webOrigin = ctx.targets.webOrigin;
  const listed = ctx.input.expected.corsAllowedOrigins?.map((o) => o.trim());
  const reason = csrfFailureReason(response);
  const cause =
    listed !== undefined && !listed.includes(webOrigin)
      ? `CORS_ALLOWED_ORIGINS (${listed.join(',') || 'empty'}) does not list ${webOrigin}, and Plane trusts exactly those origins for forms.`
      : `Either ${webOrigin} is not in CORS_ALLOWED_ORIGINS (Plane's CSRF_TRUSTED_ORIGINS), or a proxy does not forward Host and X-Forwarded-Proto, so Django sees another origin than the browser.`;
  return findingFrom(
    {
      id: CSRF_ID,
      diagnostic: 'D8',
      group: 'cookies',
      status: 'fail',
      title: 'CSRF Verification Failed on sign-in',
      explanation: `POST /auth/sign-in/ from ${webOrigin} got Django's 403 "CSRF Verification Failed" page${reason ? ` (${reason})` : ''}: every sign-in fails. ${cause}`,
      fix: {
        ...envFix(
          ctx,
          'CORS_ALLOWED_ORIGINS',
          `Add ${webOrigin} to CORS_ALLOWED_ORIGINS and restart the api; if it is listed, make every proxy forward Host and X-Forwarded-Proto.`,
          'api',
        ),
        proxySetting: 'Forward the Host and X-Forwarded-Proto headers to the api',
      },
      service: 'api',
    },
    record,
  );
}
