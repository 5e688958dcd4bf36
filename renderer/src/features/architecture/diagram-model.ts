import type { Edge, Node } from '@xyflow/react';
import type { DiagramGeometry, Point } from '../../../../shared/plane/topology/diagram-geometry';
import type { EdgeTone } from '../../../../shared/plane/topology/edge-status';
import type { NodeState, NodeStatus } from '../../../../shared/plane/topology/node-status';
import type { Topology, TopologyNode } from '../../../../shared/plane/topology/topology-types';
import type { ContainerGroup } from '../../../../shared/schemas/container';
import type { Deployment } from '../../../../shared/schemas/deployment';

/** What a diagram box carries: the node, its live state, and whether the panel shows it. */
export type RoleNodeData = { node: TopologyNode; state: NodeState; selected: boolean };
export type RoleFlowNode = Node<RoleNodeData, 'role'>;

/** What an edge carries: its route from the geometry and the colour from the checks. */
export type RouteEdgeData = { points: readonly Point[]; tone: EdgeTone; label: string };
export type RouteFlowEdge = Edge<RouteEdgeData, 'route'>;

/**
 * The services to draw a deployment from: those discovery found plus any the live snapshot
 * shows (a service started since), sorted so the same set always gives the same topology.
 */
export function deploymentServices(deployment: Deployment, group: ContainerGroup | undefined): string[] {
  const live = (group?.containers ?? []).flatMap((c) => (c.service === undefined ? [] : [c.service]));
  return [...new Set([...deployment.services.map((s) => s.service), ...live])].sort();
}

/** React Flow nodes at the geometry's fixed positions: only their data changes between snapshots. */
export function flowNodes(
  topology: Topology,
  geometry: DiagramGeometry,
  states: ReadonlyMap<string, NodeState>,
  selected: string | null,
): RoleFlowNode[] {
  return topology.nodes.flatMap((node) => {
    const box = geometry.nodes[node.id];
    const state = states.get(node.id);
    if (box === undefined || state === undefined) return [];
    return [
      {
        id: node.id,
        type: 'role' as const,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { node, state, selected: selected === node.id },
        draggable: false,
        connectable: false,
        selectable: false,
      },
    ];
  });
}

const toneOrder: Record<EdgeTone, number> = { neutral: 0, pass: 1, warn: 2, fail: 3 };

/** React Flow edges, unprobed first so that a coloured edge is always drawn on top. */
export function flowEdges(topology: Topology, geometry: DiagramGeometry, tones: Readonly<Record<string, EdgeTone>>): RouteFlowEdge[] {
  return topology.edges
    .map((edge) => ({ edge, tone: tones[edge.id] ?? 'neutral' }))
    .sort((a, b) => toneOrder[a.tone] - toneOrder[b.tone] || Number(a.edge.probes.length > 0) - Number(b.edge.probes.length > 0))
    .map(({ edge, tone }) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'route' as const,
      className: `arch-edge arch-edge-${tone}`,
      data: { points: geometry.edges[edge.id] ?? [], tone, label: edge.label },
      selectable: false,
      focusable: false,
    }));
}

/** Counts for the toolbar line: parts drawn (the browser is not one), up, needing attention. */
export function summarise(states: readonly NodeState[]): { parts: number; up: number; warn: number; failing: number } {
  const parts = states.filter((s) => s.id !== 'browser');
  const count = (...statuses: NodeStatus[]) => parts.filter((s) => statuses.includes(s.status)).length;
  return { parts: parts.length, up: count('ok'), warn: count('warn'), failing: count('fail', 'stopped', 'missing') };
}

/** The word shown on a node's badge for each status (the colour never carries meaning alone). */
export const statusWords: Record<NodeStatus, string> = {
  ok: 'Up',
  warn: 'Warning',
  fail: 'Failed',
  stopped: 'Stopped',
  missing: 'Missing',
  external: 'External',
};

/** CSS tone of a status, shared with the rest of the app (ok, warn, bad, idle). */
export const statusTones: Record<NodeStatus, 'ok' | 'warn' | 'bad' | 'idle'> = {
  ok: 'ok',
  warn: 'warn',
  fail: 'bad',
  stopped: 'idle',
  missing: 'bad',
  external: 'idle',
};
