import { describe, expect, it } from 'vitest';
import type { ContainerGroup, ContainerSummary } from '../../../../shared/schemas/container';
import { filterGroups, formatDuration, formatUptime, shortImage, shortStatus, sortGroups } from './format';

const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
  id: over.name ?? 'id',
  name: 'plane-app-api-1',
  image: 'makeplane/plane-backend:v1.3.1',
  state: 'running',
  status: 'Up 5 minutes',
  health: 'none',
  createdAt: '2025-01-01T00:00:00Z',
  ports: [],
  ...over,
});

describe('container formatting', () => {
  it('shows at most two units of uptime', () => {
    expect(formatDuration(40_000)).toBe('40s');
    expect(formatDuration(134 * 60_000)).toBe('2h 14m');
    expect(formatDuration((3 * 24 + 4) * 3_600_000 + 59_000)).toBe('3d 4h');
  });

  it('counts uptime from startedAt, and has none for a stopped container', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(formatUptime(container({ startedAt: '2025-01-01T11:30:00Z' }), now, null)).toBe('30m');
    expect(formatUptime(container({ state: 'exited', startedAt: '2025-01-01T11:30:00Z' }), now, null)).toBeUndefined();
    expect(formatUptime(container({ uptimeMs: 60_000, uptimeApproximate: true }), now, new Date(now - 60_000).toISOString())).toBe('~2m');
  });

  it('shortens Docker status text to fit the column', () => {
    expect(shortStatus('Exited (0) 3 hours ago')).toBe('Exited (0) 3h ago');
    expect(shortStatus('Exited (137) About a minute ago')).toBe('Exited (137) 1m ago');
  });

  it('drops the default registry and digests from image names', () => {
    expect(shortImage('docker.io/library/postgres:15.7-alpine')).toBe('postgres:15.7-alpine');
    expect(shortImage('makeplane/plane-backend:v1.3.1@sha256:' + 'a'.repeat(64))).toBe('makeplane/plane-backend:v1.3.1');
  });

  it('orders projects by name with loose containers last, so refreshes never reorder rows', () => {
    const groups: ContainerGroup[] = [
      { project: null, containers: [container({ name: 'portainer' })] },
      { project: 'plane-app', containers: [container({ name: 'b', service: 'worker' }), container({ name: 'a', service: 'api' })] },
      { project: 'minio', containers: [container({ name: 'm' })] },
    ];
    const sorted = sortGroups(groups);
    expect(sorted.map((g) => g.project)).toEqual(['minio', 'plane-app', null]);
    expect(sorted[1]?.containers.map((c) => c.service)).toEqual(['api', 'worker']);
  });

  it('filters by name, service, image or project and hides empty groups', () => {
    const groups: ContainerGroup[] = [
      {
        project: 'plane-app',
        containers: [
          container({ name: 'plane-app-api-1', service: 'api' }),
          container({ name: 'plane-app-db-1', service: 'db', image: 'postgres:15' }),
        ],
      },
      { project: null, containers: [container({ name: 'portainer', image: 'portainer/portainer-ce' })] },
    ];
    expect(filterGroups(groups, 'postgres').flatMap((g) => g.containers.map((c) => c.name))).toEqual(['plane-app-db-1']);
    expect(filterGroups(groups, 'PLANE-APP').map((g) => g.project)).toEqual(['plane-app']);
    expect(filterGroups(groups, '  ')).toBe(groups);
  });
});
