import { useMemo } from 'react';
import { buildTopology } from '../../../../shared/plane/topology/build-topology';
import { diagramGeometry, type DiagramGeometry } from '../../../../shared/plane/topology/diagram-geometry';
import { edgeTone, type EdgeTone } from '../../../../shared/plane/topology/edge-status';
import { evaluateTopology, type NodeState } from '../../../../shared/plane/topology/node-status';
import type { Topology } from '../../../../shared/plane/topology/topology-types';
import type { ProbeService, ProbeStatus } from '../../../../shared/schemas/probe';
import type { ContainerGroup } from '../../../../shared/schemas/container';
import type { Deployment } from '../../../../shared/schemas/deployment';
import { deploymentServices, flowEdges, flowNodes, summarise, type RoleFlowNode, type RouteFlowEdge } from './diagram-model';

/** Everything the Overview draws for one deployment at one moment. */
export interface Overview {
  topology: Topology;
  geometry: DiagramGeometry;
  states: ReadonlyMap<string, NodeState>;
  tones: Readonly<Record<string, EdgeTone>>;
  nodes: RoleFlowNode[];
  edges: RouteFlowEdge[];
  /** Null until the first snapshot: before it, nothing is known to be up or down. */
  summary: ReturnType<typeof summarise> | null;
}

/**
 * Derives the diagram from the deployment, the live snapshot and the checks. The topology and its
 * geometry depend only on the layout and the set of services, so a snapshot that changes a
 * container's state re-colours nodes without recomputing (or moving) anything.
 */
export function useOverview(
  deployment: Deployment | undefined,
  groups: ContainerGroup[] | null,
  probeStatuses: Partial<Record<ProbeService, ProbeStatus>>,
  selected: string | null,
): Overview | null {
  const group = deployment === undefined ? undefined : groups?.find((g) => g.project === deployment.project);
  const layout = deployment?.layout;
  const servicesKey = deployment === undefined ? '' : deploymentServices(deployment, group).join('\n');
  const topology = useMemo(
    () => (layout === undefined ? null : buildTopology({ layout, services: servicesKey.split('\n').filter((s) => s !== '') })),
    [layout, servicesKey],
  );
  const geometry = useMemo(() => (topology === null ? null : diagramGeometry(topology)), [topology]);
  const containers = group?.containers;
  const states = useMemo(() => (topology === null ? [] : evaluateTopology(topology, containers ?? [])), [topology, containers]);
  const stateMap = useMemo(() => new Map(states.map((s) => [s.id, s])), [states]);
  const tones = useMemo(
    () => Object.fromEntries((topology?.edges ?? []).map((e) => [e.id, edgeTone(e, probeStatuses)])) as Record<string, EdgeTone>,
    [topology, probeStatuses],
  );
  const nodes = useMemo(
    () => (topology && geometry ? flowNodes(topology, geometry, stateMap, selected) : []),
    [topology, geometry, stateMap, selected],
  );
  const edges = useMemo(() => (topology && geometry ? flowEdges(topology, geometry, tones) : []), [topology, geometry, tones]);
  if (topology === null || geometry === null) return null;
  return { topology, geometry, states: stateMap, tones, nodes, edges, summary: groups === null ? null : summarise(states) };
}
