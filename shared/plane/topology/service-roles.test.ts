import { describe, expect, it } from 'vitest';
import { rolesOfService, servicesForRole } from './service-roles';

const community = ['web', 'space', 'admin', 'live', 'api', 'worker', 'beat-worker', 'migrator', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio', 'proxy'];
const dokploy = ['plane-web', 'plane-space', 'plane-admin', 'plane-live', 'plane-api', 'plane-worker', 'plane-beat-worker', 'plane-migrator', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio', 'proxy'];
const split = ['plane-frontend', 'plane-live', 'plane-api', 'plane-worker', 'plane-beat-worker', 'plane-migrator', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio'];

describe('service roles', () => {
  it('finds the same role under each layout’s name', () => {
    expect(servicesForRole('api', community)).toEqual(['api']);
    expect(servicesForRole('api', dokploy)).toEqual(['plane-api']);
    expect(servicesForRole('api', split)).toEqual(['plane-api']);
    expect(servicesForRole('db', community)).toEqual(['plane-db']);
    expect(servicesForRole('minio', dokploy)).toEqual(['plane-minio']);
  });

  it('sends web, space and admin to the split layout’s one frontend container', () => {
    expect(servicesForRole('space', split)).toEqual(['plane-frontend']);
    expect(servicesForRole('admin', split)).toEqual(['plane-frontend']);
    expect(rolesOfService('plane-frontend')).toEqual(['web', 'space', 'admin']);
  });

  it('prefers the exact name when a shared one is also present', () => {
    expect(servicesForRole('web', ['web', 'frontend'])).toEqual(['web']);
  });

  it('knows the build-from-source names and nothing else', () => {
    expect(rolesOfService('bgworker')).toEqual(['worker']);
    expect(rolesOfService('beatworker')).toEqual(['beat-worker']);
    expect(rolesOfService('grafana')).toEqual([]);
    expect(servicesForRole('proxy', split)).toEqual([]);
  });
});
