import type { ProbeFinding } from '../../schemas/probe';
import { envFix, type EvalContext } from './context';
import { corsCause, PROXY_CORS_SETTING } from './cors-causes';
import { findingFrom, skipped } from './finding';
import { allowOriginValues, headerValues } from './headers';
import type { HttpRecord } from './recording';

/**
 * The three header verdicts a browser applies to both the preflight and the actual answer:
 * the Allow-Origin value, its count, and Allow-Credentials. Messages quote the browser console.
 */

/** Allow-Origin must equal the frontend origin exactly (first value; duplicates are judged apart). */
export function allowOriginFinding(ctx: EvalContext, record: HttpRecord, id: string, step: 'preflight' | 'request'): ProbeFinding {
  const origin = ctx.targets.webOrigin;
  const values = allowOriginValues(record.response?.rawHeaders ?? []);
  const first = values[0];
  const title = 'Allow-Origin equals the frontend origin';
  const base = { id, diagnostic: 'D5', group: 'cors' as const, service: 'api' as const };
  const blocked = `Access to fetch at '${record.request.url}' from origin '${origin}' has been blocked by CORS policy`;
  if (first === undefined) {
    const cause = corsCause(ctx);
    return findingFrom(
      {
        ...base,
        status: 'fail',
        title: 'The API does not allow the frontend origin',
        explanation: `The ${step} carries no Access-Control-Allow-Origin header for ${origin}, so the browser blocks every API call. ${cause.explanation}`,
        browserError: `${blocked}: ${step === 'preflight' ? "Response to preflight request doesn't pass access control check: " : ''}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
        fix: envFix(ctx, 'CORS_ALLOWED_ORIGINS', cause.fix, 'api'),
      },
      record,
    );
  }
  if (first === '*') {
    return findingFrom(
      {
        ...base,
        status: 'fail',
        title: "Allow-Origin is '*' while credentials are sent",
        explanation:
          "The answer allows every origin with '*', which browsers refuse for requests that carry cookies. Django with CORS_ALLOW_CREDENTIALS never sends '*', so a proxy adds it.",
        browserError: `${blocked}: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.`,
        fix: {
          text: `Remove the Access-Control-Allow-Origin header from the proxy and let Django answer; list ${origin} in CORS_ALLOWED_ORIGINS.`,
          proxySetting: PROXY_CORS_SETTING,
          service: 'proxy',
          envKey: 'CORS_ALLOWED_ORIGINS',
        },
      },
      record,
    );
  }
  if (values.length > 1) {
    const singleId = id === 'cors.actual' ? id : 'cors.preflight.single-origin';
    return skipped(
      id,
      'cors',
      title,
      `The answer carries ${values.length} values (${values.join(', ')}); the browser rejects that before comparing them (see ${singleId}).`,
      record,
    );
  }
  if (first === origin) {
    return findingFrom(
      { ...base, status: 'pass', title, explanation: `Access-Control-Allow-Origin is ${origin}, exactly the frontend origin.` },
      record,
    );
  }
  const wrong = first;
  const slash = wrong === `${origin}/`;
  return findingFrom(
    {
      ...base,
      status: 'fail',
      title: 'Allow-Origin names another origin',
      explanation: slash
        ? `Access-Control-Allow-Origin is '${wrong}' with a trailing slash; browsers compare it to '${origin}' byte for byte.`
        : `Access-Control-Allow-Origin is '${wrong}', not the frontend origin '${origin}'. A proxy sets a fixed value, or the frontend is opened on another address than WEB_URL.`,
      browserError: `${blocked}: The 'Access-Control-Allow-Origin' header has a value '${wrong}' that is not equal to the supplied origin.`,
      fix: slash
        ? envFix(
            ctx,
            'CORS_ALLOWED_ORIGINS',
            `Remove the final '/' from ${wrong} in CORS_ALLOWED_ORIGINS (and in any proxy header) and restart the API.`,
            'api',
          )
        : {
            text: `Remove the fixed Access-Control-Allow-Origin from the proxy; list ${origin} in CORS_ALLOWED_ORIGINS.`,
            proxySetting: PROXY_CORS_SETTING,
            service: 'proxy',
            envKey: 'CORS_ALLOWED_ORIGINS',
          },
    },
    record,
  );
}

/** Allow-Origin must appear once: two lines (or `a, b`) fail with "contains multiple values". */
export function singleOriginFinding(record: HttpRecord, id: string): ProbeFinding {
  const values = allowOriginValues(record.response?.rawHeaders ?? []);
  const title = 'Allow-Origin appears once';
  if (values.length === 0)
    return skipped(id, 'cors', title, 'There is no Access-Control-Allow-Origin header to count (see cors.preflight.origin).', record);
  if (values.length === 1)
    return findingFrom(
      {
        id,
        diagnostic: 'D5',
        group: 'cors',
        status: 'pass',
        title,
        explanation: 'Exactly one Access-Control-Allow-Origin value.',
        service: 'api',
      },
      record,
    );
  const lines = headerValues(record.response?.rawHeaders ?? [], 'access-control-allow-origin').length;
  return findingFrom(
    {
      id,
      diagnostic: 'D5',
      group: 'cors',
      status: 'fail',
      title: 'Allow-Origin is sent more than once',
      explanation: `The answer carries ${values.length} Access-Control-Allow-Origin values${lines > 1 ? ` on ${lines} header lines` : ''}: Django sends one and a proxy adds another. Browsers reject the answer even when both values are right.`,
      browserError: `The 'Access-Control-Allow-Origin' header contains multiple values '${values.join(', ')}', but only one is allowed.`,
      fix: {
        text: 'Remove the CORS headers from the proxy (nginx add_header, Traefik headers middleware, Caddy header directive): only Django should send them.',
        proxySetting: PROXY_CORS_SETTING,
        service: 'proxy',
      },
      service: 'proxy',
    },
    record,
  );
}

/** Allow-Credentials must be exactly `true`, or the browser drops the session cookie's answer. */
export function credentialsFinding(record: HttpRecord, id: string, origin: string): ProbeFinding {
  const values = headerValues(record.response?.rawHeaders ?? [], 'access-control-allow-credentials');
  const title = 'Credentials allowed';
  const joined = values.join(', ');
  if (joined === 'true') {
    return findingFrom(
      {
        id,
        diagnostic: 'D5',
        group: 'cors',
        status: 'pass',
        title,
        explanation: 'Access-Control-Allow-Credentials is true, so the session cookie travels.',
        service: 'api',
      },
      record,
    );
  }
  return findingFrom(
    {
      id,
      diagnostic: 'D5',
      group: 'cors',
      status: 'fail',
      title: 'Credentials are not allowed',
      explanation:
        values.length === 0
          ? `The answer has no Access-Control-Allow-Credentials header; the frontend at ${origin} sends cookies, so the browser discards the answer. Django (CORS_ALLOW_CREDENTIALS = True in Plane) always sends it, so something else answered.`
          : `Access-Control-Allow-Credentials is '${joined}'; it must be exactly 'true' (a proxy may add a second value).`,
      browserError: `Credentials flag is 'true', but the 'Access-Control-Allow-Credentials' header is '${joined}'. It must be 'true' to allow credentials.`,
      fix: {
        text: "Make sure Django answers (CORS_ALLOW_CREDENTIALS = True) and the proxy neither answers OPTIONS itself nor adds CORS headers; the frontend must fetch with credentials: 'include'.",
        proxySetting: PROXY_CORS_SETTING,
        service: 'proxy',
      },
      service: 'api',
    },
    record,
  );
}
