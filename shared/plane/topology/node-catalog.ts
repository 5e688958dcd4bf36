import type { PlaneRole } from './service-roles';
import type { TopologyNodeId, TopologyNodeKind } from './topology-types';

/** What a node is, independent of any deployment (facts from plane-reference.md §1.2, §7). */
export interface NodeInfo {
  readonly kind: TopologyNodeKind;
  readonly label: string;
  readonly description: string;
  readonly roles: readonly PlaneRole[];
  readonly oneShot?: true;
}

/**
 * Every node the diagram can draw. The wording is what the side panel says, so it names the
 * process and port a self-hoster will meet in the logs.
 */
export const nodeCatalog: Readonly<Record<TopologyNodeId, NodeInfo>> = {
  browser: {
    kind: 'client',
    label: 'Browser',
    description: 'People using Plane: every request starts here, from the Internet.',
    roles: [],
  },
  edge: {
    kind: 'edge',
    label: 'Traefik',
    description: 'Terminates TLS and routes by host name before traffic reaches Plane (Dokploy runs it outside the compose project).',
    roles: [],
  },
  proxy: {
    kind: 'proxy',
    label: 'Proxy',
    description: 'Plane’s Caddy (nginx before v0.28): routes each path to its service on one origin.',
    roles: ['proxy'],
  },
  frontend: {
    kind: 'frontend',
    label: 'Frontend',
    description:
      'One web server for the web app (/), god-mode (/god-mode/) and spaces (/spaces/), with the API URL baked into its bundles.',
    roles: ['web', 'space', 'admin'],
  },
  web: {
    kind: 'frontend',
    label: 'Web',
    description: 'The Plane web app: static bundles served on /, calling /api on the same origin.',
    roles: ['web'],
  },
  space: { kind: 'frontend', label: 'Space', description: 'Public project pages under /spaces/.', roles: ['space'] },
  admin: { kind: 'frontend', label: 'Admin', description: 'Instance administration (god-mode) under /god-mode/.', roles: ['admin'] },
  live: {
    kind: 'realtime',
    label: 'Live',
    description: 'Real-time collaboration (Hocuspocus WebSocket on /live/), checks sessions against the API.',
    roles: ['live'],
  },
  api: { kind: 'api', label: 'API', description: 'Django REST API (gunicorn on :8000): /api/, /auth/ and /static/.', roles: ['api'] },
  worker: {
    kind: 'worker',
    label: 'Worker',
    description: 'Celery worker: background jobs (emails, imports, webhooks) taken from RabbitMQ.',
    roles: ['worker'],
  },
  'beat-worker': { kind: 'worker', label: 'Beat', description: 'Celery beat: puts scheduled jobs on the queue.', roles: ['beat-worker'] },
  migrator: {
    kind: 'job',
    label: 'Migrator',
    description: 'Applies database migrations at start, then exits; exit code 0 means it completed.',
    roles: ['migrator'],
    oneShot: true,
  },
  db: { kind: 'store', label: 'PostgreSQL', description: 'Plane’s database (port 5432).', roles: ['db'] },
  redis: { kind: 'store', label: 'Redis', description: 'Valkey/Redis: cache and live-server sync (port 6379).', roles: ['redis'] },
  mq: { kind: 'store', label: 'RabbitMQ', description: 'Message broker for the Celery workers (port 5672).', roles: ['mq'] },
  minio: {
    kind: 'store',
    label: 'MinIO',
    description: 'S3 storage for uploads; browsers reach the bucket path through the proxy (port 9000).',
    roles: ['minio'],
  },
};
