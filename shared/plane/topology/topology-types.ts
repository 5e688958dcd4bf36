import type { ProbeService } from '../../schemas/probe';
import type { PlaneRole } from './service-roles';

/**
 * A box of the architecture diagram. Most are one Plane role; `browser` is the user's side,
 * `edge` is a Traefik in front of the deployment (split and Dokploy layouts), `frontend` is one
 * container serving web, space and admin together (the split layout's plane-frontend).
 */
export type TopologyNodeId = PlaneRole | 'browser' | 'edge' | 'frontend';

/** What kind of thing a node is; the diagram's columns and the panel's wording follow it. */
export type TopologyNodeKind = 'client' | 'edge' | 'proxy' | 'frontend' | 'realtime' | 'api' | 'worker' | 'job' | 'store';

/** One node of a deployment's diagram, resolved against the deployment's actual compose services. */
export interface TopologyNode {
  readonly id: TopologyNodeId;
  readonly kind: TopologyNodeKind;
  /** Short name on the box: "API", "Proxy", "PostgreSQL". */
  readonly label: string;
  /** One sentence for the side panel: what it does in Plane. */
  readonly description: string;
  /** The Plane roles it plays (several for a shared frontend, none for the browser). */
  readonly roles: readonly PlaneRole[];
  /** Compose services of this deployment drawn as this node; empty when none plays it. */
  readonly services: readonly string[];
  /**
   * No container is expected for it in this compose project: the browser, and a Traefik that
   * Dokploy (or the user) runs outside it. Such a node is never "missing".
   */
  readonly external: boolean;
  /** Runs once and exits (the migrator): exited 0 is success, not "stopped". */
  readonly oneShot: boolean;
  /** Grid cell of the layered layout: columns go from the Internet towards the data stores. */
  readonly column: number;
  readonly row: number;
}

/** A traffic edge: who calls whom. */
export interface TopologyEdge {
  /** `source->target`: stable across snapshots, so the diagram never re-keys an edge. */
  readonly id: string;
  readonly source: TopologyNodeId;
  readonly target: TopologyNodeId;
  /** What travels over it, for the panel: "/api/*, /auth/*", "SQL", "WebSocket /live/". */
  readonly label: string;
  /**
   * The probe services whose results speak for this hop. Only hops a browser request crosses
   * are probed (the checks run from this machine); the others stay neutral whatever the checks
   * say, because no check exercised them.
   */
  readonly probes: readonly ProbeService[];
}

/** The diagram of one deployment: nodes and edges, in a fixed order. */
export interface Topology {
  readonly layout: 'community' | 'split' | 'dokploy';
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}
