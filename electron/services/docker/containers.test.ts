import { describe, expect, it } from 'vitest';
import { apiContainerSchema, groupByProject, parseHealth, parseUptime, summarise } from './containers';

const now = new Date('2025-05-01T12:00:00Z');
const row = (name: string, labels: Record<string, string>, state = 'running', status = 'Up 5 minutes') =>
  apiContainerSchema.parse({
    Id: `${name}-id`,
    Names: [`/${name}`],
    Image: `img/${name}`,
    State: state,
    Status: status,
    Created: 1746100000,
    Labels: labels,
    Ports: [{ PrivatePort: 80, PublicPort: 8080, IP: '0.0.0.0', Type: 'tcp' }],
  });
const compose = (project: string, service: string) => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  'com.docker.compose.project.working_dir': `/opt/${project}`,
  'com.docker.compose.project.config_files': `/opt/${project}/docker-compose.yaml,/opt/${project}/override.yaml`,
});

describe('container grouping', () => {
  it('groups by compose project with its directory and files, loose containers last', () => {
    const rows = [
      row('stray', {}),
      row('plane-web-1', compose('plane-app', 'web')),
      row('plane-api-1', compose('plane-app', 'api')),
      row('db', compose('analytics', 'db')),
    ];
    const groups = groupByProject(rows, (r) => summarise(r, now));
    expect(groups.map((g) => g.project)).toEqual(['analytics', 'plane-app', null]);
    expect(groups[1]).toMatchObject({
      workingDir: '/opt/plane-app',
      configFiles: ['/opt/plane-app/docker-compose.yaml', '/opt/plane-app/override.yaml'],
    });
    expect(groups[1]!.containers.map((c) => c.service)).toEqual(['api', 'web']);
    expect(groups[2]).toEqual({ project: null, containers: [expect.objectContaining({ name: 'stray' })] });
  });

  it('summarises state, health, image, ports and an approximate uptime from the status text', () => {
    const summary = summarise(row('api', compose('p', 'api'), 'running', 'Up 2 hours (healthy)'), now);
    expect(summary).toMatchObject({
      name: 'api',
      service: 'api',
      project: 'p',
      image: 'img/api',
      state: 'running',
      health: 'healthy',
      uptimeMs: 7_200_000,
      uptimeApproximate: true,
    });
    expect(summary.ports).toEqual([{ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp' }]);
    const exited = summarise(row('old', {}, 'exited', 'Exited (1) 3 hours ago'), now);
    expect(exited.uptimeMs).toBeUndefined();
    const exact = summarise(row('x', {}), now, '2025-05-01T11:59:00Z');
    expect(exact).toMatchObject({ startedAt: '2025-05-01T11:59:00Z', uptimeMs: 60_000 });
    expect(exact.uptimeApproximate).toBeUndefined();
  });

  it('reads Docker health and uptime wording', () => {
    expect(
      ['Up 1 second (health: starting)', 'Up 3 days (unhealthy)', 'Up 4 weeks', 'Restarting (1) 2 seconds ago'].map(parseHealth),
    ).toEqual(['starting', 'unhealthy', 'none', 'none']);
    expect(parseUptime('Up Less than a second')).toBe(0);
    expect(parseUptime('Up About an hour')).toBe(3_600_000);
    expect(parseUptime('Up About a minute (healthy)')).toBe(60_000);
    expect(parseUptime('Up 3 days')).toBe(3 * 86_400_000);
    expect(parseUptime('Exited (0) 1 hour ago')).toBeUndefined();
  });
});
