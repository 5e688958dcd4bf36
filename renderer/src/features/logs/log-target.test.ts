import { describe, expect, it } from 'vitest';
import type { ContainerGroup, ContainerSummary } from '../../../../shared/schemas/container';
import { containersForTarget, shortContainerName } from './log-target';

const c = (project: string, service: string, n = 1): ContainerSummary => ({
  id: `${project}-${service}-${n}-id`,
  name: `${project}-${service}-${n}`,
  service,
  project,
  image: 'x',
  state: 'running',
  status: 'Up',
  health: 'none',
  createdAt: '2025-01-01T00:00:00Z',
  ports: [],
});
const group = (project: string, services: string[]): ContainerGroup => ({ project, containers: services.map((s) => c(project, s)) });
const names = (list: ContainerSummary[]) => list.map((x) => x.name);

describe('containersForTarget', () => {
  it('maps a Plane role to the layout’s service names', () => {
    const dokploy = group('plane-dokploy', ['plane-web', 'plane-api', 'plane-proxy']);
    expect(names(containersForTarget([dokploy], 'api'))).toEqual(['plane-dokploy-plane-api-1']);
    const split = group('split', ['frontend', 'api', 'proxy']);
    expect(names(containersForTarget([split], 'web'))).toEqual(['split-frontend-1']);
  });

  it('takes a compose service name as is when it is not a role', () => {
    expect(names(containersForTarget([group('p', ['plane-db', 'worker'])], 'plane-db'))).toEqual(['p-plane-db-1']);
  });

  it('looks in the named project first, and everywhere when it has no match', () => {
    const groups = [group('staging', ['proxy', 'api']), group('plane-app', ['proxy', 'api'])];
    expect(names(containersForTarget(groups, 'proxy', 'plane-app'))).toEqual(['plane-app-proxy-1']);
    expect(names(containersForTarget(groups, 'proxy'))).toEqual(['staging-proxy-1', 'plane-app-proxy-1']);
    expect(names(containersForTarget(groups, 'proxy', 'gone'))).toEqual(['staging-proxy-1', 'plane-app-proxy-1']);
  });

  it('finds nothing for a role the host does not run', () => {
    expect(containersForTarget([group('p', ['web'])], 'minio')).toEqual([]);
  });
});

describe('shortContainerName', () => {
  it('drops the compose project prefix (v2 dashes and v1 underscores)', () => {
    expect(shortContainerName({ name: 'plane-app-api-1', project: 'plane-app' })).toBe('api-1');
    expect(shortContainerName({ name: 'planeapp_api_1', project: 'planeapp' })).toBe('api_1');
    expect(shortContainerName({ name: 'portainer', project: undefined })).toBe('portainer');
  });
});
