import type { ProbeFinding, ProbeService } from '../../schemas/probe';
import { envFix, type EvalContext } from './context';
import { corsEntryBreakingStartup } from './cors-causes';
import { findingFrom, skipped, type FindingDraft } from './finding';
import { instanceSetupFinding, instancesVerdict, instanceVersionFinding } from './evaluate-instance';
import { headerValue } from './headers';
import { appFingerprint, isHtml, jsonObject } from './html';
import type { HttpRecord, ProbeRecordings, RecordedResponse } from './recording';
import { describeTransportError, GATEWAY_STATUSES } from './transport';

/**
 * D1/D4: every public path must reach the right service. Content decides, not the status: the
 * web SPA answers 200 to any path, so "200" alone would pass a missing route.
 */
export function evaluateRoutes(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const bucket = ctx.input.expected.bucketName;
  const webPrint = rec.web?.response && isHtml(rec.web.response) ? appFingerprint(rec.web.response.body) : undefined;
  const spaApp =
    (path: string, service: ProbeService, upstream: string) =>
    (response: RecordedResponse): Verdict => {
      if (!isHtml(response)) return { ok: false, why: `${path} answered ${response.status} without an HTML page.` };
      if (webPrint !== undefined && appFingerprint(response.body) === webPrint) {
        return {
          ok: false,
          why: `${path} returns the web app's page, so the browser shows "Workspace not found" instead of the ${service} app.`,
          routing: true,
        };
      }
      return response.body.includes(path)
        ? { ok: true, why: `${path} is served by the ${service} app (its assets live under ${path}).` }
        : {
            ok: false,
            why: `${path} answered an HTML page that references no ${path} assets: it is not the ${service} app (${upstream}).`,
            routing: true,
          };
    };
  return [
    route(ctx, rec.web, {
      id: 'routes.web',
      diagnostic: 'D1',
      title: 'Web app at /',
      service: 'web',
      upstream: 'web:3000',
      proxySetting: 'Route /* to web:3000',
      expect: (r) =>
        isHtml(r) && r.status === 200
          ? { ok: true, why: "/ answers the web app's HTML page." }
          : { ok: false, why: `/ answered ${r.status} ${isHtml(r) ? 'HTML' : 'without an HTML page'}.`, routing: !isHtml(r) },
    }),
    route(ctx, rec.apiInstances, {
      id: 'routes.api-instances',
      diagnostic: 'D1',
      title: 'API at /api/instances/',
      service: 'api',
      upstream: 'api:8000',
      proxySetting: 'Route /api/*, /auth/* and /static/* to api:8000',
      expect: instancesVerdict,
    }),
    instanceSetupFinding(rec.apiInstances),
    instanceVersionFinding(ctx, rec.apiInstances),
    route(ctx, rec.godMode, {
      id: 'routes.god-mode',
      diagnostic: 'D4',
      title: 'God mode at /god-mode/',
      service: 'admin',
      upstream: 'admin:3000',
      proxySetting: 'Route /god-mode/* to admin:3000 without stripping the prefix',
      expect: spaApp('/god-mode/', 'admin', 'admin:3000'),
    }),
    route(ctx, rec.spaces, {
      id: 'routes.spaces',
      diagnostic: 'D4',
      title: 'Spaces at /spaces/',
      service: 'space',
      upstream: 'space:3000',
      proxySetting: 'Route /spaces/* to space:3000 without stripping the prefix',
      expect: spaApp('/spaces/', 'space', 'space:3000'),
    }),
    route(ctx, rec.liveHealth, {
      id: 'routes.live-health',
      diagnostic: 'D4',
      title: 'Live server at /live/health',
      service: 'live',
      upstream: 'live:3000',
      proxySetting: 'Route /live/* to live:3000 without stripping the prefix',
      expect: (r) =>
        jsonObject(r)?.status === 'OK'
          ? { ok: true, why: 'The live server answers {"status":"OK"}.' }
          : {
              ok: false,
              why: `/live/health answered ${r.status} ${isHtml(r) ? 'with an HTML page (the web app)' : 'without {"status":"OK"}'}.`,
              routing: true,
            },
    }),
    apiDownAlready(rec)
      ? skipped(
          'routes.csrf-token',
          'routes',
          'Auth at /auth/get-csrf-token/',
          'The API is down (see routes.api-instances); /auth/ goes to the same service.',
          rec.csrfToken,
        )
      : route(ctx, rec.csrfToken, {
          id: 'routes.csrf-token',
          diagnostic: 'D4',
          title: 'Auth at /auth/get-csrf-token/',
          service: 'api',
          upstream: 'api:8000',
          proxySetting: 'Route /auth/* to api:8000',
          expect: (r) =>
            typeof jsonObject(r)?.csrf_token === 'string'
              ? { ok: true, why: 'The API hands out a CSRF token, so login forms can post.' }
              : {
                  ok: false,
                  why: `/auth/get-csrf-token/ answered ${r.status} without a csrf_token: login forms will fail.`,
                  routing: true,
                },
        }),
    route(ctx, rec.bucket, {
      id: 'routes.bucket',
      diagnostic: 'D4',
      title: `Uploads at /${bucket}/`,
      service: 'minio',
      upstream: 'plane-minio:9000',
      proxySetting: `Route /${bucket}/* to plane-minio:9000`,
      expect: (r) =>
        /minio/i.test(headerValue(r.rawHeaders, 'server') ?? '') || /^\s*(<\?xml|<Error>)/.test(r.body)
          ? { ok: true, why: `/${bucket}/ reaches MinIO (S3 XML answer), so uploads and downloads work.` }
          : {
              ok: false,
              why: `/${bucket}/ answered ${r.status} ${isHtml(r) ? 'with an HTML page' : "without MinIO's XML"}: uploads will fail.`,
              routing: true,
            },
    }),
  ];
}

