import { chooseLaneOrder, type Segment } from './lane-order';
import type { Topology, TopologyEdge, TopologyNode } from './topology-types';

/** A point of the diagram, in the diagram's own units (pixels at zoom 1). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box: top-left corner and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where everything goes: node boxes and each edge as an orthogonal polyline from source to target. */
export interface DiagramGeometry {
  readonly width: number;
  readonly height: number;
  readonly nodes: Readonly<Record<string, Box>>;
  readonly edges: Readonly<Record<string, readonly Point[]>>;
}

/** Sizes of the layout; the renderer's node CSS must use the same node sizes. */
export interface GeometryOptions {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
  readonly rowGap: number;
  readonly laneSpacing: number;
  readonly gapMargin: number;
  readonly minGap: number;
}

/** The sizes the Overview draws with. */
export const defaultGeometryOptions: GeometryOptions = {
  nodeWidth: 176,
  nodeHeight: 78,
  clientWidth: 112,
  clientHeight: 56,
  rowGap: 22,
  laneSpacing: 12,
  gapMargin: 20,
  minGap: 56,
};

interface Route {
  edge: TopologyEdge;
  source: Box;
  target: Box;
  kind: 'vertical' | 'straight' | 'detour-below' | 'detour-above';
  laneKey: string;
  gap: number;
  exitY: number;
  entryY: number;
  corridorY: number;
}

/**
 * A deterministic layered layout: nodes on their grid cells, edges as orthogonal polylines whose
 * vertical parts run in "lanes" in the gap before the target's column (one lane per target, and
 * one more for a probed edge so its colour never overlaps an unprobed one). An edge whose row
 * would cross a node on its way is routed around the nodes (below or above, whichever is
 * shorter). Lanes in a gap are ordered to make the fewest crossings. Edges either go rightwards
 * or stay in their column (then straight down or up between neighbours).
 */
export function diagramGeometry(topology: Topology, options: GeometryOptions = defaultGeometryOptions): DiagramGeometry {
  const o = options;
  const columns = Math.max(...topology.nodes.map((n) => n.column)) + 1;
  const colWidth = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...topology.nodes.filter((n) => n.column === c).map((n) => sizeOf(n, o).width)),
  );
  const pitch = o.nodeHeight + o.rowGap;
  const minRow = Math.min(...topology.nodes.map((n) => n.row));
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));

  const laneKeys: string[][] = Array.from({ length: columns }, () => []);
  for (const edge of topology.edges) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    if (s === undefined || t === undefined || t.column <= s.column) continue;
    const key = laneKeyOf(edge);
    const gapLanes = laneKeys[t.column - 1];
    if (gapLanes !== undefined && !gapLanes.includes(key)) gapLanes.push(key);
  }
  const gapWidth = laneKeys.map((keys) => Math.max(o.minGap, 2 * o.gapMargin + Math.max(0, keys.length - 1) * o.laneSpacing));
  const colX: number[] = [];
  let x = 0;
  for (let c = 0; c < columns; c++) {
    colX.push(x);
    x += (colWidth[c] ?? 0) + (c < columns - 1 ? (gapWidth[c] ?? 0) : 0);
  }

  const boxes: Record<string, Box> = {};
  for (const n of topology.nodes) {
    const size = sizeOf(n, o);
    const centreY = (n.row - minRow) * pitch + o.nodeHeight / 2;
    boxes[n.id] = { x: (colX[n.column] ?? 0) + ((colWidth[n.column] ?? 0) - size.width) / 2, y: centreY - size.height / 2, ...size };
  }
  const routes = planRoutes(topology, byId, boxes, o);

  const gapStart = (g: number): number => (colX[g] ?? 0) + (colWidth[g] ?? 0);
  const laneX = new Map<string, number>();
  for (let g = 0; g < columns - 1; g++) {
    const keys = laneKeys[g] ?? [];
    const xs = keys.map((_, i) => gapStart(g) + ((gapWidth[g] ?? 0) - (keys.length - 1) * o.laneSpacing) / 2 + i * o.laneSpacing);
    const inGap = routes.filter((r) => r.gap === g);
    const order = chooseLaneOrder(keys, xs, (xOf) =>
      inGap.map((r) => ({ owner: r.laneKey, segments: segmentsOf(pathOf(r, xOf(r.laneKey))) })),
    );
    order.forEach((key, i) => laneX.set(`${g}|${key}`, xs[i] ?? 0));
  }

  const edges: Record<string, Point[]> = {};
  for (const r of routes) edges[r.edge.id] = pathOf(r, laneX.get(`${r.gap}|${r.laneKey}`) ?? 0);
  // A detour may run above the first row or below the last: the diagram's box includes it.
  const ys = [...Object.values(boxes).flatMap((b) => [b.y, b.y + b.height]), ...Object.values(edges).flatMap((p) => p.map((q) => q.y))];
  return { width: x, height: Math.max(...ys) - Math.min(0, ...ys), nodes: boxes, edges };
}

