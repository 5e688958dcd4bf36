import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RateBudget } from '../../../shared/plane/probes/rate-budget';
import type { ProbeFinding, ProbeReport } from '../../../shared/schemas/probe';
import { probeCommand } from '../../cli/commands/probe';
import { runProbes } from './run-probes';
import { startPeers, type PeerScenario, type RunningPeers } from './test-peers/peers';

/**
 * The probes against real peers on 127.0.0.1: Debian's Django + django-cors-headers configured
 * like Plane, a `ws` live server and Caddy in front, with the proxy and env faults users make.
 */
let peers: RunningPeers | undefined;
afterEach(async () => {
  await peers?.stop();
  peers = undefined;
});

/** Peers without Plane's throttle: the budget itself is unit-tested; here every run must be fast. */
const unthrottled = (): RateBudget => new RateBudget({ capacity: 1000, refillPerMinute: 6000, now: () => Date.now() });

async function probe(
  scenario: PeerScenario,
  tweak: (input: RunningPeers['input']) => RunningPeers['input'] = (i) => i,
): Promise<ProbeReport> {
  peers = await startPeers(scenario);
  return runProbes(tweak(peers.input), { budget: unthrottled() });
}

function finding(report: ProbeReport, id: string): ProbeFinding {
  const found = report.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
}

const problems = (report: ProbeReport): string[] =>
  report.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => `${f.id}: ${f.explanation}`);