/** Both API paths got a gateway error: one cause, reported once under routes.api-instances. */
function apiDownAlready(rec: ProbeRecordings): boolean {
  const gateway = (r: HttpRecord | undefined): boolean => r?.response !== undefined && GATEWAY_STATUSES.includes(r.response.status);
  return gateway(rec.apiInstances) && gateway(rec.csrfToken);
}

interface Verdict {
  ok: boolean;
  why: string;
  /** The wrong app answered: the proxy's route is the cause. */
  routing?: boolean;
}

interface RouteSpec {
  id: string;
  diagnostic: string;
  title: string;
  service: ProbeService;
  upstream: string;
  proxySetting: string;
  expect: (response: RecordedResponse) => Verdict;
}

function route(ctx: EvalContext, record: HttpRecord | undefined, spec: RouteSpec): ProbeFinding {
  if (!record) return skipped(spec.id, 'routes', spec.title, 'The request was not made.');
  const base = { id: spec.id, diagnostic: spec.diagnostic, group: 'routes' as const, title: spec.title, service: spec.service };
  const response = record.response;
  if (!response) {
    const kind = record.error?.kind;
    if (kind === 'refused' || kind === 'dns' || kind === 'tls') {
      return skipped(spec.id, 'routes', spec.title, `${describeTransportError(record)} See the reachability and TLS checks.`, record);
    }
    return findingFrom(
      {
        ...base,
        status: 'fail',
        explanation: describeTransportError(record),
        fix: { text: 'Check that the proxy runs and listens on this address and port.', service: 'proxy' },
      },
      record,
    );
  }
  if (GATEWAY_STATUSES.includes(response.status)) return findingFrom(downDraft(ctx, base, spec, response.status), record);
  if (response.status === 429) {
    return findingFrom(
      {
        ...base,
        diagnostic: 'D26',
        status: 'warn',
        explanation: 'Plane throttled the probe (anonymous limit 30/min); run the check again in a minute.',
      },
      record,
    );
  }
  const verdict = spec.expect(response);
  if (verdict.ok) return findingFrom({ ...base, status: 'pass', explanation: verdict.why }, record);
  return findingFrom(
    {
      ...base,
      status: 'fail',
      explanation: `${verdict.why} The proxy must send this path to ${spec.upstream}.`,
      fix: { text: `${spec.proxySetting}.`, proxySetting: spec.proxySetting, service: 'proxy' },
    },
    record,
  );
}

function downDraft(ctx: EvalContext, base: Omit<FindingDraft, 'status' | 'explanation'>, spec: RouteSpec, status: number): FindingDraft {
  const badCors = spec.service === 'api' ? corsEntryBreakingStartup(ctx) : undefined;
  if (badCors !== undefined) {
    return {
      ...base,
      status: 'fail',
      title: 'The API is down: CORS_ALLOWED_ORIGINS stops Django',
      explanation: `The proxy answered ${status} because the API is not running. CORS_ALLOWED_ORIGINS contains '${badCors}', which django-cors-headers rejects at startup (corsheaders.E013/E014), so the API and the migrator exit.`,
      fix: envFix(
        ctx,
        'CORS_ALLOWED_ORIGINS',
        `Write exact origins such as ${ctx.targets.webOrigin} (no '*', no trailing slash), then restart the API.`,
        'api',
      ),
    };
  }
  return {
    ...base,
    status: 'fail',
    title: `${spec.title}: the ${spec.service} service is down`,
    explanation: `The proxy answered ${status}: it routes the path, but ${spec.upstream} does not answer. The service is stopped, restarting, or crashed at startup.`,
    fix: { text: `Open the logs of ${spec.service} around the time of this check and restart it.`, service: spec.service },
  };
}
