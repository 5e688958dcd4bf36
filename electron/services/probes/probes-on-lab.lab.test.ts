import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultName } from '../../../e2e/lab/faults';
import { startLab, type Lab } from '../../../e2e/lab/lab';
import { RateBudget } from '../../../shared/plane/probes/rate-budget';
import type { ProbeFinding, ProbeInput, ProbeReport } from '../../../shared/schemas/probe';
import { runProbes } from './run-probes';

/**
 * The probes against the Plane lab (e2e/lab): for every fault probes can see, the exact finding
 * and its fix; and the healthy lab without failures in every layout the lab provides.
 */

/** Reads KEY=value lines of an env file (quotes stripped); enough for the lab's generated files. */
async function envValues(path: string | undefined): Promise<Record<string, string>> {
  if (!path) return {};
  const values: Record<string, string> = {};
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) values[match[1]] = (match[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** The probe input Hangar builds from a deployment: URLs, env values, overrides and the lab CA. */
async function inputFor(lab: Lab): Promise<ProbeInput> {
  const web = new URL(lab.urls.web).origin;
  const api = new URL(lab.urls.api).origin;
  const apiEnv = await envValues(lab.envFiles['.env.api'] ?? lab.envFiles['plane.env'] ?? lab.envFiles['.env']);
  const frontendEnv = await envValues(lab.envFiles['.env.frontend']);
  const cors = apiEnv.CORS_ALLOWED_ORIGINS;
  return {
    webUrl: web,
    layout: lab.layout,
    ...(api !== web ? { apiUrl: api } : {}),
    liveUrl: lab.urls.live.replace(/\/collaboration.*$/, ''),
    resolve: lab.hostNames.map((host) => ({ host, address: '127.0.0.1' })),
    expected: {
      ...(cors !== undefined ? { corsAllowedOrigins: cors.split(',') } : {}),
      ...(frontendEnv.VITE_API_BASE_URL ? { frontendApiUrl: frontendEnv.VITE_API_BASE_URL } : {}),
    },
    ...(lab.caCertPath ? { caPem: await readFile(lab.caCertPath, 'utf8') } : {}),
  };
}

/** The lab has no throttle of its own worth waiting for; the budget is unit-tested. */
const unthrottled = (): RateBudget => new RateBudget({ capacity: 1000, refillPerMinute: 6000, now: () => Date.now() });

async function probe(lab: Lab): Promise<ProbeReport> {
  return runProbes(await inputFor(lab), { budget: unthrottled() });
}

function finding(report: ProbeReport, id: string): ProbeFinding {
  const found = report.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
}

const failures = (report: ProbeReport): string[] =>
  report.findings.filter((f) => f.status === 'fail').map((f) => `${f.id}: ${f.explanation}`);

/**
 * The finding each probe-visible fault must raise in a layout, its title and the env key its fix
 * opens (undefined: a fix must exist, whatever it points at). `mixed-scheme` differs per layout:
 * community serves http with https CORS origins (Secure cookies on http), split serves https
 * with an http WEB_URL in .env.api (the sign-in redirect leaves the site).
 */
function faultFindings(layout: Lab['layout']): Array<[FaultName, string, string, string | undefined]> {
  return [
    ['cors-trailing-slash', 'routes.api-instances', 'The API is down: CORS_ALLOWED_ORIGINS stops Django', undefined],
    ['cors-wildcard', 'routes.api-instances', 'The API is down: CORS_ALLOWED_ORIGINS stops Django', undefined],
    ['cors-wrong-origin', 'cors.preflight.origin', 'The API does not allow the frontend origin', undefined],
    ['cors-empty', 'cors.foreign-origin', 'The API allows every origin', undefined],
    ['duplicate-allow-origin', 'cors.preflight.single-origin', 'Allow-Origin is sent more than once', undefined],
    ['ws-upgrade-stripped', 'ws.upgrade', 'Upgrade headers are stripped', undefined],
    layout === 'split'
      ? ['mixed-scheme', 'auth.sign-in-redirect', 'After sign-in Plane sends users to another address', 'WEB_URL']
      : ['mixed-scheme', 'cookies.csrftoken.secure', 'Secure cookies on an http site: login loops', 'CORS_ALLOWED_ORIGINS'],
    ['api-down', 'routes.api-instances', 'API at /api/instances/: the api service is down', undefined],
  ];
}

describe.each(['community', 'split', 'dokploy'] as const)('probes on the %s lab', (layout) => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startLab({ layout, sshd: false });
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('passes every check of the healthy lab in under 3 s', async () => {
    const report = await probe(lab);
    expect(failures(report)).toEqual([]);
    expect(report.durationMs).toBeLessThan(3000);
    for (const id of [
      'routes.web',
      'routes.api-instances',
      'routes.god-mode',
      'routes.spaces',
      'routes.live-health',
      'cors.preflight.origin',
      'cors.foreign-origin',
      'ws.upgrade',
      'auth.sign-in-redirect',
      'auth.csrf',
    ]) {
      expect(finding(report, id).status, id).toBe('pass');
    }
  });

  // Faults are applied one after another without a revert in between: applyFaults rewrites the
  // layout for exactly the given faults, so each step also undoes the previous one.
  it.runIf(layout !== 'dokploy').each(faultFindings(layout))('%s → %s: "%s"', async (fault, id, title, envKey) => {
    await lab.applyFaults([fault]);
    const report = await probe(lab);
    expect(finding(report, id)).toMatchObject({ status: 'fail', title });
    expect(finding(report, id).fix).toBeDefined();
    if (envKey) expect(finding(report, id).fix?.envKey).toBe(envKey);
  });

  it.runIf(layout === 'split')('frontend-api-url-mismatch → content.baked-api-url asks for a rebuilt image', async () => {
    await lab.applyFaults(['frontend-api-url-mismatch']);
    const report = await probe(lab);
    expect(finding(report, 'content.baked-api-url')).toMatchObject({
      status: 'fail',
      title: 'The frontend was built with another API URL',
      fix: { envKey: 'VITE_API_BASE_URL', envFile: '.env.frontend' },
    });
  });
});
