import type { ProbeFinding } from '../../schemas/probe';
import { envFix, type EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import { isHtml, jsonObject } from './html';
import type { HttpRecord, RecordedResponse } from './recording';

/**
 * What `/api/instances/` says about the instance: that Django answers (D1), whether first-run
 * setup is done (D2), and which version runs (D3).
 */

/** Verdict on the route itself: JSON from Django with the instance, not a page of another app. */
export function instancesVerdict(response: RecordedResponse): { ok: boolean; why: string; routing?: boolean } {
  const body = jsonObject(response);
  if (!body)
    return {
      ok: false,
      why: `/api/instances/ answered ${response.status} ${isHtml(response) ? 'with an HTML page (the web app)' : 'without JSON'}: the browser's API calls never reach Django.`,
      routing: true,
    };
  const instance = body.instance as Record<string, unknown> | undefined;
  if (instance && typeof instance.current_version === 'string')
    return { ok: true, why: `The API answers: Plane ${instance.current_version}.` };
  if (body.is_activated === false) return { ok: true, why: 'The API answers; the instance is not registered yet.' };
  return { ok: false, why: `/api/instances/ answered JSON without instance.current_version: another service answered.`, routing: true };
}

/** D2: a running API whose first-run setup is not done sends every user to "Instance not configured". */
export function instanceSetupFinding(record: HttpRecord | undefined): ProbeFinding {
  const title = 'First-run setup done';
  const body = record?.response ? jsonObject(record.response) : undefined;
  if (!body) return skipped('routes.instance-setup', 'routes', title, 'Needs a JSON answer from /api/instances/.', record);
  const instance = body.instance as Record<string, unknown> | undefined;
  const done = instance?.is_setup_done ?? body.is_setup_done;
  if (done === true)
    return findingFrom(
      {
        id: 'routes.instance-setup',
        diagnostic: 'D2',
        group: 'routes',
        status: 'pass',
        title,
        explanation: 'The instance is set up (is_setup_done: true).',
        service: 'api',
      },
      record,
    );
  return findingFrom(
    {
      id: 'routes.instance-setup',
      diagnostic: 'D2',
      group: 'routes',
      status: 'warn',
      title: 'First-run setup is not done',
      explanation: 'The API reports is_setup_done: false; users see "Instance not configured" until an admin finishes god mode.',
      fix: { text: 'Open /god-mode/ and create the instance admin.', service: 'admin' },
      service: 'api',
    },
    record,
  );
}

/** D3: the version the API reports against APP_RELEASE; a drift means old containers kept running. */
export function instanceVersionFinding(ctx: EvalContext, record: HttpRecord | undefined): ProbeFinding {
  const title = 'Running version matches APP_RELEASE';
  const expected = ctx.input.expected.appRelease?.trim();
  if (!expected || !/^v?\d+\.\d+/.test(expected))
    return skipped(
      'routes.instance-version',
      'routes',
      title,
      'APP_RELEASE is not a concrete version (vX.Y.Z), so there is nothing to compare.',
      record,
    );
  const body = record?.response ? jsonObject(record.response) : undefined;
  const running = (body?.instance as Record<string, unknown> | undefined)?.current_version;
  if (typeof running !== 'string')
    return skipped('routes.instance-version', 'routes', title, 'Needs instance.current_version from /api/instances/.', record);
  const same = running.replace(/^v/, '') === expected.replace(/^v/, '');
  return findingFrom(
    same
      ? {
          id: 'routes.instance-version',
          diagnostic: 'D3',
          group: 'routes',
          status: 'pass',
          title,
          explanation: `Plane ${running} runs, as APP_RELEASE says.`,
          service: 'api',
        }
      : {
          id: 'routes.instance-version',
          diagnostic: 'D3',
          group: 'routes',
          status: 'warn',
          title: 'The running version differs from APP_RELEASE',
          explanation: `The API reports ${running} but APP_RELEASE is ${expected}: the containers were not recreated after the change, or the migrator did not finish.`,
          fix: {
            ...envFix(
              ctx,
              'APP_RELEASE',
              'Pull and recreate the containers (docker compose pull && docker compose up -d), then check the migrator logs.',
            ),
            service: 'api',
          },
          service: 'api',
        },
    record,
  );
}
