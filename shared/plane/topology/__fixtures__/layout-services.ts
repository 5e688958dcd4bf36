/**
 * Compose services of the lab's three layouts, as e2e/lab/layout-*.ts defines them (the copy
 * keeps shared/ free of the lab's Node imports; layout-services.test.ts checks it still matches).
 */
export const labServices = {
  /** Plane v1.3.1's community compose (e2e/lab/layout-community.ts `communityServices`). */
  community: [
    'web',
    'space',
    'admin',
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
  /** The user's split layout (`splitServices`), without the lab's Traefik stand-in. */
  split: [
    'plane-frontend',
    'plane-live',
    'plane-api',
    'plane-worker',
    'plane-beat-worker',
    'plane-migrator',
    'plane-db',
    'plane-redis',
    'plane-mq',
    'plane-minio',
  ],
  /** The split lab's Traefik stand-in (`SPLIT_EDGE`), a service of the project there. */
  splitEdge: 'traefik',
  /** Dokploy's Plane template (`dokployServices`). */
  dokploy: [
    'plane-web',
    'plane-space',
    'plane-admin',
    'plane-live',
    'plane-api',
    'plane-worker',
    'plane-beat-worker',
    'plane-migrator',
    'plane-db',
    'plane-redis',
    'plane-mq',
    'plane-minio',
    'proxy',
  ],
  /** The Dokploy lab's Traefik stand-in (`DOKPLOY_EDGE`). */
  dokployEdge: 'dokploy-traefik',
} as const;
