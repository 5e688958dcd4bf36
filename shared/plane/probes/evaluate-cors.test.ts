import { describe, expect, it } from 'vitest';
import { answer, corsHeaders, findingOf, healthyRecordings, probeInput } from './__fixtures__/recorded';
import { evaluateProbes } from './evaluate';
import { probeTargets } from './targets';
import { NOW } from './__fixtures__/recorded';

const split = probeInput({ webUrl: 'https://plane.example.com', apiUrl: 'https://plane-api.example.com', layout: 'split' });
const origin = 'https://plane.example.com';
const r = probeTargets(split).requests;

describe('CORS evaluation (D5)', () => {
  it('passes every CORS check on django-cors-headers answers for an allowed origin', () => {
    const cors = evaluateProbes(split, healthyRecordings(split), NOW).filter((f) => f.group === 'cors');
    expect(cors.map((f) => [f.id, f.status])).toEqual([
      ['cors.preflight.status', 'pass'],
      ['cors.preflight.origin', 'pass'],
      ['cors.preflight.single-origin', 'pass'],
      ['cors.preflight.credentials', 'pass'],
      ['cors.preflight.methods', 'pass'],
      ['cors.preflight.headers', 'pass'],
      ['cors.actual', 'pass'],
      ['cors.vary-origin', 'pass'],
      ['cors.foreign-origin', 'pass'],
    ]);
  });

  it('announces the headers the split frontend really sends in the preflight', () => {
    expect(r.corsPreflight.method).toBe('OPTIONS');
    expect(r.corsPreflight.url).toBe('https://plane-api.example.com/api/users/me/');
    expect(r.corsPreflight.headers).toContainEqual(['Access-Control-Request-Headers', 'authorization,content-type,x-csrftoken']);
    expect(r.corsPreflight.headers).toContainEqual(['Origin', origin]);
  });

  it('fails a duplicated Allow-Origin (two header lines) and tells to remove the proxy CORS headers', () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 200, [...corsHeaders(origin, true), ['Access-Control-Allow-Origin', origin]]);
    const finding = findingOf(split, rec, 'cors.preflight.single-origin');
    expect(finding.status).toBe('fail');
    expect(finding.browserError).toBe(
      `The 'Access-Control-Allow-Origin' header contains multiple values '${origin}, ${origin}', but only one is allowed.`,
    );
    expect(finding.fix?.proxySetting).toBe('Remove CORS headers added by the proxy');
    expect(finding.fix?.text).toMatch(/Remove the CORS headers from the proxy/);
    expect(finding.evidence?.response?.rawHeaders.filter(([n]) => n === 'Access-Control-Allow-Origin')).toHaveLength(2);
  });

  it('fails two values on one line the same way', () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 200, corsHeaders(`${origin}, https://other.example.com`, true));
    expect(findingOf(split, rec, 'cors.preflight.single-origin').browserError).toMatch(
      /contains multiple values 'https:\/\/plane.example.com, https:\/\/other.example.com'/,
    );
    expect(findingOf(split, rec, 'cors.preflight.origin').status).toBe('skip');
  });

  it('fails an Allow-Origin naming another origin, and names a trailing slash', () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 200, corsHeaders('https://other.example.com', true));
    expect(findingOf(split, rec, 'cors.preflight.origin').browserError).toMatch(
      /has a value 'https:\/\/other.example.com' that is not equal to the supplied origin/,
    );
    rec.corsPreflight = answer(r.corsPreflight, 200, corsHeaders(`${origin}/`, true));
    expect(findingOf(split, rec, 'cors.preflight.origin').fix?.text).toMatch(/Remove the final '\/'/);
  });

  it("fails '*' with credentials and names the proxy as its source", () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 200, corsHeaders('*', true));
    const finding = findingOf(split, rec, 'cors.preflight.origin');
    expect(finding.status).toBe('fail');
    expect(finding.browserError).toMatch(/must not be the wildcard '\*' when the request's credentials mode is 'include'/);
    expect(finding.fix).toMatchObject({ service: 'proxy', envKey: 'CORS_ALLOWED_ORIGINS' });
  });

  it('names a trailing slash in CORS_ALLOWED_ORIGINS as the cause of a missing Allow-Origin', () => {
    const input = probeInput({ ...split, expected: { corsAllowedOrigins: [`${origin}/`] } });
    const rec = healthyRecordings(input);
    rec.corsPreflight = answer(r.corsPreflight, 200, [
      ['Vary', 'Origin'],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
    const finding = findingOf(input, rec, 'cors.preflight.origin');
    expect(finding.status).toBe('fail');
    expect(finding.browserError).toMatch(
      /has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header/,
    );
    expect(finding.fix).toMatchObject({ envKey: 'CORS_ALLOWED_ORIGINS', envFile: '.env.api', service: 'api' });
    expect(finding.fix?.text).toBe(
      `CORS_ALLOWED_ORIGINS has a trailing slash: remove the final '/' from '${origin}/' and restart the API.`,
    );
  });

  it('names the listed origins when the frontend origin is not among them', () => {
    const input = probeInput({ ...split, expected: { corsAllowedOrigins: ['https://old.example.com'] } });
    const rec = healthyRecordings(input);
    rec.corsPreflight = answer(r.corsPreflight, 200, [
      ['Vary', 'Origin'],
      ['Access-Control-Allow-Credentials', 'true'],
    ]);
    const finding = findingOf(input, rec, 'cors.preflight.origin');
    expect(finding.explanation).toMatch(
      /'https:\/\/old.example.com', which does not contain the frontend origin https:\/\/plane.example.com/,
    );
    expect(findingOf(input, rec, 'cors.preflight.headers').status).toBe('skip');
    expect(findingOf(input, rec, 'cors.actual').status).toBe('skip');
  });

  it("reports the browser's credentials error when Allow-Credentials is missing", () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(
      r.corsPreflight,
      200,
      corsHeaders(origin, true).filter(([n]) => n !== 'Access-Control-Allow-Credentials'),
    );
    const finding = findingOf(split, rec, 'cors.preflight.credentials');
    expect(finding.status).toBe('fail');
    expect(finding.browserError).toBe(
      "Credentials flag is 'true', but the 'Access-Control-Allow-Credentials' header is ''. It must be 'true' to allow credentials.",
    );
  });

  it('fails when the allowed headers lack x-csrftoken, and warns when PATCH is not allowed', () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 200, [
      ...corsHeaders(origin, false).filter(([n]) => n.startsWith('Access')),
      ['Access-Control-Allow-Headers', 'authorization, content-type'],
      ['Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS'],
    ]);
    const headers = findingOf(split, rec, 'cors.preflight.headers');
    expect(headers.status).toBe('fail');
    expect(headers.browserError).toBe(
      'Request header field x-csrftoken is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
    expect(findingOf(split, rec, 'cors.preflight.methods')).toMatchObject({
      status: 'warn',
      explanation: expect.stringMatching(/lacks PATCH/),
    });
  });

  it('warns when Vary: Origin was stripped from the actual answer', () => {
    const rec = healthyRecordings(split);
    rec.corsActual = answer(
      r.corsActual,
      401,
      corsHeaders(origin, false).filter(([n]) => n !== 'Vary'),
    );
    expect(findingOf(split, rec, 'cors.vary-origin').status).toBe('warn');
  });

  it('fails the actual request when only the preflight carries CORS headers', () => {
    const rec = healthyRecordings(split);
    rec.corsActual = answer(r.corsActual, 401, [['Content-Type', 'application/json']]);
    expect(findingOf(split, rec, 'cors.actual')).toMatchObject({
      status: 'fail',
      browserError: expect.stringMatching(/No 'Access-Control-Allow-Origin' header is present/),
    });
  });

  it('fails an echoed foreign origin as allow-all caused by an empty CORS_ALLOWED_ORIGINS', () => {
    const input = probeInput({ ...split, expected: { corsAllowedOrigins: [] } });
    const rec = healthyRecordings(input);
    rec.corsForeign = answer(r.corsForeign, 200, corsHeaders('https://probe.invalid', true));
    const finding = findingOf(input, rec, 'cors.foreign-origin');
    expect(finding.status).toBe('fail');
    expect(finding.explanation).toMatch(/CORS_ALLOWED_ORIGINS is empty/);
    expect(finding.fix?.text).toBe(`Set CORS_ALLOWED_ORIGINS=${origin} and restart the API.`);
  });

  it('skips CORS (one cause, one failure) when the API behind the proxy is down', () => {
    const rec = healthyRecordings(split);
    rec.corsPreflight = answer(r.corsPreflight, 502, [['Server', 'Caddy']]);
    const cors = evaluateProbes(split, rec, NOW).filter((f) => f.group === 'cors');
    expect(cors.every((f) => f.status === 'skip')).toBe(true);
    expect(cors[0]?.explanation).toMatch(/proxy answered 502/);
  });
});
