import { describe, expect, it } from 'vitest';
import type { ContainerGroup, ContainerSummary } from '../../../shared/schemas/container';
import type { Deployment } from '../../../shared/schemas/deployment';
import { labServices } from '../../../shared/plane/topology/__fixtures__/layout-services';
import { deploymentStatus, renderDeployment } from './status';

const services = [...labServices.community];

const deployment: Deployment = {
  project: 'plane-app',
  layout: 'community',
  workingDir: '/opt/plane/plane-app',
  composeFiles: ['/opt/plane/plane-app/docker-compose.yaml'],
  envFiles: [],
  version: 'v1.3.1',
  versionSource: 'APP_RELEASE',
  dokployManaged: false,
  services: services.map((service) => ({ service, containers: [] })),
};

function container(service: string, state = 'running', status = 'Up 5 minutes'): ContainerSummary {
  return {
    id: service,
    name: `plane-app-${service}-1`,
    service,
    project: 'plane-app',
    image: `img/${service}`,
    state,
    status,
    health: 'none',
    createdAt: '2025-01-01T00:00:00.000Z',
    uptimeMs: 300_000,
    ports: [],
  };
}

const groups = (overrides: Record<string, ContainerSummary | null>): ContainerGroup[] => [
  {
    project: 'plane-app',
    containers: services.flatMap((s) => {
      const override = overrides[s];
      if (override === null) return [];
      return [override ?? (s === 'migrator' ? container(s, 'exited', 'Exited (0) 4 minutes ago') : container(s))];
    }),
  },
  { project: 'other', containers: [container('web')] },
];

describe('hangar status report', () => {
  it('is ok for a running deployment whose migrator completed, and lists no browser', () => {
    const report = deploymentStatus(deployment, groups({}));
    expect(report.ok).toBe(true);
    expect(report.nodes.map((n) => n.id)).not.toContain('browser');
    expect(report.nodes.find((n) => n.id === 'migrator')).toMatchObject({ status: 'ok', detail: 'completed' });
    const text = renderDeployment(report);
    expect(text).toContain('plane-app  community · v1.3.1 · /opt/plane/plane-app');
    expect(text).toMatch(/API\s+ok\s+running\s+api\s+plane-app-api-1\s+running\s+5m/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Every part is up.');
  });

  it('fails when a container crashed or a service has no container, and says which', () => {
    const report = deploymentStatus(
      deployment,
      groups({ worker: container('worker', 'exited', 'Exited (137) 3 seconds ago'), 'plane-mq': null }),
    );
    expect(report.ok).toBe(false);
    expect(report.nodes.find((n) => n.id === 'worker')).toMatchObject({ status: 'fail', detail: 'exited (137)', running: 0, total: 1 });
    expect(report.nodes.find((n) => n.id === 'mq')).toMatchObject({ status: 'missing', containers: [] });
    const text = renderDeployment(report);
    expect(text).toMatch(/Worker\s+FAIL\s+exited \(137\)\s+worker\s+plane-app-worker-1\s+exited/);
    expect(text).toMatch(/RabbitMQ\s+missing\s+no container\s+plane-mq/);
    expect(text).toContain('2 parts need attention: Worker (exited (137)), RabbitMQ (no container).');
  });

  it('counts only the deployment’s own containers', () => {
    const report = deploymentStatus(deployment, groups({}));
    expect(report.nodes.find((n) => n.id === 'web')?.containers.map((c) => c.name)).toEqual(['plane-app-web-1']);
  });
});
