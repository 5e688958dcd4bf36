import { describe, expect, it } from 'vitest';
import { answer, failed, findingOf, healthyRecordings, NOW, probeInput } from './__fixtures__/recorded';
import { evaluateProbes } from './evaluate';
import { probeTargets } from './targets';

const input = probeInput({ webUrl: 'https://plane.example.com' });
const r = probeTargets(input).requests;
const html = [['Content-Type', 'text/html']] as Array<[string, string]>;
const WEB = healthyRecordings(input).web?.response?.body ?? '';

describe('route evaluation (D1, D2, D4)', () => {
  it('passes each path when the right app answers', () => {
    const routes = evaluateProbes(input, healthyRecordings(input), NOW).filter((f) => f.group === 'routes');
    expect(routes.filter((f) => f.status !== 'pass').map((f) => f.id)).toEqual(['routes.instance-version']);
    expect(routes.map((f) => f.id)).toEqual([
      'routes.web',
      'routes.api-instances',
      'routes.instance-setup',
      'routes.instance-version',
      'routes.god-mode',
      'routes.spaces',
      'routes.live-health',
      'routes.csrf-token',
      'routes.bucket',
    ]);
  });

  it('fails /god-mode/ that returns the web SPA (the "Workspace not found" symptom)', () => {
    const rec = healthyRecordings(input);
    rec.godMode = answer(r.godMode, 200, html, WEB);
    const finding = findingOf(input, rec, 'routes.god-mode');
    expect(finding.status).toBe('fail');
    expect(finding.explanation).toMatch(/returns the web app's page/);
    expect(finding.fix?.proxySetting).toBe('Route /god-mode/* to admin:3000 without stripping the prefix');
  });

  it('fails /api/instances/ answered by the web app with the API route to add', () => {
    const rec = healthyRecordings(input);
    rec.apiInstances = answer(r.apiInstances, 200, html, WEB);
    const finding = findingOf(input, rec, 'routes.api-instances');
    expect(finding).toMatchObject({ status: 'fail', fix: { proxySetting: 'Route /api/*, /auth/* and /static/* to api:8000' } });
    expect(findingOf(input, rec, 'routes.instance-setup').status).toBe('skip');
  });

  it('names a down API and opens its logs on 502', () => {
    const rec = healthyRecordings(input);
    rec.apiInstances = answer(r.apiInstances, 502, [['Server', 'Caddy']]);
    const finding = findingOf(input, rec, 'routes.api-instances');
    expect(finding).toMatchObject({ status: 'fail', service: 'api', fix: { service: 'api' } });
    expect(finding.explanation).toMatch(/api:8000 does not answer/);
  });

  it("blames CORS_ALLOWED_ORIGINS='*' for a down API (Django refuses to start, corsheaders.E013)", () => {
    const starred = probeInput({ webUrl: 'https://plane.example.com', expected: { corsAllowedOrigins: ['*'] } });
    const rec = healthyRecordings(starred);
    rec.apiInstances = answer(r.apiInstances, 502, [['Server', 'Caddy']]);
    const finding = findingOf(starred, rec, 'routes.api-instances');
    expect(finding.title).toBe('The API is down: CORS_ALLOWED_ORIGINS stops Django');
    expect(finding.fix).toMatchObject({ envKey: 'CORS_ALLOWED_ORIGINS', envFile: 'plane.env' });
  });

  it('warns when the running version is not APP_RELEASE (D3)', () => {
    const pinned = probeInput({ webUrl: 'https://plane.example.com', expected: { appRelease: 'v1.4.0' } });
    expect(findingOf(pinned, healthyRecordings(pinned), 'routes.instance-version')).toMatchObject({
      status: 'warn',
      fix: { envKey: 'APP_RELEASE', service: 'api' },
    });
    const same = probeInput({ webUrl: 'https://plane.example.com', expected: { appRelease: 'v1.3.1' } });
    expect(findingOf(same, healthyRecordings(same), 'routes.instance-version').status).toBe('pass');
  });

  it('warns while first-run setup is not done', () => {
    const rec = healthyRecordings(input);
    rec.apiInstances = answer(r.apiInstances, 200, [['Content-Type', 'application/json']], '{"is_activated":false,"is_setup_done":false}');
    expect(findingOf(input, rec, 'routes.api-instances').status).toBe('pass');
    expect(findingOf(input, rec, 'routes.instance-setup')).toMatchObject({
      status: 'warn',
      fix: { text: 'Open /god-mode/ and create the instance admin.' },
    });
  });

  it('fails /live/health and the bucket when the web app answers them', () => {
    const rec = healthyRecordings(input);
    rec.liveHealth = answer(r.liveHealth, 200, html, WEB);
    rec.bucket = answer(r.bucket, 200, html, WEB);
    expect(findingOf(input, rec, 'routes.live-health').status).toBe('fail');
    expect(findingOf(input, rec, 'routes.bucket')).toMatchObject({
      status: 'fail',
      fix: { proxySetting: 'Route /uploads/* to plane-minio:9000' },
    });
  });

  it('reports a refused connection once, under reachability', () => {
    const rec = healthyRecordings(input);
    rec.web = failed(r.web, 'refused', 'ECONNREFUSED');
    expect(findingOf(input, rec, 'reach.web')).toMatchObject({
      status: 'fail',
      explanation: expect.stringMatching(/Connection refused by plane.example.com/),
    });
    expect(findingOf(input, rec, 'routes.web').status).toBe('skip');
  });

  it('warns when the probes themselves were throttled (D26)', () => {
    const rec = healthyRecordings(input);
    rec.csrfToken = answer(r.csrfToken, 429, [['Retry-After', '60']], '{"detail":"Request was throttled."}');
    expect(findingOf(input, rec, 'reach.rate-limit')).toMatchObject({ status: 'warn', diagnostic: 'D26' });
  });
});
