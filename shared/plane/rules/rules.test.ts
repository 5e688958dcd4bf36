import { describe, expect, it } from 'vitest';
import { allRules } from './all-rules';
import { checkDeployment } from './check-deployment';
import {
  clean,
  cleanCommunity,
  cleanDokploy,
  cleanSplit,
  deployed,
  withCompose,
  withoutKey,
  withText,
  withValue,
  type Scenario,
} from './scenarios';

const ids = (s: Scenario): string[] => checkDeployment(s).map((f) => f.ruleId);
const https = (s: Scenario): Scenario =>
  withValue(withValue(s, 'WEB_URL', 'https://plane.example.com'), 'CORS_ALLOWED_ORIGINS', 'https://plane.example.com');

/** For every rule: a deployment that breaks it, and the clean one of the same layout that does not. */
const failing: Readonly<Record<string, () => Scenario>> = {
  'env-syntax-error': () => withText(cleanCommunity(), (t) => `${t}BAD KEY=1\n`),
  'web-url-origin': () => withValue(cleanCommunity(), 'WEB_URL', 'http://localhost/'),
  'cors-origin-invalid': () => withValue(cleanCommunity(), 'CORS_ALLOWED_ORIGINS', 'http://localhost,*'),
  'cors-origins-empty': () => withValue(cleanCommunity(), 'CORS_ALLOWED_ORIGINS', ''),
  'web-url-not-in-cors': () => withValue(cleanCommunity(), 'CORS_ALLOWED_ORIGINS', 'http://plane.other.com'),
  'cors-http-origin-on-https': () =>
    withValue(https(cleanCommunity()), 'CORS_ALLOWED_ORIGINS', 'https://plane.example.com,http://plane.example.com'),
  'cors-all-https-on-http': () => withValue(cleanCommunity(), 'CORS_ALLOWED_ORIGINS', 'https://localhost'),
  'web-url-port-mismatch': () => withValue(cleanCommunity(), 'LISTEN_HTTP_PORT', '8080'),
  'site-address-empty': () =>
    withCompose(withValue(cleanCommunity(), 'SITE_ADDRESS', ''), (c) => c.replace('${SITE_ADDRESS:-:80}', '${SITE_ADDRESS}')),
  'site-address-port': () => withValue(cleanCommunity(), 'SITE_ADDRESS', ':8080'),
  'site-address-domain-behind-proxy': () => withValue(cleanDokploy(), 'SITE_ADDRESS', 'plane.example.com'),
  'cert-acme-ca-empty': () => withValue(cleanCommunity(), 'CERT_ACME_CA', ''),
  'cert-email-format': () => withValue(cleanCommunity(), 'CERT_EMAIL', 'admin@example.com'),
  'cert-acme-dns-format': () => withValue(cleanCommunity(), 'CERT_ACME_DNS', 'acme_dns route53 token'),
  'trusted-proxies-format': () => withValue(cleanDokploy(), 'TRUSTED_PROXIES', '10.0.0.0/8,172.16.0.0/12'),
  'secret-key-default': () => withValue(cleanCommunity(), 'SECRET_KEY', '60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5'),
  'secret-key-weak': () => withValue(cleanCommunity(), 'SECRET_KEY', 'changeme123'),
  'secret-key-changed': () => withValue(deployed(cleanCommunity()), 'SECRET_KEY', `${'x'.repeat(10)}${'AbCdEfGhIj'.repeat(6)}`),
  'live-secret-missing': () =>
    withCompose(withValue(cleanCommunity(), 'LIVE_SERVER_SECRET_KEY', ''), (c) =>
      c.replaceAll('${LIVE_SERVER_SECRET_KEY:-2FiJk1U2aiVPEQtzLehYGlTSnTnrs7LW}', '${LIVE_SERVER_SECRET_KEY}'),
    ),
  'live-secret-known-default': () => withValue(cleanCommunity(), 'LIVE_SERVER_SECRET_KEY', ''),
  'live-secret-mismatch': () =>
    withCompose(cleanCommunity(), (c) =>
      c.replace(
        '  LIVE_SERVER_SECRET_KEY: ${LIVE_SERVER_SECRET_KEY:-2FiJk1U2aiVPEQtzLehYGlTSnTnrs7LW}\n\nx-app-env',
        '  LIVE_SERVER_SECRET_KEY: another-value-entirely-0123456789\n\nx-app-env',
      ),
    ),
  'init-only-changed': () =>
    withValue(
      withValue(deployed(cleanCommunity()), 'POSTGRES_PASSWORD', 'new-Pass-2027'),
      'DATABASE_URL',
      'postgresql://plane:new-Pass-2027@plane-db:5432/plane',
    ),
  'default-credentials': () => withValue(withValue(cleanCommunity(), 'RABBITMQ_PASSWORD', 'plane'), 'AMQP_URL', ''),
  'database-url-mismatch': () => withValue(cleanCommunity(), 'DATABASE_URL', ''),
  'amqp-url-mismatch': () => withValue(cleanCommunity(), 'AMQP_URL', 'amqp://plane:wrong@plane-mq:5672/plane'),
  'redis-url-mismatch': () => withValue(cleanCommunity(), 'REDIS_HOST', 'cache.internal'),
  'live-api-url': () => withValue(cleanCommunity(), 'API_BASE_URL', 'api:8000'),
  'minio-credentials-short': () => withValue(cleanCommunity(), 'AWS_ACCESS_KEY_ID', 'ab'),
  'minio-default-secret': () => withValue(cleanCommunity(), 'AWS_SECRET_ACCESS_KEY', 'secret-key'),
  'use-minio-value': () => withValue(cleanCommunity(), 'USE_MINIO', 'true'),
  's3-endpoint': () => withValue(cleanCommunity(), 'AWS_S3_ENDPOINT_URL', 'https://s3.eu-west-1.amazonaws.com'),
  'minio-endpoint-ssl': () => https(cleanCommunity()),
  'bucket-name': () => withValue(cleanCommunity(), 'AWS_S3_BUCKET_NAME', 'static'),
  'file-size-limit': () => withValue(cleanCommunity(), 'FILE_SIZE_LIMIT', '5MB'),
  'api-rate-limit': () => withValue(cleanCommunity(), 'API_KEY_RATE_LIMIT', '60 per minute'),
  'duplicate-key': () => withText(cleanCommunity(), (t) => `${t}DEBUG=0\n`),
  'unexpanded-dollar': () => withText(cleanCommunity(), (t) => t.replace('WEBHOOK_ALLOWED_HOSTS=', 'WEBHOOK_ALLOWED_HOSTS=svc$internal')),
  'setup-sh-unsafe': () => withValue(cleanCommunity(), 'WEBHOOK_ALLOWED_HOSTS', 'a&b'),
  'key-not-passed': () => withValue(cleanCommunity(), 'ENABLE_SIGNUP', '0'),
  'app-release-floating': () => withValue(cleanCommunity(), 'APP_RELEASE', 'stable'),
  'debug-enabled': () => withValue(cleanCommunity(), 'DEBUG', '1'),
  'dokploy-managed-files': () => cleanDokploy(),
  'split-frontend-origin-unknown': () => withoutKey(withoutKey(cleanSplit(), 'WEB_URL', '.env.api'), 'ALLOWED_ORIGINS', '.env.live'),
  'split-cors-frontend-origin': () => withValue(cleanSplit(), 'CORS_ALLOWED_ORIGINS', 'https://plane-api.example.com', '.env.api'),
  'split-frontend-api-url': () => withValue(cleanSplit(), 'VITE_API_BASE_URL', 'https://plane-api.example.com/', '.env.frontend'),
  'split-live-allowed-origins': () => withValue(cleanSplit(), 'ALLOWED_ORIGINS', 'https://plane-api.example.com', '.env.live'),
  'split-live-secret': () => withValue(cleanSplit(), 'LIVE_SERVER_SECRET_KEY', 'some-other-secret', '.env.live'),
  'split-secure-cookies': () => withValue(cleanSplit(), 'CSRF_COOKIE_SECURE', '0', '.env.api'),
  'split-live-internal-api': () => withValue(cleanSplit(), 'API_BASE_URL', 'https://plane-api.example.com', '.env.live'),
};

