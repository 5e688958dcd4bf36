import type { Layout } from '../../schemas/env';
import type { ProbeService } from '../../schemas/probe';
import { nodeCatalog } from './node-catalog';
import { normaliseServiceName, rolesOfService, servicesForRole, type PlaneRole } from './service-roles';
import type { Topology, TopologyEdge, TopologyNode, TopologyNodeId } from './topology-types';

/** What the diagram is built from: the deployment's layout and the compose services it runs. */
export interface TopologyInput {
  readonly layout: Layout;
  /** Compose service names, from container labels (running or not). */
  readonly services: readonly string[];
}

type Cells = Partial<Record<TopologyNodeId, readonly [column: number, row: number]>>;

/**
 * Grid cells per shape. Columns: Internet → edge/proxy → frontends, live, API → workers → data
 * stores. Rows are chosen so that the API's and live's calls to the data stores pass the workers'
 * column on rows no worker sits on (diagram-geometry routes them straight there). The data
 * stores sit half a row off the others: an edge leaving a source's row then never runs along
 * another store's entry line.
 */
const separateFrontends: Cells = {
  browser: [0, 2],
  edge: [1, 2],
  proxy: [1, 2],
  web: [2, 0],
  space: [2, 1],
  admin: [2, 2],
  live: [2, 3],
  api: [2, 4],
  worker: [3, 0],
  'beat-worker': [3, 1],
  migrator: [3, 2],
  redis: [4, 1.5],
  db: [4, 2.5],
  mq: [4, 3.5],
  minio: [4, 4.5],
};
const sharedFrontend: Cells = {
  browser: [0, 1],
  edge: [1, 1],
  proxy: [1, 1],
  frontend: [2, 0],
  live: [2, 1],
  api: [2, 2],
  worker: [3, 3],
  'beat-worker': [3, 4],
  migrator: [3, 5],
  redis: [4, 1.5],
  db: [4, 2.5],
  mq: [4, 3.5],
  minio: [4, 4.5],
};

/**
 * The diagram of a deployment as data, from its layout and actual services:
 * - community: browser → proxy (Caddy) → web, space, admin, live, api, minio (Plane's Caddy routes);
 * - split: browser → Traefik (outside the project) → one plane-frontend (web, space, admin; it
 *   also proxies /live/) and the API on its own domain;
 * - dokploy: browser → Traefik → the template's proxy → services, as in community.
 * Every role of the layout gets a node even when no service plays it (then it shows "missing"),
 * so a stopped or removed container never changes the diagram's shape.
 */
export function buildTopology(input: TopologyInput): Topology {
  const { layout, services } = input;
  const edgeServices = layout === 'split' ? servicesForRole('proxy', services) : layout === 'dokploy' ? traefikServices(services) : [];
  const proxyServices = layout === 'split' ? [] : servicesForRole('proxy', services).filter((s) => !edgeServices.includes(s));
  const shared = sharesFrontend(layout, services);
  const cells = shared ? sharedFrontend : separateFrontends;
  const router: TopologyNodeId = layout === 'split' ? 'edge' : 'proxy';

  const ids: TopologyNodeId[] = ['browser'];
  if (layout !== 'community') ids.push('edge');
  if (layout !== 'split') ids.push('proxy');
  ids.push(
    ...(shared ? (['frontend'] as const) : (['web', 'space', 'admin'] as const)),
    'live',
    'api',
    'worker',
    'beat-worker',
    'migrator',
    'db',
    'redis',
    'mq',
    'minio',
  );
  const dokployStack = layout === 'dokploy' ? 1 : 0; // Traefik sits above the proxy in the same column

  const nodes = ids.map((id): TopologyNode => {
    const info = nodeCatalog[id];
    const own = id === 'edge' ? edgeServices : id === 'proxy' ? proxyServices : id === 'browser' ? [] : unionOf(info.roles, services);
    const cell = cells[id] ?? [0, 0];
    const row = id === 'edge' || id === 'browser' ? cell[1] - dokployStack : cell[1];
    return {
      id,
      kind: info.kind,
      label: info.label,
      description: info.description,
      roles: id === 'edge' && layout === 'split' ? ['proxy'] : info.roles,
      services: own,
      external: id === 'browser' || (id === 'edge' && own.length === 0),
      oneShot: info.oneShot === true,
      column: cell[0],
      row,
    };
  });

  const edges: TopologyEdge[] = [];
  const add = (source: TopologyNodeId, target: TopologyNodeId, label: string, probes: readonly ProbeService[] = []): void => {
    edges.push({ id: `${source}->${target}`, source, target, label, probes });
  };
  add('browser', layout === 'community' ? 'proxy' : 'edge', layout === 'split' ? 'HTTPS, both domains' : 'HTTP(S)', ['proxy']);
  if (layout === 'dokploy') add('edge', 'proxy', 'HTTP :80, Host rule of the domain', ['proxy']);
  if (shared) add(router, 'frontend', '/, /spaces/, /god-mode/', ['web', 'space', 'admin']);
  else {
    add(router, 'web', '/*', ['web']);
    add(router, 'space', '/spaces/*', ['space']);
    add(router, 'admin', '/god-mode/*', ['admin']);
  }
  add(shared && layout === 'split' ? 'frontend' : router, 'live', '/live/* (WebSocket)', ['live']);
  add(router, 'api', layout === 'split' ? 'API domain: /api/*, /auth/*' : '/api/*, /auth/*, /static/*', ['api']);
  add(router, 'minio', 'bucket path (/uploads/*)', ['minio']);
  add('live', 'api', 'session check (HTTP)');
  add('live', 'redis', 'Redis');
  for (const [target, label] of [
    ['db', 'SQL'],
    ['redis', 'Redis'],
    ['mq', 'AMQP'],
    ['minio', 'S3'],
  ] as const)
    add('api', target, label);
  for (const source of ['worker', 'beat-worker'] as const)
    for (const [target, label] of [
      ['db', 'SQL'],
      ['redis', 'Redis'],
      ['mq', 'AMQP'],
    ] as const)
      add(source, target, label);
  add('migrator', 'db', 'SQL (migrations)');
  return { layout, nodes, edges };
}

/** True when one service plays web, space and admin (or, in the split layout, nobody does yet). */
function sharesFrontend(layout: Layout, services: readonly string[]): boolean {
  const [web, space, admin] = (['web', 'space', 'admin'] as const).map((role) => servicesForRole(role, services));
  if (web === undefined || space === undefined || admin === undefined) return false;
  if (web.length + space.length + admin.length === 0) return layout === 'split';
  return web.length === 1 && same(web, space) && same(web, admin) && rolesOfService(web[0] ?? '').length > 1;
}

/** Dokploy's Traefik when the project carries one (the lab's stand-in does; Dokploy's own is outside). */
function traefikServices(services: readonly string[]): string[] {
  return services.filter((s) => normaliseServiceName(s).includes('traefik'));
}

function unionOf(roles: readonly PlaneRole[], services: readonly string[]): string[] {
  return [...new Set(roles.flatMap((role) => servicesForRole(role, services)))];
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
