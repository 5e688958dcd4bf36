import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHashLabel, edgeCaddyfile, edgeServiceYaml } from './edge-proxy';
import { HOST_RUNTIME_MOUNTS } from './image-build';
import { patchEnv, renderOverride } from './layout-community';
import type { LayoutFiles, LayoutOptions } from './layouts';
import { FIXTURES_DIR, LAB_RELEASE, labImages } from './plane-images';
import { ensureLabTls } from './tls';

/** Dokploy's app name: the compose project name and the folder under /etc/dokploy/compose/. */
export const DOKPLOY_APP = 'plane-lab';
/** The domain attached to the `proxy` service in Dokploy's "Domains" tab. */
export const DOKPLOY_HOST = 'plane-dokploy.lab.test';
/** The lab's stand-in for Dokploy's Traefik container. */
export const DOKPLOY_EDGE = 'dokploy-traefik';

/** Services of Dokploy's Plane template, in its order. */
export const dokployServices = [
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
] as const;

const imageRewrites: Array<[RegExp, string]> = [
  [/makeplane\/plane-(frontend|space|admin|live|backend|proxy):/g, 'hangar-lab/plane-$1:'],
  // Postgres 17 is the template's; the machine has PostgreSQL 15 only (README: real vs stand-in).
  [/image: postgres:17-alpine/, `image: ${labImages.postgres}`],
  [/image: valkey\/valkey:7\.2\.11-alpine/, `image: ${labImages.valkey}`],
  [/image: rabbitmq:3\.13\.6-management-alpine/, `image: ${labImages.rabbitmq}`],
  [/image: minio\/minio:RELEASE\.\S+/, `image: ${labImages.minio}`],
];

/**
 * Writes what Dokploy leaves on a server after deploying its Plane template as app `plane-lab`:
 * `etc/dokploy/compose/plane-lab/code/docker-compose.yml` (the template, re-rendered with the
 * Traefik labels of the domain attached to `proxy` port 80) and `.env` (APP_NAME,
 * COMPOSE_PROJECT_NAME, the template's rendered env, DOCKER_CONFIG). The lab-only override adds
 * host mounts and `dokploy-traefik`, which stands in for Dokploy's Traefik (TLS, Host routing).
 */