describe('clean deployments raise nothing', () => {
  it.each(['community', 'split'] as const)('%s', (layout) => {
    expect(checkDeployment(clean(layout))).toEqual([]);
  });

  it('dokploy raises only that Dokploy owns the files', () => {
    expect(ids(cleanDokploy())).toEqual(['dokploy-managed-files']);
  });
});

describe('every rule has a failing and a passing example', () => {
  it('covers every rule', () => {
    expect(Object.keys(failing).sort()).toEqual(allRules.map((r) => r.id).sort());
  });

  it.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const broken = (failing[id] as () => Scenario)();
    const findings = checkDeployment(broken).filter((f) => f.ruleId === id);
    expect(findings.length, `${id} should fire`).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.fix.length).toBeGreaterThan(10);
      expect(f.file).toBeDefined();
    }
    const passing = id === 'dokploy-managed-files' ? cleanCommunity() : clean(broken.layout);
    expect(ids(passing)).not.toContain(id);
    expect(rule.layouts).toContain(broken.layout);
  });
});

describe('findings a user can act on', () => {
  it('points at the line of the key', () => {
    const [finding] = checkDeployment(withValue(cleanCommunity(), 'CORS_ALLOWED_ORIGINS', 'http://localhost/'));
    expect(finding).toMatchObject({
      ruleId: 'cors-origin-invalid',
      severity: 'error',
      file: 'plane.env',
      line: 17,
      keys: ['CORS_ALLOWED_ORIGINS'],
    });
    expect(finding?.message).toContain("Remove the final '/'");
  });

  it('shows the DATABASE_URL containers get, with the password masked', () => {
    const message = checkDeployment(withValue(cleanCommunity(), 'DATABASE_URL', '')).find(
      (f) => f.ruleId === 'database-url-mismatch',
    )?.message;
    expect(message).toContain('postgresql://plane:••••@plane-db:5432/plane');
    expect(message).not.toContain('pg-Pass-2026');
  });

  it('says where the user guide and stock Plane disagree', () => {
    const live = checkDeployment(withValue(cleanSplit(), 'LIVE_SERVER_SECRET_KEY', 'other', '.env.live')).find(
      (f) => f.ruleId === 'split-live-secret',
    );
    expect(live?.message).toContain('independent of SECRET_KEY');
    expect(live?.file).toBe('.env.live');
    const cookies = checkDeployment(withValue(cleanSplit(), 'CSRF_COOKIE_SECURE', '0', '.env.api')).find(
      (f) => f.ruleId === 'split-secure-cookies',
    );
    expect(cookies?.message).toContain('Stock Plane ignores');
  });

  it("accepts the API's own LIVE_SERVER_SECRET_KEY instead of SECRET_KEY in the split layout", () => {
    const s = withValue(
      withValue(cleanSplit(), 'LIVE_SERVER_SECRET_KEY', 'live-only-secret-123', '.env.api'),
      'LIVE_SERVER_SECRET_KEY',
      'live-only-secret-123',
      '.env.live',
    );
    expect(ids(s)).not.toContain('split-live-secret');
  });

  it('checks NEXT_PUBLIC_API_BASE_URL only when present', () => {
    expect(ids(withoutKey(cleanSplit(), 'NEXT_PUBLIC_API_BASE_URL', '.env.frontend'))).toEqual([]);
    expect(ids(withValue(cleanSplit(), 'NEXT_PUBLIC_API_BASE_URL', 'https://old-api.example.com', '.env.frontend'))).toEqual([
      'split-frontend-api-url',
    ]);
  });

  it('rejects malformed input with a plain sentence', () => {
    expect(() => checkDeployment({ layout: 'community', files: [] })).toThrow(/malformed: files/);
  });
});