/** Decides each edge's kind, exit and entry heights (independent of lane positions). */
function planRoutes(topology: Topology, byId: Map<string, TopologyNode>, boxes: Record<string, Box>, o: GeometryOptions): Route[] {
  const routes: Route[] = [];
  for (const edge of topology.edges) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    const source = boxes[edge.source];
    const target = boxes[edge.target];
    if (s === undefined || t === undefined || source === undefined || target === undefined) continue;
    const base = { edge, source, target, laneKey: laneKeyOf(edge), gap: t.column - 1, exitY: 0, entryY: 0, corridorY: 0 };
    if (t.column === s.column) {
      routes.push({ ...base, kind: 'vertical', gap: -1 });
      continue;
    }
    const between = topology.nodes
      .filter((n) => n.column > s.column && n.column < t.column)
      .map((n) => boxes[n.id])
      .filter((b): b is Box => b !== undefined);
    const blocked = between.some((b) => b.y < source.y + source.height && b.y + b.height > source.y);
    if (!blocked) {
      routes.push({ ...base, kind: 'straight' });
      continue;
    }
    const sameColumn = topology.nodes
      .filter((n) => n.column === s.column && n.id !== s.id)
      .map((n) => boxes[n.id])
      .filter((b): b is Box => b !== undefined);
    const below = Math.max(...between.map((b) => b.y + b.height), source.y + source.height) + o.rowGap / 2;
    const above = Math.min(...between.map((b) => b.y), source.y) - o.rowGap / 2;
    const belowFree = !sameColumn.some((b) => b.y > source.y);
    const aboveFree = !sameColumn.some((b) => b.y < source.y);
    const cost = (y: number): number => Math.abs(y - (source.y + source.height / 2)) + Math.abs(y - (target.y + target.height / 2));
    const useBelow = belowFree && (!aboveFree || cost(below) <= cost(above));
    routes.push({
      ...base,
      kind: useBelow || !aboveFree ? 'detour-below' : 'detour-above',
      corridorY: useBelow || !aboveFree ? below : above,
    });
  }
  // Exits: a source's straight edges leave its right side spread out, ordered by where they go.
  const entryAnchor = (r: Route): number => r.target.y + r.target.height / 2;
  for (const id of new Set(routes.map((r) => r.edge.source))) {
    const out = routes
      .filter((r) => r.edge.source === id && r.kind === 'straight')
      .sort((a, b) => entryAnchor(a) - entryAnchor(b) || a.edge.target.localeCompare(b.edge.target));
    out.forEach((r, i) => (r.exitY = r.source.y + (r.source.height * (i + 1)) / (out.length + 1)));
  }
  // Entries: one point per lane on the target's left side, ordered by the height they arrive from.
  const arrival = (r: Route): number => (r.kind === 'straight' ? r.exitY : r.corridorY);
  for (const id of new Set(routes.map((r) => r.edge.target))) {
    const incoming = routes.filter((r) => r.edge.target === id && r.kind !== 'vertical');
    const keys = [...new Set(incoming.map((r) => r.laneKey))];
    const mean = (key: string): number => avg(incoming.filter((r) => r.laneKey === key).map(arrival));
    keys.sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
    for (const r of incoming) r.entryY = r.target.y + (r.target.height * (keys.indexOf(r.laneKey) + 1)) / (keys.length + 1);
  }
  return routes;
}

/** The polyline of one route with its lane at `lane`. */
function pathOf(r: Route, lane: number): Point[] {
  const { source: s, target: t } = r;
  if (r.kind === 'vertical') {
    const x = s.x + s.width / 2;
    return t.y > s.y
      ? [
          { x, y: s.y + s.height },
          { x, y: t.y },
        ]
      : [
          { x, y: s.y },
          { x, y: t.y + t.height },
        ];
  }
  const end = { x: t.x, y: r.entryY };
  if (r.kind === 'straight') {
    const start = { x: s.x + s.width, y: r.exitY };
    return Math.abs(start.y - end.y) < 0.5
      ? [start, { x: end.x, y: start.y }]
      : [start, { x: lane, y: start.y }, { x: lane, y: end.y }, end];
  }
  const x = s.x + (s.width * 3) / 4;
  const start = { x, y: r.kind === 'detour-below' ? s.y + s.height : s.y };
  return [start, { x, y: r.corridorY }, { x: lane, y: r.corridorY }, { x: lane, y: end.y }, end];
}

function segmentsOf(points: readonly Point[]): Segment[] {
  return points.slice(1).map((p, i) => ({ a: points[i] ?? p, b: p }));
}

function laneKeyOf(edge: TopologyEdge): string {
  return `${edge.target}${edge.probes.length > 0 ? ':probed' : ''}`;
}

function sizeOf(n: TopologyNode, o: GeometryOptions): { width: number; height: number } {
  return n.kind === 'client' ? { width: o.clientWidth, height: o.clientHeight } : { width: o.nodeWidth, height: o.nodeHeight };
}

function avg(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
