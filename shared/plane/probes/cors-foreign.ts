import type { ProbeFinding } from '../../schemas/probe';
import { envFix, type EvalContext } from './context';
import { PROXY_CORS_SETTING } from './cors-causes';
import { findingFrom, skipped } from './finding';
import { allowOriginValues } from './headers';
import type { HttpRecord } from './recording';
import { unavailableReason } from './transport';

/**
 * D5's second half: a made-up origin must not be allowed. An echo means any web site can call
 * the API with the user's session: Plane's allow-all for an empty CORS_ALLOWED_ORIGINS, or a
 * proxy that reflects Origin.
 */
export function foreignFinding(ctx: EvalContext, record: HttpRecord | undefined): ProbeFinding {
  const title = 'A foreign origin is refused';
  const base = { id: 'cors.foreign-origin', diagnostic: 'D5', group: 'cors' as const, service: 'api' as const };
  const down = unavailableReason(record);
  if (down || !record?.response) return skipped(base.id, 'cors', title, down ?? 'Not run.', record);
  const values = allowOriginValues(record.response.rawHeaders);
  const foreign = record.request.headers.find(([name]) => name.toLowerCase() === 'origin')?.[1] ?? '';
  if (values.includes(foreign)) {
    const emptyList =
      ctx.input.expected.corsAllowedOrigins === undefined || ctx.input.expected.corsAllowedOrigins.every((o) => o.trim() === '');
    return findingFrom(
      {
        ...base,
        status: 'fail',
        title: 'The API allows every origin',
        explanation: emptyList
          ? `The API echoed the made-up origin ${foreign} with credentials allowed. Plane does this when CORS_ALLOWED_ORIGINS is empty: it then allows every origin, and any web site can call the API with the user's session.`
          : `The API echoed the made-up origin ${foreign} although CORS_ALLOWED_ORIGINS is set: a proxy reflects the Origin header.`,
        fix: emptyList
          ? envFix(ctx, 'CORS_ALLOWED_ORIGINS', `Set CORS_ALLOWED_ORIGINS=${ctx.targets.webOrigin} and restart the API.`, 'api')
          : {
              text: 'Remove the proxy rule that copies Origin into Access-Control-Allow-Origin.',
              proxySetting: PROXY_CORS_SETTING,
              service: 'proxy',
            },
      },
      record,
    );
  }
  if (values.includes('*')) {
    return findingFrom(
      {
        ...base,
        status: 'warn',
        title: "Any origin gets '*'",
        explanation:
          "The API answers '*' to a made-up origin; browsers refuse it with cookies, but it shows a proxy adds CORS headers of its own.",
        fix: { text: 'Remove the CORS headers from the proxy.', proxySetting: PROXY_CORS_SETTING, service: 'proxy' },
      },
      record,
    );
  }
  return findingFrom(
    {
      ...base,
      status: 'pass',
      title,
      explanation: `The made-up origin ${foreign} is not allowed: CORS is restricted to the listed origins.`,
    },
    record,
  );
}
