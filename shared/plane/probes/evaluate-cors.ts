import type { ProbeFinding } from '../../schemas/probe';
import type { EvalContext } from './context';
import { PROXY_CORS_SETTING } from './cors-causes';
import { foreignFinding } from './cors-foreign';
import { allowOriginFinding, credentialsFinding, singleOriginFinding } from './cors-verdicts';
import { findingFrom, skipped } from './finding';
import { headerTokens } from './headers';
import type { HttpRecord, ProbeRecordings } from './recording';
import { unavailableReason } from './transport';

/**
 * D5: the preflight the frontend's first API call triggers, then the actual request with
 * credentials. Every check reads raw headers, so the verdict is the browser's verdict.
 */
export function evaluateCors(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const preflight = rec.corsPreflight;
  const down = unavailableReason(preflight);
  if (down || !preflight?.response) {
    const why = `${down ?? 'No answer.'} CORS cannot be judged until the API answers (see the routes and reachability checks).`;
    return [
      skipped('cors.preflight.status', 'cors', 'Preflight answered', why, preflight),
      skipped('cors.preflight.origin', 'cors', 'Allow-Origin equals the frontend origin', why, preflight),
      skipped('cors.preflight.single-origin', 'cors', 'Allow-Origin appears once', why, preflight),
      skipped('cors.preflight.credentials', 'cors', 'Credentials allowed', why, preflight),
      skipped('cors.preflight.methods', 'cors', 'Methods allowed', why, preflight),
      skipped('cors.preflight.headers', 'cors', 'Request headers allowed', why, preflight),
      skipped('cors.actual', 'cors', 'Actual request with credentials', why, rec.corsActual),
      skipped('cors.vary-origin', 'cors', 'Vary: Origin', why, rec.corsActual),
      skipped('cors.foreign-origin', 'cors', 'A foreign origin is refused', why, rec.corsForeign),
    ];
  }
  const origin = ctx.targets.webOrigin;
  const status = preflight.response.status;
  const statusOk = status >= 200 && status < 300;
  const originFinding = allowOriginFinding(ctx, preflight, 'cors.preflight.origin', 'preflight');
  const singleFinding = singleOriginFinding(preflight, 'cors.preflight.single-origin');
  const allowed = originFinding.status === 'pass' && singleFinding.status === 'pass';
  return [
    findingFrom(
      statusOk
        ? {
            id: 'cors.preflight.status',
            diagnostic: 'D5',
            group: 'cors',
            status: 'pass',
            title: 'Preflight answered',
            explanation: `OPTIONS ${new URL(preflight.request.url).pathname} answered ${status}.`,
            service: 'api',
          }
        : {
            id: 'cors.preflight.status',
            diagnostic: 'D5',
            group: 'cors',
            status: 'fail',
            title: 'Preflight rejected',
            explanation: `The preflight answered ${status}; browsers need a 2xx answer before they send the real request. Something in front of Django answers OPTIONS itself or refuses it.`,
            browserError: `Response to preflight request doesn't pass access control check: It does not have HTTP ok status.`,
            fix: {
              text: 'Let the proxy pass OPTIONS requests for /api/ and /auth/ to the API unchanged.',
              proxySetting: 'Pass OPTIONS to the API',
              service: 'proxy',
            },
            service: 'api',
          },
      preflight,
    ),
    originFinding,
    singleFinding,
    credentialsFinding(preflight, 'cors.preflight.credentials', origin),
    allowed
      ? methodsFinding(ctx, preflight)
      : skipped(
          'cors.preflight.methods',
          'cors',
          'Methods allowed',
          'Browsers only read the allowed methods once the origin is allowed (see cors.preflight.origin).',
          preflight,
        ),
    allowed
      ? headersFinding(ctx, preflight)
      : skipped(
          'cors.preflight.headers',
          'cors',
          'Request headers allowed',
          'Browsers only read the allowed headers once the origin is allowed (see cors.preflight.origin).',
          preflight,
        ),
    actualFinding(ctx, rec.corsActual, allowed),
    varyFinding(rec.corsActual),
    foreignFinding(ctx, rec.corsForeign),
  ];
}

