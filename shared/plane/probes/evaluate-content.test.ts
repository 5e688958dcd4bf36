import { describe, expect, it } from 'vitest';
import { answer, findingOf, healthyRecordings, probeInput } from './__fixtures__/recorded';

const split = probeInput({
  webUrl: 'https://plane.example.com',
  apiUrl: 'https://plane-api.example.com',
  layout: 'split',
  expected: { frontendApiUrl: 'https://plane-api.example.com' },
});
const bundleSpec = { method: 'GET', url: 'https://plane.example.com/assets/index-Bx1.js', headers: [], budget: false, maxBodyBytes: 0 };

describe('baked API URL and mixed content', () => {
  it('passes when the bundle contains VITE_API_BASE_URL of .env.frontend', () => {
    expect(findingOf(split, healthyRecordings(split), 'content.baked-api-url').status).toBe('pass');
  });

  it('fails when the bundle was built with another URL, names it, and asks for a rebuild', () => {
    const rec = healthyRecordings(split);
    rec.bundles = [
      answer(
        bundleSpec,
        200,
        [['Content-Type', 'text/javascript']],
        'const a="https://api.old-domain.net"||"";const b="http://www.w3.org/2000/svg";',
      ),
    ];
    const finding = findingOf(split, rec, 'content.baked-api-url');
    expect(finding.status).toBe('fail');
    expect(finding.explanation).toMatch(/they call https:\/\/api.old-domain.net\./);
    expect(finding.explanation).not.toMatch(/w3.org/);
    expect(finding.fix).toMatchObject({ envKey: 'VITE_API_BASE_URL', envFile: '.env.frontend', service: 'web' });
    expect(finding.fix?.text).toMatch(/Rebuild and redeploy the frontend image/);
  });

  it('is skipped for stock layouts, whose frontends call /api on their own origin', () => {
    const community = probeInput({ webUrl: 'https://plane.example.com' });
    expect(findingOf(community, healthyRecordings(community), 'content.baked-api-url').status).toBe('skip');
  });

  it('fails an https page whose code calls the API over http', () => {
    const rec = healthyRecordings(split);
    rec.bundles = [answer(bundleSpec, 200, [], 'fetch("http://plane-api.example.com/api/users/me/")')];
    const finding = findingOf(split, rec, 'content.mixed-content');
    expect(finding.status).toBe('fail');
    expect(finding.browserError).toMatch(
      /^Mixed Content: The page at 'https:\/\/plane.example.com\/' was loaded over HTTPS, but requested an insecure resource 'http:\/\/plane-api.example.com\/api\/users\/me\/'/,
    );
  });

  it('fails an http API URL configured for an https frontend even before any fetch', () => {
    const input = probeInput({
      ...split,
      apiUrl: 'http://plane-api.example.com',
      expected: { frontendApiUrl: 'http://plane-api.example.com' },
    });
    expect(findingOf(input, { dns: [], tls: [], bundles: [] }, 'content.mixed-content')).toMatchObject({
      status: 'fail',
      fix: { envKey: 'VITE_API_BASE_URL' },
    });
  });
});
