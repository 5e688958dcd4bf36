import { describe, expect, it } from 'vitest';
import { answer, findingOf, healthyRecordings, probeInput } from './__fixtures__/recorded';
import { domainMatches } from './evaluate-cookies';
import { probeTargets } from './targets';

function withCookie(webUrl: string, cookie: string) {
  const input = probeInput({ webUrl });
  const rec = healthyRecordings(input);
  rec.csrfToken = answer(probeTargets(input).requests.csrfToken, 200, [['Set-Cookie', cookie]], '{"csrf_token":"x"}');
  return { input, rec };
}

describe('cookie evaluation (D6)', () => {
  it('warns when an https site gets a csrftoken without Secure (an http: CORS origin)', () => {
    const { input, rec } = withCookie('https://plane.example.com', 'csrftoken=x; Path=/; SameSite=Lax');
    const finding = findingOf(input, rec, 'cookies.csrftoken.secure');
    expect(finding).toMatchObject({ status: 'warn', fix: { envKey: 'CORS_ALLOWED_ORIGINS', envFile: 'plane.env' } });
  });

  it('fails Secure cookies on an http site: the login loop', () => {
    const { input, rec } = withCookie('http://plane.example.com', 'csrftoken=x; Path=/; SameSite=Lax; Secure');
    const finding = findingOf(input, rec, 'cookies.csrftoken.secure');
    expect(finding.status).toBe('fail');
    expect(finding.explanation).toMatch(/browsers drop them/);
  });

  it('passes matching flags, and fails a Domain that does not cover the host', () => {
    const ok = withCookie('http://plane.example.com', 'csrftoken=x; Path=/');
    expect(findingOf(ok.input, ok.rec, 'cookies.csrftoken.secure').status).toBe('pass');
    const bad = withCookie('http://plane.example.com', 'csrftoken=x; Path=/; Domain=old.example.org');
    expect(findingOf(bad.input, bad.rec, 'cookies.csrftoken.domain')).toMatchObject({ status: 'fail', fix: { envKey: 'COOKIE_DOMAIN' } });
  });

  it('domain-matches parents but not siblings', () => {
    expect(domainMatches('plane.example.com', '.example.com')).toBe(true);
    expect(domainMatches('plane.example.com', 'plane.example.com')).toBe(true);
    expect(domainMatches('plane.example.com', 'ample.com')).toBe(false);
  });
});
