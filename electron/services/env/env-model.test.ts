import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../shared/schemas/deployment';
import { SECRET_MASK } from '../../../shared/schemas/env-edit';
import { envModel, redactSecrets } from './env-model';

const model = envModel({ layout: 'community', version: 'v1.3.1' } as Deployment);

describe('findings leaving the main process', () => {
  it('carry no secret value, even when a rule quotes one', () => {
    const files = [{ text: 'POSTGRES_PASSWORD=s3cr3t-pw\nDATABASE_URL=postgresql://plane:0ther-pw@plane-db/plane\nWEB_URL=http://plane.example.com\n' }];
    const [finding] = redactSecrets(
      [{ ruleId: 'db-url', severity: 'error', keys: ['DATABASE_URL'], message: 'DATABASE_URL=postgresql://plane:0ther-pw@plane-db/plane does not use POSTGRES_PASSWORD (s3cr3t-pw).', fix: 'Use s3cr3t-pw in DATABASE_URL; keep http://plane.example.com.' }],
      files,
      model,
    );
    expect(finding?.message).toBe(`DATABASE_URL=${SECRET_MASK} does not use POSTGRES_PASSWORD (${SECRET_MASK}).`);
    expect(finding?.fix).toBe(`Use ${SECRET_MASK} in DATABASE_URL; keep http://plane.example.com.`);
  });

  it('masks a short password where it stands as a value, without mangling host names that contain it', () => {
    const files = [{ text: 'POSTGRES_PASSWORD=plane\nDATABASE_URL=postgresql://plane:plane@plane-db/plane\n' }];
    const [finding] = redactSecrets(
      [{ ruleId: 'default-credentials', severity: 'warning', keys: ['POSTGRES_PASSWORD'], message: "POSTGRES_PASSWORD is still 'plane'.", fix: 'Set a new one in postgresql://plane:plane@db.example.com/plane and at https://plane.example.com.' }],
      files,
      model,
    );
    expect(finding?.message).toBe(`POSTGRES_PASSWORD is still '${SECRET_MASK}'.`);
    expect(finding?.fix).toBe(`Set a new one in postgresql://plane:${SECRET_MASK}@db.example.com/plane and at https://plane.example.com.`);
  });
});
