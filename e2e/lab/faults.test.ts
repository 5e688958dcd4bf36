import { describe, expect, it } from 'vitest';
import { assertFaultsFit, caddyfileWithFaults } from './faults';
import { corsValue, patchEnv } from './layout-community';

const caddy = '\treverse_proxy /live/* live:3000\n\n\treverse_proxy /api/* api:8000\n';

describe('lab faults', () => {
  it('rewrites only the routes a proxy-side fault touches', () => {
    const dup = caddyfileWithFaults(caddy, new Set(['duplicate-allow-origin']));
    expect(dup).toContain('header_down +Access-Control-Allow-Origin "*"');
    expect(dup).toContain('\treverse_proxy /live/* live:3000\n');
    const ws = caddyfileWithFaults(caddy, new Set(['ws-upgrade-stripped']));
    expect(ws).toMatch(/route \/live\/\* \{[\s\S]*request_header -Upgrade[\s\S]*reverse_proxy live:3000/);
    expect(caddyfileWithFaults(caddy, new Set())).toBe(caddy);
  });

  it('bends CORS_ALLOWED_ORIGINS the way users break it', () => {
    const o = 'http://127.0.0.1:8080';
    expect(corsValue(o, new Set())).toBe(o);
    expect(corsValue(o, new Set(['cors-trailing-slash']))).toBe(`${o}/`);
    expect(corsValue(o, new Set(['cors-wildcard']))).toBe('*');
    expect(corsValue(o, new Set(['cors-empty']))).toBe('');
    expect(corsValue(o, new Set(['mixed-scheme']))).toBe('https://127.0.0.1:8080');
  });

  it('patches env values in place, keeping comments, and appends missing keys', () => {
    const out = patchEnv('# db\nPOSTGRES_PASSWORD=plane\nWEB_URL=http://${APP_DOMAIN}\n', { WEB_URL: 'http://x', NEW: '1' });
    expect(out).toBe('# db\nPOSTGRES_PASSWORD=plane\nWEB_URL=http://x\n\nNEW=1');
  });

  it('refuses a fault the layout cannot show, naming the layout that can', () => {
    expect(() => assertFaultsFit('community', ['frontend-api-url-mismatch'])).toThrow(/--layout split/);
    expect(() => assertFaultsFit('community', ['cors-empty'])).not.toThrow();
  });
});