export async function writeDokployLayout(root: string, opts: LayoutOptions): Promise<LayoutFiles> {
  const dir = join(root, 'etc', 'dokploy', 'compose', DOKPLOY_APP, 'code');
  const traefikDir = join(root, 'etc', 'dokploy', 'traefik');
  await mkdir(dir, { recursive: true });
  await mkdir(traefikDir, { recursive: true });
  const port = opts.httpsPort === 443 ? '' : `:${opts.httpsPort}`;
  const web = `https://${DOKPLOY_HOST}${port}`;
  const tls = await ensureLabTls(join(root, 'tls'), [DOKPLOY_HOST]);

  let compose = readFileSync(join(FIXTURES_DIR, 'dokploy-plane', 'docker-compose.yml'), 'utf8');
  for (const [pattern, replacement] of imageRewrites) compose = compose.replace(pattern, replacement);
  compose = compose.replace(/(\n {2}proxy:\n {4}image: .*\n {4}restart: .*\n)/, `$1${domainLabels(DOKPLOY_HOST).join('\n')}\n`);
  await writeFile(join(dir, 'docker-compose.yml'), compose);

  const rendered = renderTemplateEnv(readFileSync(join(FIXTURES_DIR, 'dokploy-plane', 'template.toml'), 'utf8'), {
    app_release: LAB_RELEASE,
    main_domain: DOKPLOY_HOST,
    postgres_password: 'labPgPassw0rdGeneratedByDokploy32',
    minio_password: 'labMinioPassw0rdGeneratedByDokploy',
    rabbitmq_password: 'labMqPassw0rdGeneratedByDokploy32',
    secret_key: 'bGFiLXNlY3JldC1rZXktZ2VuZXJhdGVkLWJ5LWRva3Bsb3ktYmFzZTY0LTQ4',
    live_secret_key: 'bGFiLWxpdmUtc2VjcmV0LWdlbmVyYXRlZC1ieS1kb2twbG95LWJhc2U2NC00OA',
  });
  // The published https port of this lab is part of the browser origin.
  const env = patchEnv(rendered, { WEB_URL: web, CORS_ALLOWED_ORIGINS: web });
  await writeFile(join(dir, '.env'), `APP_NAME=${DOKPLOY_APP}\nCOMPOSE_PROJECT_NAME=${DOKPLOY_APP}\n${env}\nDOCKER_CONFIG=/root/.docker\n`);

  const edge = edgeCaddyfile([{ host: DOKPLOY_HOST, upstream: 'proxy:80' }], opts.faults);
  const edgePath = join(traefikDir, 'Caddyfile');
  await writeFile(edgePath, edge);
  const override =
    renderOverride(dokployServices, {}, {}) +
    edgeServiceYaml({
      name: DOKPLOY_EDGE,
      image: labImages.proxy,
      httpPort: opts.httpPort,
      httpsPort: opts.httpsPort,
      caddyfilePath: edgePath,
      certPath: tls.certPath,
      keyPath: tls.keyPath,
      configHash: contentHashLabel(edge, readFileSync(tls.certPath, 'utf8')),
      dependsOn: ['proxy'],
      hostMounts: HOST_RUNTIME_MOUNTS,
    });
  await writeFile(join(dir, 'docker-compose.override.yml'), override);

  return {
    projectName: DOKPLOY_APP,
    composeDir: dir,
    composeFiles: ['docker-compose.yml', 'docker-compose.override.yml'],
    envFiles: { '.env': join(dir, '.env') },
    services: [...dokployServices, DOKPLOY_EDGE],
    oneShot: 'plane-migrator',
    apiService: 'plane-api',
    imageOptions: {},
    hostNames: [DOKPLOY_HOST],
    urls: { web: `${web}/`, api: `${web}/api/`, live: `${web.replace(/^https/, 'wss')}/live/collaboration` },
    tls: { caCertPath: tls.caCertPath },
    readinessProbe: {
      path: '/api/instances/',
      headers: { Host: `${DOKPLOY_HOST}${port}` },
      tls: { servername: DOKPLOY_HOST, ca: readFileSync(tls.caCertPath, 'utf8') },
    },
  };
}

/**
 * Labels Dokploy injects for a domain on `proxy` port 80 with https and Let's Encrypt
 * (`writeDomainsToCompose`): an HTTP router redirecting to HTTPS and a websecure router.
 */
function domainLabels(host: string): string[] {
  const lines = ['    labels:', '      - traefik.enable=true'];
  for (const entrypoint of ['web', 'websecure']) {
    const name = `${DOKPLOY_APP}-1-${entrypoint}`;
    lines.push(
      `      - traefik.http.routers.${name}.rule=Host(\`${host}\`)`,
      `      - traefik.http.routers.${name}.entrypoints=${entrypoint}`,
      `      - traefik.http.services.${name}.loadbalancer.server.port=80`,
      `      - traefik.http.routers.${name}.service=${name}`,
      entrypoint === 'web'
        ? `      - traefik.http.routers.${name}.middlewares=redirect-to-https@file`
        : `      - traefik.http.routers.${name}.tls.certresolver=letsencrypt`,
    );
  }
  return lines;
}

/** Renders template.toml's `[config] env` lines with `${variable}` values, as Dokploy does on deploy. */
export function renderTemplateEnv(toml: string, variables: Record<string, string>): string {
  const block = /\benv = \[\n([\s\S]*?)\n\]/.exec(toml)?.[1];
  if (block === undefined)
    throw new Error('template.toml has no [config] env list: copy it again from Dokploy/templates blueprints/plane.');
  const lines = [...block.matchAll(/^\s*"((?:[^"\\]|\\.)*)",?\s*$/gm)].map((m) => m[1]!);
  return lines.map((line) => line.replace(/\$\{([a-z_]+)\}/g, (whole, name: string) => variables[name] ?? whole)).join('\n');
}
