import type { ProbeService } from '../../schemas/probe';

/**
 * What a compose service *is* in a Plane deployment, whatever the layout calls it. The community
 * compose says `web`, `api`, `plane-db`; Dokploy's template says `plane-web`, `plane-api`; the
 * split layout serves web, space and admin from one `plane-frontend` container; Plane's
 * build-from-source compose says `bgworker`. Screens that point at "the API" (a probe finding's
 * "open its logs", the architecture view's nodes) go through these roles, never through names.
 */
export type PlaneRole = ProbeService | 'worker' | 'beat-worker' | 'migrator' | 'db' | 'redis' | 'mq';

/** Every role, in the order the architecture view lists them (edge of the system first). */
export const planeRoles: readonly PlaneRole[] = ['proxy', 'web', 'space', 'admin', 'live', 'api', 'worker', 'beat-worker', 'migrator', 'db', 'redis', 'mq', 'minio'];

/** Names (after dropping a `plane-` prefix) that mean each role. `frontend` serves three roles. */
const namesByRole: Record<PlaneRole, readonly string[]> = {
  proxy: ['proxy', 'caddy', 'traefik', 'nginx', 'edge'],
  web: ['web', 'frontend'],
  space: ['space', 'frontend'],
  admin: ['admin', 'frontend'],
  live: ['live'],
  api: ['api', 'backend'],
  worker: ['worker', 'bgworker'],
  'beat-worker': ['beat-worker', 'beatworker', 'beat'],
  migrator: ['migrator'],
  db: ['db', 'postgres', 'postgresql'],
  redis: ['redis', 'valkey'],
  mq: ['mq', 'rabbitmq'],
  minio: ['minio'],
};

/** `plane-api` → `api`, `Plane_Web` → `web`: how service names are compared to roles. */
export function normaliseServiceName(service: string): string {
  return service
    .toLowerCase()
    .replace(/^plane[-_]/, '')
    .replace(/_/g, '-');
}

/** The roles a compose service plays (usually one; the split layout's frontend plays three; unknown services none). */
export function rolesOfService(service: string): PlaneRole[] {
  const name = normaliseServiceName(service);
  return planeRoles.filter((role) => namesByRole[role].includes(name));
}

/**
 * The services of a deployment that play `role`, in the given order. An exact role name wins over
 * a shared one: with both `web` and `frontend` present, "web" means `web`.
 */
export function servicesForRole(role: PlaneRole, services: readonly string[]): string[] {
  const matching = services.filter((service) => rolesOfService(service).includes(role));
  const exact = matching.filter((service) => normaliseServiceName(service) === role);
  return exact.length > 0 ? exact : matching;
}
