import { describe, expect, it } from 'vitest';
import { labServices } from './__fixtures__/layout-services';
import { buildTopology, type TopologyInput } from './build-topology';
import { diagramGeometry, type Box, type Point } from './diagram-geometry';
import { conflictCost, overlaps } from './lane-order';

const cases: Array<[string, TopologyInput]> = [
  ['community', { layout: 'community', services: [...labServices.community] }],
  ['split with its Traefik in the project', { layout: 'split', services: [...labServices.split, labServices.splitEdge] }],
  ['split with Traefik outside', { layout: 'split', services: [...labServices.split] }],
  ['dokploy', { layout: 'dokploy', services: [...labServices.dokploy, labServices.dokployEdge] }],
  [
    'community with one shared frontend',
    {
      layout: 'community',
      services: [
        'plane-frontend',
        'live',
        'api',
        'worker',
        'beat-worker',
        'migrator',
        'plane-db',
        'plane-redis',
        'plane-mq',
        'plane-minio',
        'proxy',
      ],
    },
  ],
];

const onBoundary = (p: Point, b: Box): boolean =>
  ((Math.abs(p.x - b.x) < 0.01 || Math.abs(p.x - (b.x + b.width)) < 0.01) && p.y >= b.y && p.y <= b.y + b.height) ||
  ((Math.abs(p.y - b.y) < 0.01 || Math.abs(p.y - (b.y + b.height)) < 0.01) && p.x >= b.x && p.x <= b.x + b.width);

/** Whether segment a–b enters the inside of box (its border excluded). */
function entersBox(a: Point, b: Point, box: Box): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x2 > box.x + 0.5 && x1 < box.x + box.width - 0.5 && y2 > box.y + 0.5 && y1 < box.y + box.height - 0.5;
}

describe.each(cases)('diagram geometry: %s', (_name, input) => {
  const topology = buildTopology(input);
  const geometry = diagramGeometry(topology);

  it('places every node in its own box, none overlapping', () => {
    const boxes = topology.nodes.map((n) => geometry.nodes[n.id]);
    expect(boxes.every((b) => b !== undefined)).toBe(true);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a && b) expect(entersBox({ x: a.x, y: a.y }, { x: a.x + a.width, y: a.y + a.height }, b)).toBe(false);
  });

  it('draws each edge from its source’s border to its target’s border, in straight horizontal and vertical runs', () => {
    for (const edge of topology.edges) {
      const points = geometry.edges[edge.id] ?? [];
      const source = geometry.nodes[edge.source];
      const target = geometry.nodes[edge.target];
      expect(points.length, edge.id).toBeGreaterThanOrEqual(2);
      if (!source || !target) throw new Error(`no box for ${edge.id}`);
      expect(onBoundary(points[0] ?? { x: -1, y: -1 }, source), `${edge.id} starts on its source`).toBe(true);
      expect(onBoundary(points.at(-1) ?? { x: -1, y: -1 }, target), `${edge.id} ends on its target`).toBe(true);
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        if (!a || !b) continue;
        expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01, `${edge.id} segment ${i} is orthogonal`).toBe(true);
      }
    }
  });

  it('never runs an edge through a node, its own included', () => {
    for (const edge of topology.edges) {
      const points = geometry.edges[edge.id] ?? [];
      for (let i = 1; i < points.length; i++) {
        for (const node of topology.nodes) {
          const box = geometry.nodes[node.id];
          const [a, b] = [points[i - 1], points[i]];
          if (box && a && b) expect(entersBox(a, b, box), `${edge.id} crosses ${node.id}`).toBe(false);
        }
      }
    }
  });

  it('never lays two edges to different targets on top of each other (a colour would hide another)', () => {
    const laneOf = (id: string) => {
      const e = topology.edges.find((x) => x.id === id);
      return e === undefined ? id : `${e.target}${e.probes.length > 0 ? ':probed' : ''}`;
    };
    const ids = Object.keys(geometry.edges);
    for (const [i, a] of ids.entries()) {
      for (const b of ids.slice(i + 1)) {
        if (laneOf(a) === laneOf(b)) continue;
        const pa = geometry.edges[a] ?? [];
        const pb = geometry.edges[b] ?? [];
        for (let s = 1; s < pa.length; s++)
          for (let t = 1; t < pb.length; t++) {
            const [a1, a2, b1, b2] = [pa[s - 1], pa[s], pb[t - 1], pb[t]];
            if (a1 && a2 && b1 && b2) expect(overlaps({ a: a1, b: a2 }, { a: b1, b: b2 }), `${a} overlaps ${b}`).toBe(false);
          }
      }
    }
  });

  it('is deterministic: the same deployment always gives the same picture', () => {
    expect(diagramGeometry(buildTopology(input))).toEqual(geometry);
  });
});

describe('diagram geometry', () => {
  it('reads left to right: Internet, proxy, services, workers, data stores', () => {
    const g = diagramGeometry(buildTopology({ layout: 'community', services: [...labServices.community] }));
    const x = (id: string) => g.nodes[id]?.x ?? Number.NaN;
    expect(x('browser')).toBeLessThan(x('proxy'));
    expect(x('proxy')).toBeLessThan(x('api'));
    expect(x('api')).toBeLessThan(x('worker'));
    expect(x('worker')).toBeLessThan(x('db'));
    expect(x('web')).toBe(x('api'));
  });

  it('fans the proxy’s routes out without crossing each other', () => {
    const topology = buildTopology({ layout: 'community', services: [...labServices.community] });
    const g = diagramGeometry(topology);
    const fan = topology.edges
      .filter((e) => e.source === 'proxy')
      .map((e) => {
        const p = g.edges[e.id] ?? [];
        return { owner: e.id, segments: p.slice(1).map((b, i) => ({ a: p[i] ?? b, b })) };
      });
    expect(fan).toHaveLength(6);
    expect(conflictCost(fan)).toBe(0);
  });
});
