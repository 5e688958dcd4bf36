import { describe, expect, it } from 'vitest';
import { envKeySpecSchema } from '../../schemas/env';
import { effectiveEntries } from '../env/env-document';
import { parseEnvFile } from '../env/parse-env-file';
import { planeFixtures } from '../fixtures';
import { getEnvSchema, keyGroupLabels } from './env-schema';
import { parsePlaneVersion } from './plane-version';

describe('getEnvSchema', () => {
  it('knows every key of the released env files of its layout and version', () => {
    for (const f of planeFixtures) {
      const schema = getEnvSchema(f.layout, parsePlaneVersion(f.version));
      const unknown = [...effectiveEntries(parseEnvFile(f.envText)).keys()].filter((k) => schema.spec(k) === undefined);
      expect(unknown, f.name).toEqual([]);
    }
  });

  it('is valid data: every spec parses, every secret has a generator and a group label', () => {
    for (const layout of ['community', 'dokploy', 'split'] as const) {
      for (const spec of getEnvSchema(layout).keys) {
        expect(envKeySpecSchema.safeParse(spec).success, spec.key).toBe(true);
        if (spec.type === 'secret') expect(spec.generator, spec.key).toBeDefined();
        expect(keyGroupLabels[spec.group]).toBeTruthy();
      }
    }
  });

  it('follows the version: NGINX_PORT before v0.28, Caddy keys from v0.28, the live secret from v1.1', () => {
    const old = getEnvSchema('community', parsePlaneVersion('v0.27.1'));
    expect(old.spec('NGINX_PORT')).toBeDefined();
    expect(old.spec('SITE_ADDRESS')).toBeUndefined();
    const v100 = getEnvSchema('community', parsePlaneVersion('v1.0.0'));
    expect(v100.spec('LISTEN_HTTP_PORT')).toBeDefined();
    expect(v100.spec('LIVE_SERVER_SECRET_KEY')).toBeUndefined();
    expect(getEnvSchema('community').spec('LIVE_SERVER_SECRET_KEY')?.default).toBe('2FiJk1U2aiVPEQtzLehYGlTSnTnrs7LW');
  });

  it('uses Dokploy service names and wiring', () => {
    const dokploy = getEnvSchema('dokploy');
    expect(dokploy.spec('SECRET_KEY')?.consumers).toEqual(['plane-api', 'plane-worker', 'plane-beat-worker', 'plane-migrator']);
    expect(dokploy.spec('TRUSTED_PROXIES')?.consumers).toContain('proxy');
    expect(dokploy.spec('LISTEN_HTTP_PORT')).toBeUndefined();
    expect(dokploy.spec('API_BASE_URL')?.default).toBe('http://plane-api:8000');
  });

  it('keeps the split files apart: API_BASE_URL is public in .env.api, internal in .env.live', () => {
    const split = getEnvSchema('split');
    expect(split.spec('API_BASE_URL', 'api')?.notes).toContain('public');
    expect(split.spec('API_BASE_URL', 'live')?.notes).toContain('Internal');
    expect(split.spec('VITE_API_BASE_URL')?.file).toBe('frontend');
  });

  it('marks first-initialisation values and groups new keys', () => {
    const schema = getEnvSchema('community');
    expect(schema.keys.filter((k) => k.initOnly === true).map((k) => k.key)).toEqual(
      expect.arrayContaining(['POSTGRES_PASSWORD', 'RABBITMQ_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY']),
    );
    expect(schema.groupOf('PGHOST')).toBe('database');
    expect(schema.groupOf('NOT_A_PLANE_KEY')).toBeUndefined();
  });
});