function methodsFinding(ctx: EvalContext, record: HttpRecord): ProbeFinding {
  const allowed = headerTokens(record.response?.rawHeaders ?? [], 'access-control-allow-methods').map((m) => m.toUpperCase());
  const missing = ctx.targets.corsFrontendMethods.filter((method) => !allowed.includes(method));
  const base = { id: 'cors.preflight.methods', group: 'cors' as const, service: 'api' as const };
  if (missing.length === 0)
    return findingFrom({ ...base, status: 'pass', title: 'Methods allowed', explanation: `Allowed: ${allowed.join(', ')}.` }, record);
  return findingFrom(
    {
      ...base,
      status: missing.includes('GET') ? 'fail' : 'warn',
      title: 'Some methods are not allowed',
      explanation: `Access-Control-Allow-Methods lacks ${missing.join(', ')}, which the frontend uses; those calls will be blocked.`,
      browserError: `Method ${missing[0]} is not allowed by Access-Control-Allow-Methods in preflight response.`,
      fix: {
        text: "Remove the proxy's own Access-Control-Allow-Methods so that Django's list (GET, POST, PUT, PATCH, DELETE, OPTIONS) reaches the browser.",
        proxySetting: PROXY_CORS_SETTING,
        service: 'proxy',
      },
    },
    record,
  );
}

function headersFinding(ctx: EvalContext, record: HttpRecord): ProbeFinding {
  const allowed = headerTokens(record.response?.rawHeaders ?? [], 'access-control-allow-headers');
  const missing = ctx.targets.corsRequestHeaders.filter((header) => !allowed.includes(header));
  const base = { id: 'cors.preflight.headers', diagnostic: 'D5', group: 'cors' as const, service: 'api' as const };
  if (missing.length === 0)
    return findingFrom(
      {
        ...base,
        status: 'pass',
        title: 'Request headers allowed',
        explanation: `The frontend's headers (${ctx.targets.corsRequestHeaders.join(', ')}) are allowed.`,
      },
      record,
    );
  return findingFrom(
    {
      ...base,
      status: 'fail',
      title: 'Request headers are not allowed',
      explanation: `Access-Control-Allow-Headers lacks ${missing.join(', ')}, which the frontend sends on every API call.`,
      browserError: `Request header field ${missing[0]} is not allowed by Access-Control-Allow-Headers in preflight response.`,
      fix: {
        text: "Let Django's CORS_ALLOW_HEADERS reach the browser (remove the proxy's Access-Control-Allow-Headers).",
        proxySetting: PROXY_CORS_SETTING,
        service: 'proxy',
      },
    },
    record,
  );
}

function actualFinding(ctx: EvalContext, record: HttpRecord | undefined, preflightAllowed: boolean): ProbeFinding {
  const title = 'Actual request with credentials';
  const down = unavailableReason(record);
  if (down || !record) return skipped('cors.actual', 'cors', title, down ?? 'Not run.', record);
  if (!preflightAllowed)
    return skipped(
      'cors.actual',
      'cors',
      title,
      'The browser never sends it: the preflight already fails (see the preflight findings above).',
      record,
    );
  const single = singleOriginFinding(record, 'cors.actual');
  if (single.status === 'fail') return single;
  const origin = allowOriginFinding(ctx, record, 'cors.actual', 'request');
  if (origin.status !== 'pass') return origin;
  const credentials = credentialsFinding(record, 'cors.actual', ctx.targets.webOrigin);
  if (credentials.status !== 'pass') return credentials;
  return findingFrom(
    {
      id: 'cors.actual',
      diagnostic: 'D5',
      group: 'cors',
      status: 'pass',
      title,
      explanation: `GET /api/users/me/ answered ${record.response?.status} with the origin allowed and credentials true; the browser will read it.`,
      service: 'api',
    },
    record,
  );
}

function varyFinding(record: HttpRecord | undefined): ProbeFinding {
  const title = 'Vary: Origin';
  if (!record?.response || unavailableReason(record))
    return skipped('cors.vary-origin', 'cors', title, 'The actual request got no answer from the API.', record);
  if (headerTokens(record.response.rawHeaders, 'vary').includes('origin')) {
    return findingFrom(
      {
        id: 'cors.vary-origin',
        group: 'cors',
        status: 'pass',
        title,
        explanation: 'Responses vary by Origin, so caches keep one answer per origin.',
        service: 'api',
      },
      record,
    );
  }
  return findingFrom(
    {
      id: 'cors.vary-origin',
      group: 'cors',
      status: 'warn',
      title: 'Vary: Origin is missing',
      explanation:
        "Without Vary: Origin a cache (CDN or proxy) can serve one origin's CORS answer to another; django-cors-headers adds it, so a proxy removed it.",
      fix: { text: 'Do not strip or replace the Vary header in the proxy or CDN.', proxySetting: 'Keep the Vary header', service: 'proxy' },
    },
    record,
  );
}
