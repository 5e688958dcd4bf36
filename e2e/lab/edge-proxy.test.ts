import { describe, expect, it } from 'vitest';
import { contentHashLabel, edgeCaddyfile, frontendCaddyfile } from './edge-proxy';

describe('edge and frontend server configs', () => {
  const routes = [
    { host: 'plane.lab.test', upstream: 'plane-frontend:3000' },
    { host: 'plane-api.lab.test', upstream: 'plane-api:8000', api: true },
  ];

  it('adds the second CORS header only on the API host, and only under duplicate-allow-origin', () => {
    expect(edgeCaddyfile(routes, new Set())).not.toContain('Access-Control-Allow-Origin');
    const faulty = edgeCaddyfile(routes, new Set(['duplicate-allow-origin']));
    expect(faulty).toMatch(
      /plane-api\.lab\.test \{[^}]*reverse_proxy plane-api:8000 \{\n\t\theader_down \+Access-Control-Allow-Origin "\*"/,
    );
    expect(faulty).toMatch(/plane\.lab\.test \{\n\ttls \S+ \S+\n\treverse_proxy plane-frontend:3000\n\}/);
  });

  it('strips Upgrade/Connection on /live only under ws-upgrade-stripped, keeping the security headers', () => {
    const ok = frontendCaddyfile('plane-live:3000', new Set());
    expect(ok).toContain('X-Frame-Options "SAMEORIGIN"');
    expect(ok).not.toContain('request_header -Upgrade');
    expect(frontendCaddyfile('plane-live:3000', new Set(['ws-upgrade-stripped']))).toMatch(
      /handle \/live\/\* \{\n\t\trequest_header -Upgrade\n\t\trequest_header -Connection/,
    );
  });

  it('changes the recreate label with the config content', () => {
    expect(contentHashLabel('a')).toBe(contentHashLabel('a'));
    expect(contentHashLabel('a')).not.toBe(contentHashLabel('b'));
  });
});
