import { describe, expect, it } from 'vitest';
import type { ParsedProbeInput } from '../../schemas/probe';
import { answer, failed, findingOf, healthyRecordings, probeInput } from './__fixtures__/recorded';
import type { ProbeRecordings } from './recording';
import { csrfCredentials, signInRequest } from './sign-in';
import { probeTargets } from './targets';

const split = probeInput({ webUrl: 'https://plane.example.com', apiUrl: 'https://plane-api.example.com', layout: 'split' });

/** The healthy recordings with the sign-in answered by `status` and `headers` (a recorded Django answer). */
function signInAnswers(input: ParsedProbeInput, status: number, headers: Array<[string, string]>, body = ''): ProbeRecordings {
  const rec = healthyRecordings(input);
  rec.signIn = answer(signInRequest(probeTargets(input), { token: 'Tk9', cookie: 'Tk9' }, 'r4nd0m'), status, headers, body);
  return rec;
}

/** Plane's csrf_failure.html as Django 4.2 renders it for a form from an untrusted origin. */
const CSRF_PAGE =
  '<!DOCTYPE html><html><head><title>CSRF Verification Failed</title></head><body><h1>CSRF Verification Failed</h1>' +
  '<p>It looks like your form submission has expired or there was a problem with your request.</p></body></html>';

