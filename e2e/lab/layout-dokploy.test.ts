import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplateEnv } from './layout-dokploy';
import { FIXTURES_DIR } from './plane-images';
import { parseEnvText } from './split-images';

describe('Dokploy template env rendering', () => {
  it('renders every env line of template.toml with the variables, as Dokploy writes .env', () => {
    const toml = readFileSync(join(FIXTURES_DIR, 'dokploy-plane', 'template.toml'), 'utf8');
    const env = parseEnvText(
      renderTemplateEnv(toml, { main_domain: 'plane.example.test', postgres_password: 'pw', app_release: 'v1.3.1' }),
    );
    expect(env.WEB_URL).toBe('https://plane.example.test');
    expect(env.CORS_ALLOWED_ORIGINS).toBe('https://plane.example.test');
    expect(env.DATABASE_URL).toBe('postgresql://plane:pw@plane-db:5432/plane');
    expect(env.API_BASE_URL).toBe('http://plane-api:8000');
    // Variables not given stay visible instead of silently becoming empty.
    expect(env.SECRET_KEY).toBe('${secret_key}');
  });

  it('refuses a template without an env list, naming where to get it', () => {
    expect(() => renderTemplateEnv('[variables]\n', {})).toThrow(/blueprints\/plane/);
  });
});
