import { describe, expect, it } from 'vitest';
import { labServices } from '../../../../shared/plane/topology/__fixtures__/layout-services';
import { buildTopology } from '../../../../shared/plane/topology/build-topology';
import { diagramGeometry } from '../../../../shared/plane/topology/diagram-geometry';
import { evaluateTopology } from '../../../../shared/plane/topology/node-status';
import type { ContainerSummary } from '../../../../shared/schemas/container';
import type { Deployment } from '../../../../shared/schemas/deployment';
import { deploymentServices, flowEdges, flowNodes, summarise } from './diagram-model';
import { arrowHead, roundedPath } from './edge-path';

const topology = buildTopology({ layout: 'community', services: [...labServices.community] });
const geometry = diagramGeometry(topology);
const container = (service: string, state = 'running', status = 'Up 1 minute'): ContainerSummary => ({
  id: service,
  name: `plane-app-${service}-1`,
  service,
  image: 'img',
  state,
  status,
  health: 'none',
  createdAt: '2025-01-01T00:00:00.000Z',
  ports: [],
});
const healthy = labServices.community.map((s) => (s === 'migrator' ? container(s, 'exited', 'Exited (0) 1 minute ago') : container(s)));
const statesOf = (containers: ContainerSummary[]) => new Map(evaluateTopology(topology, containers).map((s) => [s.id, s]));

describe('diagram model', () => {
  it('draws a deployment from its discovered services plus any the live snapshot adds', () => {
    const deployment = {
      project: 'p',
      services: [
        { service: 'api', containers: [] },
        { service: 'web', containers: [] },
      ],
    } as unknown as Deployment;
    expect(deploymentServices(deployment, { project: 'p', containers: [container('worker'), container('api')] })).toEqual([
      'api',
      'web',
      'worker',
    ]);
  });

  it('keeps every box where it was when a container stops: only its data changes', () => {
    const before = flowNodes(topology, geometry, statesOf(healthy), null);
    const after = flowNodes(
      topology,
      geometry,
      statesOf(healthy.map((c) => (c.service === 'worker' ? container('worker', 'exited', 'Exited (137) now') : c))),
      null,
    );
    expect(after.map((n) => [n.id, n.position, n.width, n.height])).toEqual(before.map((n) => [n.id, n.position, n.width, n.height]));
    expect(after.find((n) => n.id === 'worker')?.data.state.status).toBe('fail');
    expect(before.find((n) => n.id === 'worker')?.data.state.status).toBe('ok');
  });

  it('draws coloured edges last, so a verdict is never hidden under a grey line', () => {
    const edges = flowEdges(topology, geometry, { 'proxy->api': 'fail', 'proxy->web': 'pass' });
    expect(edges.slice(-2).map((e) => e.id)).toEqual(['proxy->web', 'proxy->api']);
    expect(edges.find((e) => e.id === 'proxy->api')?.className).toBe('arch-edge arch-edge-fail');
    expect(edges.find((e) => e.id === 'api->db')?.className).toBe('arch-edge arch-edge-neutral');
    expect(edges.find((e) => e.id === 'api->db')?.data?.points).toEqual(geometry.edges['api->db']);
  });

  it('counts the parts (not the browser) for the toolbar', () => {
    const states = evaluateTopology(
      topology,
      healthy
        .filter((c) => c.service !== 'plane-mq')
        .map((c) => (c.service === 'api' ? container('api', 'restarting', 'Restarting (1) now') : c)),
    );
    expect(summarise(states)).toEqual({ parts: 13, up: 11, warn: 1, failing: 1 });
  });
});

describe('edge paths', () => {
  it('rounds corners without overshooting short jogs', () => {
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M 0 0 L 10 0');
    expect(
      roundedPath([
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 4 },
        { x: 40, y: 4 },
      ]),
    ).toBe('M 0 0 L 18 0 Q 20 0 20 2 L 20 2 Q 20 4 22 4 L 40 4');
  });

  it('points the arrowhead along the last segment, tip on the target', () => {
    expect(
      arrowHead(
        [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
        ],
        6,
      ),
    ).toBe('M 50 0 L 44 3.3 L 44 -3.3 Z');
    expect(
      arrowHead(
        [
          { x: 5, y: 0 },
          { x: 5, y: 30 },
        ],
        6,
      ),
    ).toBe('M 5 30 L 1.7 24 L 8.3 24 Z');
  });
});
