import type { ContainerSummary } from '../../schemas/container';
import type { Topology, TopologyNode, TopologyNodeId } from './topology-types';

/**
 * A node's colour. `stopped` is a clean stop (exit 0) of a long-running service: not a crash,
 * but not serving either. `missing`: no container plays the role. `external`: nothing is
 * expected in this project (the browser, a Traefik run by Dokploy).
 */
export type NodeStatus = 'ok' | 'warn' | 'fail' | 'stopped' | 'missing' | 'external';

/** A node with its containers and what they add up to. */
export interface NodeState {
  readonly id: TopologyNodeId;
  readonly status: NodeStatus;
  /** The state and health in words: "running · healthy", "exited (137)", "completed". */
  readonly detail: string;
  readonly running: number;
  readonly total: number;
  readonly containers: readonly ContainerSummary[];
}

type ContainerStatus = 'ok' | 'warn' | 'fail' | 'stopped';

/** Docker's "Exited (137) 5 seconds ago" → 137; undefined when the status carries no code. */
export function exitCodeOf(status: string): number | undefined {
  const match = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * One container in the diagram's terms: running and healthy (or without a healthcheck) is ok;
 * starting, restarting, created or paused is on its way (warn); unhealthy, dead or exited
 * non-zero failed; a one-shot job that exited 0 completed.
 */
export function containerStatus(c: ContainerSummary, oneShot: boolean): { status: ContainerStatus; detail: string } {
  switch (c.state) {
    case 'running':
      if (c.health === 'unhealthy') return { status: 'fail', detail: 'running · unhealthy' };
      if (c.health === 'starting') return { status: 'warn', detail: 'running · health starting' };
      if (oneShot) return { status: 'warn', detail: 'running (migrating)' };
      return { status: 'ok', detail: c.health === 'healthy' ? 'running · healthy' : 'running' };
    case 'exited': {
      const code = exitCodeOf(c.status);
      if (code === 0) return oneShot ? { status: 'ok', detail: 'completed' } : { status: 'stopped', detail: 'exited (0)' };
      return { status: 'fail', detail: code === undefined ? 'exited' : `exited (${code})` };
    }
    case 'dead':
      return { status: 'fail', detail: 'dead' };
    case 'restarting':
      return { status: 'warn', detail: 'restarting' };
    case 'created':
      return { status: 'warn', detail: 'created, not started' };
    default:
      return { status: 'warn', detail: c.state };
  }
}

const rank: Record<ContainerStatus, number> = { ok: 0, stopped: 1, warn: 2, fail: 3 };

/**
 * A node from its containers (replicas). Any failed replica fails the node; all stopped is
 * stopped; a mix of serving and stopped or starting replicas is a warning.
 */
export function nodeState(node: TopologyNode, containers: readonly ContainerSummary[]): NodeState {
  const mine = containers.filter((c) => c.service !== undefined && node.services.includes(c.service));
  const running = mine.filter((c) => c.state === 'running').length;
  const base = { id: node.id, running, total: mine.length, containers: mine };
  if (mine.length === 0) {
    if (node.external) return { ...base, status: 'external', detail: node.kind === 'client' ? 'the Internet' : 'outside this project' };
    return { ...base, status: 'missing', detail: node.services.length === 0 ? 'no service plays this role' : 'no container' };
  }
  const verdicts = mine.map((c) => containerStatus(c, node.oneShot));
  const worst = verdicts.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a));
  const status: NodeStatus =
    worst.status === 'fail' ? 'fail' : verdicts.every((v) => v.status === 'stopped') ? 'stopped' : worst.status === 'ok' ? 'ok' : 'warn';
  const mixed = status === 'warn' && worst.status === 'stopped';
  const stopped = verdicts.filter((v) => v.status === 'stopped').length;
  return { ...base, status, detail: mixed ? `${stopped} of ${mine.length} stopped` : worst.detail };
}

/** Statuses that mean the deployment is not serving as it should: the CLI exits 1 on them. */
export function isFailing(status: NodeStatus): boolean {
  return status === 'fail' || status === 'missing' || status === 'stopped';
}

/** Every node of a topology against one snapshot of the deployment's containers, in node order. */
export function evaluateTopology(topology: Topology, containers: readonly ContainerSummary[]): NodeState[] {
  return topology.nodes.map((node) => nodeState(node, containers));
}