describe('sign-in evaluation (D7, D8)', () => {
  it('passes a redirect back to the web origin, and the CSRF check with it (split layout: API on its own host)', () => {
    const rec = healthyRecordings(split);
    expect(findingOf(split, rec, 'auth.sign-in-redirect')).toMatchObject({ status: 'pass', diagnostic: 'D7' });
    expect(findingOf(split, rec, 'auth.csrf')).toMatchObject({ status: 'pass', diagnostic: 'D8' });
    // The evidence shows the form exactly as posted, and the curl reproduces it.
    const evidence = findingOf(split, rec, 'auth.sign-in-redirect').evidence;
    expect(evidence?.request).toMatchObject({ method: 'POST', url: 'https://plane-api.example.com/auth/sign-in/' });
    expect(evidence?.request.body).toContain('csrfmiddlewaretoken=Tk9');
    expect(evidence?.curl).toContain("--data-raw 'email=probe%40hangar.invalid&password=r4nd0m&csrfmiddlewaretoken=Tk9'");
  });

  it('fails an http Location on an https site and points at WEB_URL in .env.api', () => {
    const rec = signInAnswers(split, 302, [['Location', 'http://plane.example.com/sign-in?error_code=5005']]);
    const finding = findingOf(split, rec, 'auth.sign-in-redirect');
    expect(finding).toMatchObject({
      status: 'fail',
      title: 'After sign-in Plane sends users to another address',
      service: 'api',
      fix: { envKey: 'WEB_URL', envFile: '.env.api', service: 'api' },
    });
    expect(finding.explanation).toContain('http://plane.example.com/sign-in?error_code=5005');
    expect(finding.explanation).toMatch(/scheme is http while the site is https/);
    expect(finding.fix?.text).toContain('WEB_URL=https://plane.example.com');
    expect(findingOf(split, rec, 'auth.csrf').status).toBe('pass');
  });

  it('fails a redirect to another host or to localhost, with the env file of each layout', () => {
    const community = probeInput({ webUrl: 'https://plane.example.com' });
    const old = findingOf(
      community,
      signInAnswers(community, 302, [['Location', 'https://old-plane.example.org/sign-in?x=1']]),
      'auth.sign-in-redirect',
    );
    expect(old).toMatchObject({ status: 'fail', fix: { envKey: 'WEB_URL', envFile: 'plane.env' } });
    expect(old.explanation).toMatch(/old-plane\.example\.org is another host/);
    const dokploy = probeInput({ webUrl: 'https://plane.example.com', layout: 'dokploy' });
    const local = findingOf(dokploy, signInAnswers(dokploy, 302, [['Location', 'http://localhost/sign-in']]), 'auth.sign-in-redirect');
    expect(local).toMatchObject({ status: 'fail', fix: { envKey: 'WEB_URL', envFile: '.env (Dokploy environment tab)' } });
    expect(local.explanation).toMatch(/each user's own computer/);
    const port = findingOf(
      community,
      signInAnswers(community, 302, [['Location', 'https://plane.example.com:8443/']]),
      'auth.sign-in-redirect',
    );
    expect(port.explanation).toMatch(/port differs \(8443 instead of default\)/);
  });

  it('fails a relative Location in the split layout: it lands on the API host, not the site', () => {
    const rec = signInAnswers(split, 302, [['Location', '/sign-in?error_code=5005']]);
    expect(findingOf(split, rec, 'auth.sign-in-redirect').status).toBe('fail');
    const community = probeInput({ webUrl: 'https://plane.example.com' });
    expect(findingOf(community, signInAnswers(community, 302, [['Location', '/sign-in']]), 'auth.sign-in-redirect').status).toBe('pass');
  });

  it('fails a 403 CSRF page as D8, naming the origin missing from CORS_ALLOWED_ORIGINS, and skips the redirect', () => {
    const input = probeInput({ ...split, expected: { corsAllowedOrigins: ['https://old.example.com'] } });
    const rec = signInAnswers(input, 403, [['Content-Type', 'text/html; charset=utf-8']], CSRF_PAGE);
    const finding = findingOf(input, rec, 'auth.csrf');
    expect(finding).toMatchObject({
      status: 'fail',
      diagnostic: 'D8',
      title: 'CSRF Verification Failed on sign-in',
      fix: {
        envKey: 'CORS_ALLOWED_ORIGINS',
        envFile: '.env.api',
        proxySetting: 'Forward the Host and X-Forwarded-Proto headers to the api',
      },
    });
    expect(finding.explanation).toContain('(https://old.example.com) does not list https://plane.example.com');
    expect(findingOf(input, rec, 'auth.sign-in-redirect').status).toBe('skip');
  });

  it("quotes Django's reason when the page carries it", () => {
    const page = CSRF_PAGE.replace(
      '</body>',
      '<!-- Origin checking failed - https://plane.example.com does not match any trusted origins. --></body>',
    );
    const finding = findingOf(split, signInAnswers(split, 403, [], page), 'auth.csrf');
    expect(finding.explanation).toContain('(Origin checking failed - https://plane.example.com does not match any trusted origins.)');
    expect(finding.explanation).toMatch(/forward Host and X-Forwarded-Proto/);
  });

  it('skips both when the API is down, the CSRF step failed or the post was throttled', () => {
    const targets = probeTargets(split);
    const down = healthyRecordings(split);
    down.csrfToken = answer(targets.requests.csrfToken, 502, [['Server', 'Caddy']]);
    delete down.signIn;
    for (const id of ['auth.sign-in-redirect', 'auth.csrf']) {
      const finding = findingOf(split, down, id);
      expect(finding.status).toBe('skip');
      expect(finding.explanation).toMatch(/proxy answered 502/);
    }
    const refused = healthyRecordings(split);
    refused.csrfToken = failed(targets.requests.csrfToken, 'refused');
    delete refused.signIn;
    expect(findingOf(split, refused, 'auth.csrf').explanation).toMatch(/Connection refused/);
    const noToken = healthyRecordings(split);
    noToken.csrfToken = answer(targets.requests.csrfToken, 200, [['Content-Type', 'application/json']], '{}');
    expect(findingOf(split, noToken, 'auth.sign-in-redirect')).toMatchObject({ status: 'skip' });
    expect(findingOf(split, signInAnswers(split, 429, [['Retry-After', '60']]), 'auth.csrf').explanation).toMatch(/throttled/);
  });

  it('fails a sign-in that answers without redirecting (e.g. /auth/ routed to the web app)', () => {
    const rec = signInAnswers(split, 200, [['Content-Type', 'text/html']], '<!doctype html><html></html>');
    expect(findingOf(split, rec, 'auth.sign-in-redirect')).toMatchObject({
      status: 'fail',
      title: 'Sign-in does not redirect back to the site',
    });
    expect(findingOf(split, rec, 'auth.csrf').status).toBe('skip');
  });

  it('reads the token from the JSON body and the cookie from Set-Cookie (they differ: Django masks the token)', () => {
    const spec = probeTargets(split).requests.csrfToken;
    const record = answer(spec, 200, [['Set-Cookie', 'csrftoken=secret123; Path=/; SameSite=Lax; Secure']], '{"csrf_token":"masked456"}');
    expect(csrfCredentials(record)).toEqual({ token: 'masked456', cookie: 'secret123' });
    const request = signInRequest(probeTargets(split), { token: 'masked456', cookie: 'secret123' }, 'pw');
    expect(request.headers).toEqual(
      expect.arrayContaining([
        ['Cookie', 'csrftoken=secret123'],
        ['Origin', 'https://plane.example.com'],
        ['Referer', 'https://plane.example.com/'],
      ]),
    );
    expect(request).toMatchObject({ method: 'POST', budget: true, url: 'https://plane-api.example.com/auth/sign-in/' });
  });
});
