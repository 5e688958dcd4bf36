import { parseSetCookies } from './headers';
import { jsonObject } from './html';
import type { HttpRecord, RecordedResponse } from './recording';
import type { ProbeTargets, RequestSpec } from './targets';

/**
 * The sign-in probe (D7, D8): the form post the web app's sign-in page makes, with a user that
 * cannot exist. Plane answers it like any failed login (302 to WEB_URL with `?error_code=…`), so
 * the probe sees where real users are sent without creating or touching an account.
 */

/** An address under `.invalid` (RFC 2606): no account can ever have it, no mail can be sent to it. */
export const PROBE_EMAIL = 'probe@hangar.invalid';

/** What the form needs from `/auth/get-csrf-token/`: the token for the body and the cookie it pairs with. */
export interface CsrfCredentials {
  token: string;
  cookie: string;
}

/**
 * The token (JSON `csrf_token`) and the `csrftoken` cookie of the CSRF step, or undefined when the
 * answer lacks either: then Django would refuse any form post and the sign-in probe cannot run.
 */
export function csrfCredentials(record: HttpRecord | undefined): CsrfCredentials | undefined {
  const response = record?.response;
  if (!response || response.status !== 200) return undefined;
  const token = jsonObject(response)?.csrf_token;
  const cookie = parseSetCookies(response.rawHeaders).find((c) => c.name === 'csrftoken')?.value;
  if (typeof token !== 'string' || token === '' || !cookie) return undefined;
  return { token, cookie };
}

/**
 * The browser's sign-in form post, sent from the web origin (Origin and Referer as the page sets
 * them). `password` is random per run so the request never matches a real credential.
 */
export function signInRequest(targets: ProbeTargets, credentials: CsrfCredentials, password: string): RequestSpec {
  const body = new URLSearchParams({ email: PROBE_EMAIL, password, csrfmiddlewaretoken: credentials.token }).toString();
  return {
    method: 'POST',
    url: `${targets.apiBase}/auth/sign-in/`,
    headers: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Accept', 'text/html,application/xhtml+xml'],
      ['Cookie', `csrftoken=${credentials.cookie}`],
      ['Origin', targets.webOrigin],
      ['Referer', `${targets.webOrigin}/`],
    ],
    body,
    budget: true,
    maxBodyBytes: 64 * 1024,
  };
}

/** Django's CSRF refusal: 403 with Plane's `csrf_failure.html` or Django's own "CSRF verification failed". */
export function isCsrfFailure(response: RecordedResponse): boolean {
  return response.status === 403 && /csrf verification failed/i.test(response.body);
}

/**
 * Django's reason for a CSRF refusal when the page carries it (DEBUG pages, the lab's comment),
 * e.g. "Origin checking failed - https://x does not match any trusted origins.".
 */
export function csrfFailureReason(response: RecordedResponse): string | undefined {
  // A reason ends at the period before the comment's end or the next tag (hosts contain periods too).
  const match =
    /((?:Origin checking failed|Referer checking failed|CSRF cookie not set|CSRF token (?:missing|incorrect))[^<>]*?\.)(?=\s*(?:-->|<|$))/i.exec(
      response.body,
    );
  return match?.[1]?.trim();
}
