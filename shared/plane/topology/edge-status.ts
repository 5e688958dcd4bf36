import type { ProbeService, ProbeStatus } from '../../schemas/probe';
import type { TopologyEdge } from './topology-types';

/** An edge's colour: the checks' verdict for the hop, or `neutral` when no check spoke for it. */
export type EdgeTone = 'pass' | 'warn' | 'fail' | 'neutral';

const rank: Record<EdgeTone, number> = { neutral: 0, pass: 1, warn: 2, fail: 3 };
const toneOf: Record<ProbeStatus, EdgeTone> = { pass: 'pass', warn: 'warn', fail: 'fail', skip: 'neutral' };

/**
 * The worst probe status of the services an edge leads to (`serviceStatuses` of the last
 * report). Skipped checks and services no finding named say nothing, so an edge never turns
 * green without a check that passed for it.
 */
export function edgeTone(edge: TopologyEdge, statuses: Partial<Record<ProbeService, ProbeStatus>>): EdgeTone {
  let tone: EdgeTone = 'neutral';
  for (const service of edge.probes) {
    const status = statuses[service];
    if (status === undefined) continue;
    const next = toneOf[status];
    if (rank[next] > rank[tone]) tone = next;
  }
  return tone;
}
