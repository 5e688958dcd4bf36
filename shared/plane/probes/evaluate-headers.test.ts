import { describe, expect, it } from 'vitest';
import { answer, findingOf, healthyRecordings, NOW, probeInput } from './__fixtures__/recorded';
import { evaluateProbes } from './evaluate';
import { probeTargets } from './targets';

describe('security headers', () => {
  it('warns for each header the frontend does not send, with the nginx line to add', () => {
    const input = probeInput({ webUrl: 'https://plane.example.com' });
    const rec = healthyRecordings(input);
    rec.web = answer(probeTargets(input).requests.web, 200, [['Content-Type', 'text/html']], rec.web?.response?.body ?? '');
    const headers = evaluateProbes(input, rec, NOW).filter((f) => f.group === 'headers');
    expect(headers.map((f) => [f.id, f.status])).toEqual([
      ['headers.x-frame-options', 'warn'],
      ['headers.x-content-type-options', 'warn'],
      ['headers.referrer-policy', 'warn'],
      ['headers.hsts', 'warn'],
    ]);
    expect(findingOf(input, rec, 'headers.x-frame-options').fix?.proxySetting).toBe('add_header X-Frame-Options "SAMEORIGIN" always');
  });

  it('does not ask for HSTS on an http site', () => {
    const input = probeInput({ webUrl: 'http://plane.example.com' });
    expect(findingOf(input, healthyRecordings(input), 'headers.hsts').status).toBe('skip');
  });
});

describe('a healthy deployment', () => {
  it.each([
    ['community', { webUrl: 'https://plane.example.com' }],
    ['split', { webUrl: 'https://plane.example.com', apiUrl: 'https://plane-api.example.com', layout: 'split' as const }],
    ['dokploy', { webUrl: 'https://plane.example.com', layout: 'dokploy' as const }],
  ])('has no failure and no warning in the %s layout', (_name, overrides) => {
    const input = probeInput(overrides);
    const findings = evaluateProbes(input, healthyRecordings(input), NOW);
    expect(findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => `${f.id}: ${f.explanation}`)).toEqual([]);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });
});
