import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { createLocalFileAccess } from '../files/local-file-access';
import { discoverDeployments, findDeployment } from './discover-deployments';
import type { HostAccess } from './host-access';

const dir = mkdtempSync(join(tmpdir(), 'hangar-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const split = join(dir, 'plane-split');
const community = join(dir, 'plane-app');
for (const [path, text] of [
  [join(split, 'docker-compose.yml'), 'services:\n  plane-api:\n    image: registry.example/plane-backend:v1.2.0\n    env_file:\n      - .env.api\n  plane-live:\n    image: registry.example/plane-live:v1.2.0\n    env_file: [./.env.live]\n  plane-frontend:\n    image: registry.example/plane-frontend:custom\n'],
  [join(split, '.env.api'), 'CORS_ALLOWED_ORIGINS=https://plane.example.com\n'],
  [join(split, '.env.live'), 'LIVE_SERVER_SECRET_KEY=abc\n'],
  [join(split, '.env.frontend'), 'VITE_API_BASE_URL=https://api.example.com\n'],
  [join(community, 'docker-compose.yaml'), 'services:\n  api:\n    image: makeplane/plane-backend:${APP_RELEASE:-stable}\n'],
  [join(community, 'plane.env'), 'APP_RELEASE=v1.3.1\n'],
  [join(community, '.env'), 'UNUSED=1\n'],
] as const) {
  rmSync(path, { force: true });
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

const container = (project: string, service: string, image: string, workingDir: string, configFiles: string, state = 'running', status = 'Up 2 hours', extra: Record<string, string> = {}) => ({
  Id: `${project}-${service}`,
  Names: [`/${project}-${service}-1`],
  Image: image,
  State: state,
  Status: status,
  Created: 1,
  Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service, 'com.docker.compose.project.working_dir': workingDir, 'com.docker.compose.project.config_files': configFiles, ...extra },
  Ports: [],
});

const host: HostAccess = {
  hostId: 'test',
  files: createLocalFileAccess(),
  commands: { run: () => Promise.reject(new Error('unused')), stream: () => Promise.reject(new Error('unused')) },
  docker: {
    where: 'on the test host',
    streaming: {} as Docker,
    docker: {
      listContainers: async () => [
        container('plane-split', 'plane-api', 'registry.example/plane-backend:v1.2.0', split, join(split, 'docker-compose.yml'), 'running', 'Up 1 minute (healthy)'),
        container('plane-split', 'plane-live', 'registry.example/plane-live:v1.2.0', split, join(split, 'docker-compose.yml'), 'restarting', 'Restarting (1) 3 seconds ago'),
        container('plane-app', 'api', 'makeplane/plane-backend:v1.3.1', community, 'docker-compose.yaml'),
        container('plane-app', 'worker', 'makeplane/plane-backend:v1.3.1', community, 'docker-compose.yaml'),
        container('blog', 'web', 'nginx:1', '/srv/blog', 'compose.yml'),
        container('blog', 'api', 'node:20', '/srv/blog', 'compose.yml'),
      ],
    } as unknown as Docker,
  },
  release: () => undefined,
};

describe('discovering Plane deployments from container labels', () => {
  it('finds only Plane projects, with layout, files, version and container states', async () => {
    const found = await discoverDeployments(host);
    expect(found.map((d) => d.deployment.project)).toEqual(['plane-app', 'plane-split']);

    const app = found[0]!.deployment;
    expect(app).toMatchObject({ layout: 'community', workingDir: community, composeFiles: [join(community, 'docker-compose.yaml')], version: 'v1.3.1', versionSource: 'APP_RELEASE', dokployManaged: false });
    // setup.sh passes --env-file plane.env; the .env beside it is not read then.
    expect(app.envFiles).toEqual([{ name: 'plane.env', path: join(community, 'plane.env'), role: 'env', interpolation: true, usedBy: [] }]);

    const splitDeployment = found[1]!.deployment;
    expect(splitDeployment.layout).toBe('split');
    expect(splitDeployment.version).toBe('v1.2.0');
    expect(splitDeployment.versionSource).toBe('image');
    expect(splitDeployment.envFiles.map((f) => [f.name, f.role, f.interpolation, f.usedBy])).toEqual([
      ['.env.api', 'api', false, ['plane-api']],
      ['.env.frontend', 'frontend', false, []],
      ['.env.live', 'live', false, ['plane-live']],
    ]);
    expect(splitDeployment.services.map((s) => [s.service, s.containers[0]?.state, s.containers[0]?.health])).toEqual([
      ['plane-api', 'running', 'healthy'],
      ['plane-live', 'restarting', 'none'],
    ]);
  });

  it('names the deployments that exist when asked for one that does not', async () => {
    const error = await findDeployment(host, 'plane-old').catch((e: unknown) => e);
    expect(isAppError(error, 'NOT_FOUND')).toBe(true);
    expect((error as Error).message).toContain('plane-app, plane-split');
  });
});
