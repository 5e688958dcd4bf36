import { labImages } from './plane-images';
import { combinedFrontendRef } from './split-images';

/** Names and credentials the split compose file spells out literally. */
export interface SplitComposeValues {
  webHost: string;
  apiHost: string;
  dbPassword: string;
  mqPassword: string;
  minioPassword: string;
}

/** The user's compose file: one env file per role, Traefik labels on the two public services. */
export function splitCompose(c: SplitComposeValues): string {
  const traefik = (name: string, host: string, port: number): string[] => [
    '    labels:',
    '      - traefik.enable=true',
    `      - traefik.http.routers.${name}.rule=Host(\`${host}\`)`,
    `      - traefik.http.routers.${name}.entrypoints=websecure`,
    `      - traefik.http.routers.${name}.tls=true`,
    `      - traefik.http.services.${name}.loadbalancer.server.port=${port}`,
  ];
  const backend = (name: string, entrypoint: string, dependsOn: string[], restart = 'unless-stopped'): string[] => [
    `  ${name}:`,
    `    image: ${labImages.backend}`,
    `    restart: ${restart}`,
    `    command: ./bin/${entrypoint}`,
    '    env_file: .env.api',
    '    depends_on:',
    ...dependsOn.map((d) => `      - ${d}`),
  ];
  return [
    '# Plane with frontends and API on separate domains (user-deployment-guide.md).',
    `#   ${c.webHost}     -> plane-frontend:3000 (web /, admin /god-mode, space /spaces, /live -> plane-live)`,
    `#   ${c.apiHost} -> plane-api:8000`,
    '# TLS and routing by Host header: Traefik (labels below).',
    'services:',
    '  plane-frontend:',
    '    # Built from .env.frontend: VITE_API_BASE_URL is baked into the bundles at build time.',
    `    image: ${combinedFrontendRef}`,
    '    restart: unless-stopped',
    '    env_file: .env.frontend',
    '    depends_on:',
    '      - plane-api',
    '      - plane-live',
    ...traefik('plane-frontend', c.webHost, 3000),
    '  plane-live:',
    `    image: ${labImages.live}`,
    '    restart: unless-stopped',
    '    env_file: .env.live',
    '    depends_on:',
    '      - plane-api',
    '      - plane-redis',
    ...backend('plane-api', 'docker-entrypoint-api.sh', ['plane-db', 'plane-redis', 'plane-mq', 'plane-minio']),
    ...traefik('plane-api', c.apiHost, 8000),
    ...backend('plane-worker', 'docker-entrypoint-worker.sh', ['plane-api']),
    ...backend('plane-beat-worker', 'docker-entrypoint-beat.sh', ['plane-api']),
    ...backend('plane-migrator', 'docker-entrypoint-migrator.sh', ['plane-db', 'plane-redis'], 'on-failure'),
    '  plane-db:',
    `    image: ${labImages.postgres}`,
    '    restart: unless-stopped',
    "    command: postgres -c 'max_connections=1000'",
    '    environment:',
    '      POSTGRES_USER: plane',
    `      POSTGRES_PASSWORD: ${c.dbPassword}`,
    '      POSTGRES_DB: plane',
    '      PGDATA: /var/lib/postgresql/data',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data',
    '  plane-redis:',
    `    image: ${labImages.valkey}`,
    '    restart: unless-stopped',
    '    volumes:',
    '      - redisdata:/data',
    '  plane-mq:',
    `    image: ${labImages.rabbitmq}`,
    '    restart: unless-stopped',
    '    environment:',
    '      RABBITMQ_DEFAULT_USER: plane',
    `      RABBITMQ_DEFAULT_PASS: ${c.mqPassword}`,
    '      RABBITMQ_DEFAULT_VHOST: plane',
    '    volumes:',
    '      - rabbitmq_data:/var/lib/rabbitmq',
    '  plane-minio:',
    `    image: ${labImages.minio}`,
    '    restart: unless-stopped',
    '    command: server /export --console-address ":9090"',
    '    environment:',
    '      MINIO_ROOT_USER: access-key',
    `      MINIO_ROOT_PASSWORD: ${c.minioPassword}`,
    '    volumes:',
    '      - uploads:/export',
    'volumes:',
    '  pgdata:',
    '  redisdata:',
    '  rabbitmq_data:',
    '  uploads:',
    '',
  ].join('\n');
}
