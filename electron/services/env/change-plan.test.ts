import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { fixture } from '../../../shared/plane/fixtures';
import type { Deployment } from '../../../shared/schemas/deployment';
import { SECRET_MASK, type EnvChange } from '../../../shared/schemas/env-edit';
import { planChanges } from './change-plan';
import { envModel, type LoadedEnvFile } from './env-model';

const plane = fixture('plane v1.3.1');
const running = (service: string) => ({ service, containers: [{ id: service, name: `plane-app-${service}-1`, state: 'running', status: 'Up 1 hour', health: 'none' as const, image: 'x' }] });
const deployment: Deployment = {
  project: 'plane-app',
  layout: 'community',
  workingDir: '/root/plane-app',
  composeFiles: ['/root/plane-app/docker-compose.yaml'],
  envFiles: [{ name: 'plane.env', path: '/root/plane-app/plane.env', role: 'env', interpolation: true, usedBy: [] }],
  version: 'v1.3.1',
  dokployManaged: false,
  services: ['api', 'worker', 'beat-worker', 'migrator', 'web', 'live', 'plane-db', 'plane-mq', 'plane-minio', 'proxy'].map(running),
};
const withSlash = plane.envText.replace('CORS_ALLOWED_ORIGINS=http://${APP_DOMAIN}', 'CORS_ALLOWED_ORIGINS=https://plane.example.com/');
const file = (text: string): LoadedEnvFile => ({ ref: deployment.envFiles[0]!, text, etag: 'e'.repeat(64), mode: 0o600, mtime: '2026-01-01T00:00:00.000Z' });
const plan = (changes: EnvChange[], text = withSlash, d: Deployment = deployment) =>
  planChanges({ deployment: d, model: envModel(d), files: [file(text)], composeTexts: [plane.composeText], changes });

