import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import type { Deployment } from '../../../shared/schemas/deployment';
import { assertDokployAcknowledged } from './env-save';
import { createTextCache } from './text-cache';

const base: Deployment = { project: 'plane-x1', layout: 'dokploy', workingDir: '/etc/dokploy/compose/plane-x1/code', composeFiles: [], envFiles: [], dokployManaged: true, editElsewhere: 'Change the variables in Dokploy.', services: [] };

describe('save guards', () => {
  it('refuses to save Dokploy-managed files without the explicit acknowledgement, and says where to edit', () => {
    let error: unknown;
    try {
      assertDokployAcknowledged(base, undefined);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toContain('Change the variables in Dokploy.');
    expect((error as { details?: unknown }).details).toMatchObject({ reason: 'dokploy-managed' });
    expect(() => assertDokployAcknowledged(base, true)).not.toThrow();
    expect(() => assertDokployAcknowledged({ ...base, dokployManaged: false }, undefined)).not.toThrow();
  });

  it('keeps the texts a three-way view needs, dropping the least recently used first', () => {
    const cache = createTextCache(2);
    cache.remember('a', 'A');
    cache.remember('b', 'B');
    expect(cache.get('a')).toBe('A');
    cache.remember('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });
});