describe('probes against real peers', () => {
  it('passes a healthy community deployment behind Caddy in well under 3 s', async () => {
    const report = await probe({ layout: 'community' });
    expect(problems(report)).toEqual([]);
    expect(report.durationMs).toBeLessThan(3000);
    expect(finding(report, 'ws.upgrade').status).toBe('pass');
  });

  it('passes a healthy split deployment over TLS with the lab CA, and fails the chain without it', async () => {
    const report = await probe({ layout: 'split', https: true });
    expect(problems(report)).toEqual([]);
    expect(report.durationMs).toBeLessThan(3000);
    expect(finding(report, 'tls.api.chain').explanation).toMatch(/Hangar lab local CA/);
    expect(finding(report, 'content.baked-api-url').status).toBe('pass');
    const untrusted = await runProbes({ ...peers!.input, caPem: undefined }, { budget: unthrottled() });
    expect(finding(untrusted, 'tls.web.chain')).toMatchObject({ status: 'fail', title: 'Untrusted certificate on plane.lab.test' });
    expect(finding(untrusted, 'routes.web').status).toBe('skip');
  });

  it('sees the second Allow-Origin a proxy adds (duplicate-allow-origin)', async () => {
    const report = await probe({ layout: 'community', caddy: { duplicateAllowOrigin: true } });
    const duplicate = finding(report, 'cors.preflight.single-origin');
    expect(duplicate.status).toBe('fail');
    expect(duplicate.browserError).toBe(
      `The 'Access-Control-Allow-Origin' header contains multiple values '${peers!.webOrigin}, *', but only one is allowed.`,
    );
    expect(duplicate.fix).toMatchObject({ proxySetting: 'Remove CORS headers added by the proxy', service: 'proxy' });
    expect(finding(report, 'cors.actual')).toMatchObject({
      status: 'skip',
      explanation: expect.stringMatching(/the preflight already fails/),
    });
  });

  it('maps an upgrade stripped by the proxy to the Upgrade/Connection fix (ws-upgrade-stripped)', async () => {
    const report = await probe({ layout: 'community', caddy: { stripUpgrade: true } });
    expect(finding(report, 'ws.upgrade')).toMatchObject({
      status: 'fail',
      title: 'Upgrade headers are stripped',
      fix: { proxySetting: 'Pass Upgrade and Connection headers to /live/*' },
    });
    expect(finding(report, 'routes.live-health').status).toBe('pass');
  });

  it('fails allow-all CORS when CORS_ALLOWED_ORIGINS is empty (cors-empty)', async () => {
    const report = await probe({ layout: 'community', corsAllowedOrigins: '' });
    expect(finding(report, 'cors.foreign-origin')).toMatchObject({
      status: 'fail',
      title: 'The API allows every origin',
      fix: { envKey: 'CORS_ALLOWED_ORIGINS' },
    });
    expect(finding(report, 'cors.preflight.origin').status).toBe('pass');
  });

  it('names the listed origin when CORS_ALLOWED_ORIGINS lacks the frontend (cors-wrong-origin)', async () => {
    const report = await probe({ layout: 'split', https: true, corsAllowedOrigins: 'https://old.lab.test' });
    const origin = finding(report, 'cors.preflight.origin');
    expect(origin.status).toBe('fail');
    expect(origin.explanation).toMatch(/CORS_ALLOWED_ORIGINS is 'https:\/\/old.lab.test', which does not contain the frontend origin/);
    expect(origin.fix).toMatchObject({ envKey: 'CORS_ALLOWED_ORIGINS', envFile: '.env.api' });
  });

  it.each([
    ['cors-trailing-slash', '{web}/'],
    ['cors-wildcard', '*'],
  ])('explains the API that Django refused to start (%s)', async (_fault, cors) => {
    const report = await probe({ layout: 'community', corsAllowedOrigins: cors });
    expect(peers!.api?.running).toBe(false);
    expect(peers!.api?.process.output()).toMatch(/corsheaders\.E01[34]/);
    const api = finding(report, 'routes.api-instances');
    expect(api).toMatchObject({
      status: 'fail',
      title: 'The API is down: CORS_ALLOWED_ORIGINS stops Django',
      fix: { envKey: 'CORS_ALLOWED_ORIGINS' },
    });
    expect(report.findings.filter((f) => f.group === 'cors').every((f) => f.status === 'skip')).toBe(true);
  });

  it('points at the api logs when the API is stopped (api-down)', async () => {
    const report = await probe({ layout: 'community', apiDown: true });
    expect(finding(report, 'routes.api-instances')).toMatchObject({
      status: 'fail',
      title: 'API at /api/instances/: the api service is down',
      fix: { service: 'api' },
    });
    expect(report.findings.filter((f) => f.status === 'fail').map((f) => f.id)).toEqual(['routes.api-instances']);
  });

  it('fails Secure cookies on an http site (mixed-scheme)', async () => {
    const report = await probe({ layout: 'community', corsAllowedOrigins: 'https://plane.lab.test' }, (input) => ({
      ...input,
      expected: { ...input.expected, corsAllowedOrigins: undefined },
    }));
    expect(finding(report, 'cookies.csrftoken.secure')).toMatchObject({
      status: 'fail',
      title: 'Secure cookies on an http site: login loops',
    });
  });

  it('finds the old API URL baked into the frontend (frontend-api-url-mismatch)', async () => {
    const report = await probe({ layout: 'split', https: true, bakedApiUrl: 'https://api.old-lab.test' });
    const baked = finding(report, 'content.baked-api-url');
    expect(baked).toMatchObject({ status: 'fail', fix: { envKey: 'VITE_API_BASE_URL', envFile: '.env.frontend' } });
    expect(baked.explanation).toMatch(/they call https:\/\/api.old-lab.test\./);
  });

  it('runs as `hangar probe` with --resolve and --ca, exiting 0 when healthy', async () => {
    peers = await startPeers({ layout: 'split', https: true });
    const caFile = join(tmpdir(), `hangar-probe-ca-${process.pid}.pem`);
    await writeFile(caFile, peers.input.caPem ?? '');
    let out = '';
    const io = {
      stdout: (t: string) => void (out += t),
      stderr: () => undefined,
      env: {},
      cwd: process.cwd(),
      signal: new AbortController().signal,
    };
    const argv = [
      '--url',
      peers.webOrigin,
      '--api-url',
      peers.apiOrigin,
      '--layout',
      'split',
      '--resolve',
      'plane.lab.test:127.0.0.1',
      '--resolve',
      'api.lab.test:127.0.0.1',
      '--ca',
      caFile,
    ];
    expect(await probeCommand.run(argv, io)).toBe(0);
    expect(out).toMatch(/0 failed, 0 warnings/);
  });
});