describe('planning an env change', () => {
  it('fixing the CORS trailing slash: one line changes, the finding goes away, the Django services are recreated', () => {
    const result = plan([{ kind: 'set', file: 'plane.env', key: 'CORS_ALLOWED_ORIGINS', value: 'https://plane.example.com' }]);
    const changed = result.files[0]!.hunks.flatMap((h) => h.lines).filter((l) => l.op !== 'same');
    expect(changed).toEqual([
      { op: 'remove', oldLine: 17, text: 'CORS_ALLOWED_ORIGINS=https://plane.example.com/' },
      { op: 'add', newLine: 17, text: 'CORS_ALLOWED_ORIGINS=https://plane.example.com' },
    ]);
    expect(result.newTexts.get('plane.env')).toBe(withSlash.replace('https://plane.example.com/', 'https://plane.example.com'));
    expect(result.fixed.some((f) => f.keys.includes('CORS_ALLOWED_ORIGINS') && f.severity === 'error')).toBe(true);
    expect(result.findings.some((f) => f.keys.includes('CORS_ALLOWED_ORIGINS') && /slash/i.test(f.message))).toBe(false);
    expect(result.recreate.services).toEqual(['api', 'worker', 'beat-worker', 'migrator']);
    expect(result.recreate.reasons[0]).toEqual({ service: 'api', keys: ['CORS_ALLOWED_ORIGINS'] });
    expect(result.warnings).toEqual([]);
  });

  it('follows ${…} references: APP_DOMAIN changes WEB_URL too, and the proxy that reads it', () => {
    const result = plan([{ kind: 'set', file: 'plane.env', key: 'APP_DOMAIN', value: 'plane.example.com' }], plane.envText);
    expect(result.changedKeys.map((k) => k.key).sort()).toEqual(['APP_DOMAIN', 'CORS_ALLOWED_ORIGINS', 'WEB_URL']);
    expect(result.changedKeys.find((k) => k.key === 'WEB_URL')).toMatchObject({ before: 'http://localhost', after: 'http://plane.example.com' });
    expect(result.recreate.services).toEqual(['proxy', 'api', 'worker', 'beat-worker', 'migrator'].sort((a, b) => order(a) - order(b)));
    expect(result.recreate.services).toContain('proxy');
  });

  it('never shows a secret: diff lines and key changes are masked, and an untouched masked field changes nothing', () => {
    const result = plan([{ kind: 'set', file: 'plane.env', key: 'SECRET_KEY', value: 'n3w-s3cret-value-that-is-long-enough-for-django-000000000' }], plane.envText);
    const text = JSON.stringify({ hunks: result.files[0]!.hunks, keys: result.changedKeys });
    expect(text).not.toContain('n3w-s3cret');
    expect(text).not.toContain('60gp0byf');
    expect(result.changedKeys).toEqual([{ key: 'SECRET_KEY', file: 'plane.env', secret: true, before: SECRET_MASK, after: SECRET_MASK }]);
    expect(result.warnings.map((w) => w.id)).toEqual(['secret-key-changed']);
    expect(plan([{ kind: 'set', file: 'plane.env', key: 'SECRET_KEY', value: SECRET_MASK }], plane.envText).newTexts.size).toBe(0);
  });

  it('warns that Postgres keeps its password on an existing volume, with the steps and no secret in them', () => {
    const result = plan([{ kind: 'set', file: 'plane.env', key: 'POSTGRES_PASSWORD', value: 'hunter2-but-longer' }], plane.envText);
    const warning = result.warnings.find((w) => w.id === 'init-only-postgres');
    expect(warning?.steps.join(' ')).toMatch(/ALTER USER plane WITH PASSWORD '<new password>'/);
    expect(JSON.stringify(result.warnings)).not.toContain('hunter2');
    expect(result.recreate.services).toContain('plane-db');
    const fresh = { ...deployment, services: deployment.services.filter((s) => s.service !== 'plane-db') };
    expect(plan([{ kind: 'set', file: 'plane.env', key: 'POSTGRES_PASSWORD', value: 'x-long-password' }], plane.envText, fresh).warnings.map((w) => w.id)).not.toContain('init-only-postgres');
  });

  it('raw-view edits keep masked secrets and refuse a placeholder with nothing behind it', () => {
    const masked = plane.envText.replace(/^SECRET_KEY=.*$/m, `SECRET_KEY=${SECRET_MASK}`).replace('DEBUG=0', 'DEBUG=1');
    const result = plan([{ kind: 'text', file: 'plane.env', text: masked }], plane.envText);
    expect(result.newTexts.get('plane.env')).toBe(plane.envText.replace('DEBUG=0', 'DEBUG=1'));
    const bogus = `${plane.envText}MY_TOKEN=${SECRET_MASK}\n`;
    expect(() => plan([{ kind: 'text', file: 'plane.env', text: bogus }], plane.envText)).toThrow(/placeholder/);
  });

  it('refuses a file name the deployment does not have, and flags lines compose cannot read', () => {
    try {
      plan([{ kind: 'set', file: '../../etc/passwd', key: 'A', value: '1' }]);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'INVALID_INPUT')).toBe(true);
    }
    const broken = plan([{ kind: 'text', file: 'plane.env', text: `${plane.envText}BROKEN="unterminated\n` }], plane.envText);
    expect(broken.warnings.some((w) => w.id === 'parse-error' && w.severity === 'error')).toBe(true);
  });

  it('Dokploy-managed deployments always carry the regenerate warning', () => {
    const dokploy = { ...deployment, dokployManaged: true, editElsewhere: 'Edit it in Dokploy.' };
    expect(plan([{ kind: 'set', file: 'plane.env', key: 'DEBUG', value: '0' }], plane.envText.replace('DEBUG=0', 'DEBUG=1'), dokploy).warnings).toEqual([
      expect.objectContaining({ id: 'dokploy-managed', message: 'Edit it in Dokploy.' }),
    ]);
  });
});

const composeOrder = ['web', 'space', 'admin', 'live', 'api', 'worker', 'beat-worker', 'migrator', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio', 'proxy'];
function order(s: string): number {
  return composeOrder.indexOf(s);
}
