import { describe, expect, it } from 'vitest';
import { labServices } from './__fixtures__/layout-services';
import type { ContainerSummary } from '../../schemas/container';
import { buildTopology } from './build-topology';
import { containerStatus, evaluateTopology, exitCodeOf, isFailing, nodeState } from './node-status';
import type { TopologyNode } from './topology-types';

let seq = 0;
/** A container as `listContainerGroups` reports it. */
function container(service: string, state: string, status: string, health: ContainerSummary['health'] = 'none'): ContainerSummary {
  seq += 1;
  return {
    id: `id${seq}`,
    name: `plane-app-${service}-${seq}`,
    service,
    project: 'plane-app',
    image: 'img',
    state,
    status,
    health,
    createdAt: '2025-01-01T00:00:00.000Z',
    ports: [],
  };
}
const up = (service: string, health: ContainerSummary['health'] = 'none') =>
  container(service, 'running', health === 'healthy' ? 'Up 2 minutes (healthy)' : 'Up 2 minutes', health);

const community = buildTopology({ layout: 'community', services: [...labServices.community] });
const byId = (id: string): TopologyNode => {
  const n = community.nodes.find((x) => x.id === id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
};

describe('node status from containers', () => {
  it('reads the exit code from Docker’s status text', () => {
    expect(exitCodeOf('Exited (137) 5 seconds ago')).toBe(137);
    expect(exitCodeOf('Exited (0) About a minute ago')).toBe(0);
    expect(exitCodeOf('Restarting (1) 2 seconds ago')).toBe(1);
    expect(exitCodeOf('Up 3 hours')).toBeUndefined();
  });

  it('a healthy lab is green everywhere, the migrator "completed"', () => {
    const containers = labServices.community.map((s) =>
      s === 'migrator' ? container(s, 'exited', 'Exited (0) 3 minutes ago') : up(s, s === 'plane-db' ? 'healthy' : 'none'),
    );
    const states = evaluateTopology(community, containers);
    expect(states.map((s) => [s.id, s.status])).toEqual(community.nodes.map((n) => [n.id, n.id === 'browser' ? 'external' : 'ok']));
    expect(states.find((s) => s.id === 'migrator')?.detail).toBe('completed');
    expect(states.find((s) => s.id === 'db')?.detail).toBe('running · healthy');
    expect(states.find((s) => s.id === 'api')).toMatchObject({ running: 1, total: 1 });
  });

  it('fails a node whose container exited non-zero, was killed, is dead or unhealthy', () => {
    expect(nodeState(byId('worker'), [container('worker', 'exited', 'Exited (137) 4 seconds ago')])).toMatchObject({
      status: 'fail',
      detail: 'exited (137)',
      running: 0,
      total: 1,
    });
    expect(nodeState(byId('api'), [container('api', 'running', 'Up 1 minute (unhealthy)', 'unhealthy')])).toMatchObject({
      status: 'fail',
      detail: 'running · unhealthy',
    });
    expect(nodeState(byId('live'), [container('live', 'dead', 'Dead')]).status).toBe('fail');
    expect(nodeState(byId('migrator'), [container('migrator', 'exited', 'Exited (1) 1 minute ago')])).toMatchObject({
      status: 'fail',
      detail: 'exited (1)',
    });
  });

  it('warns while a container starts or restarts', () => {
    expect(nodeState(byId('api'), [container('api', 'running', 'Up 3 seconds (health: starting)', 'starting')])).toMatchObject({
      status: 'warn',
      detail: 'running · health starting',
    });
    expect(nodeState(byId('proxy'), [container('proxy', 'restarting', 'Restarting (1) 2 seconds ago')])).toMatchObject({
      status: 'warn',
      detail: 'restarting',
    });
    expect(nodeState(byId('migrator'), [up('migrator')])).toMatchObject({ status: 'warn', detail: 'running (migrating)' });
    expect(containerStatus(container('web', 'created', 'Created'), false).status).toBe('warn');
  });

  it('tells a clean stop from a crash, and a half-stopped service from a stopped one', () => {
    expect(nodeState(byId('web'), [container('web', 'exited', 'Exited (0) 1 minute ago')])).toMatchObject({
      status: 'stopped',
      detail: 'exited (0)',
    });
    expect(nodeState(byId('web'), [up('web'), container('web', 'exited', 'Exited (0) 1 minute ago')])).toMatchObject({
      status: 'warn',
      detail: '1 of 2 stopped',
      running: 1,
      total: 2,
    });
    expect(nodeState(byId('web'), [up('web'), container('web', 'exited', 'Exited (2) 1 minute ago')]).status).toBe('fail');
  });

  it('shows a role without a container as missing, and external nodes as external', () => {
    expect(nodeState(byId('mq'), [up('api')])).toMatchObject({ status: 'missing', detail: 'no container', total: 0 });
    const partial = buildTopology({ layout: 'community', services: ['web', 'api', 'proxy'] });
    const worker = partial.nodes.find((n) => n.id === 'worker');
    expect(worker && nodeState(worker, [])).toMatchObject({ status: 'missing', detail: 'no service plays this role' });
    expect(nodeState(byId('browser'), [])).toMatchObject({ status: 'external', detail: 'the Internet' });
    const split = buildTopology({ layout: 'split', services: [...labServices.split] });
    const edge = split.nodes.find((n) => n.id === 'edge');
    expect(edge && nodeState(edge, [])).toMatchObject({ status: 'external', detail: 'outside this project' });
  });

  it('gives a shared frontend the containers of its one service', () => {
    const split = buildTopology({ layout: 'split', services: [...labServices.split] });
    const frontend = split.nodes.find((n) => n.id === 'frontend');
    const states = frontend && nodeState(frontend, [up('plane-frontend'), up('plane-api')]);
    expect(states).toMatchObject({ status: 'ok', total: 1 });
    expect(states?.containers.map((c) => c.service)).toEqual(['plane-frontend']);
  });

  it('counts fail, missing and stopped as failing the deployment, not warn', () => {
    expect(['ok', 'warn', 'fail', 'stopped', 'missing', 'external'].filter((s) => isFailing(s as never))).toEqual([
      'fail',
      'stopped',
      'missing',
    ]);
  });
});
