import { describe, expect, it } from 'vitest';
import { answer, findingOf, healthyRecordings, NOW, probeInput } from './__fixtures__/recorded';
import type { TlsRecord } from './recording';

const input = probeInput({ webUrl: 'https://plane.example.com', expected: { serverAddresses: ['203.0.113.10'] } });

function withTls(change: (tls: TlsRecord) => TlsRecord) {
  const rec = healthyRecordings(input);
  rec.tls = rec.tls.map(change);
  return rec;
}

describe('TLS evaluation (D25)', () => {
  it('passes a trusted, matching, long-valid TLS 1.3 certificate and the http redirect', () => {
    const rec = healthyRecordings(input);
    for (const id of ['tls.web.chain', 'tls.web.name', 'tls.web.expiry', 'tls.web.protocol', 'tls.redirect'])
      expect(findingOf(input, rec, id).status).toBe('pass');
  });

  it('warns under 21 days and fails once expired', () => {
    const soon = withTls((t) => ({
      ...t,
      certificate: t.certificate && { ...t.certificate, validTo: new Date(NOW.getTime() + 10 * 86_400_000).toISOString() },
    }));
    expect(findingOf(input, soon, 'tls.web.expiry')).toMatchObject({
      status: 'warn',
      title: 'Certificate of plane.example.com expires in 10 days',
    });
    const expired = withTls((t) => ({ ...t, certificate: t.certificate && { ...t.certificate, validTo: '2026-05-01T00:00:00.000Z' } }));
    expect(findingOf(input, expired, 'tls.web.expiry').status).toBe('fail');
  });

  it('fails a certificate for another name and an untrusted chain', () => {
    const rec = withTls((t) => ({
      ...t,
      authorized: false,
      authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN',
      nameError:
        "Hostname/IP does not match certificate's altnames: Host: plane.example.com. is not in the cert's altnames: DNS:other.example.com",
    }));
    expect(findingOf(input, rec, 'tls.web.name')).toMatchObject({ status: 'fail', browserError: 'NET::ERR_CERT_COMMON_NAME_INVALID' });
    expect(findingOf(input, rec, 'tls.web.chain').explanation).toMatch(/self-signed/);
  });

  it('warns when plain http serves the site instead of redirecting', () => {
    const rec = healthyRecordings(input);
    rec.httpRedirect = answer({ method: 'GET', url: 'http://plane.example.com/', headers: [], budget: false, maxBodyBytes: 0 }, 200, [
      ['Content-Type', 'text/html'],
    ]);
    expect(findingOf(input, rec, 'tls.redirect').title).toBe('http does not redirect to https');
  });
});

describe('DNS evaluation', () => {
  it('fails a name that points at another machine and warns when only some records do', () => {
    const rec = healthyRecordings(input);
    rec.dns = [{ host: 'plane.example.com', addresses: [{ address: '198.51.100.7', family: 4 }], durationMs: 2 }];
    expect(findingOf(input, rec, 'dns.web')).toMatchObject({ status: 'fail', title: 'plane.example.com points to another machine' });
    rec.dns = [
      {
        host: 'plane.example.com',
        addresses: [
          { address: '203.0.113.10', family: 4 },
          { address: '2001:db8::1', family: 6 },
        ],
        durationMs: 2,
      },
    ];
    expect(findingOf(input, rec, 'dns.web').status).toBe('warn');
  });

  it('skips DNS when an override answered instead', () => {
    const rec = healthyRecordings(input);
    rec.dns = [{ host: 'plane.example.com', addresses: [{ address: '127.0.0.1', family: 4 }], override: '127.0.0.1', durationMs: 0 }];
    expect(findingOf(input, rec, 'dns.web').explanation).toMatch(/Resolved by the override to 127.0.0.1/);
  });
});
