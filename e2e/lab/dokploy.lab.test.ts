import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from './docker-cli';
import { startLab, type Lab } from './lab';
import { DOKPLOY_APP, DOKPLOY_EDGE, DOKPLOY_HOST, dokployServices } from './layout-dokploy';
import { projectContainers, send, upgradeStatus, type Target } from './spec-http';

interface Inspected {
  State: { StartedAt: string; FinishedAt: string; Health?: { Status: string } };
  Config: { Labels: Record<string, string>; Env: string[] };
}

/** Dokploy's Plane template as Dokploy deploys it, reached through a Traefik stand-in over TLS. */
describe('dokploy layout (/etc/dokploy/compose/plane-lab/code)', () => {
  let lab: Lab;
  let site: Target;
  let origin: string;
  const inspect = async (service: string): Promise<Inspected> => {
    const name = (await projectContainers(lab.projectName)).get(service)!.name;
    return (JSON.parse((await docker(['inspect', name])).stdout) as Inspected[])[0]!;
  };

  beforeAll(async () => {
    lab = await startLab({ layout: 'dokploy', sshd: false });
    site = { port: lab.httpsPort!, hostname: DOKPLOY_HOST, tls: { servername: DOKPLOY_HOST, ca: readFileSync(lab.caCertPath!, 'utf8') } };
    origin = `https://${DOKPLOY_HOST}:${lab.httpsPort}`;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it("runs the template's 13 services (plus the Traefik stand-in) as project plane-lab, migrator exited 0", async () => {
    expect(lab.projectName).toBe(DOKPLOY_APP);
    const containers = await projectContainers(DOKPLOY_APP);
    expect([...containers.keys()].sort()).toEqual([...dokployServices, DOKPLOY_EDGE].sort());
    for (const [service, c] of containers) {
      if (service === 'plane-migrator')
        expect({ service, state: c.state, exitCode: c.exitCode }).toEqual({ service, state: 'exited', exitCode: 0 });
      else expect({ service, state: c.state }).toEqual({ service, state: 'running' });
    }
  });

  it("passes the template's healthchecks and starts plane-api only after plane-migrator succeeded", async () => {
    for (const service of ['plane-db', 'plane-redis', 'plane-mq'])
      expect({ service, health: (await inspect(service)).State.Health?.Status }).toEqual({ service, health: 'healthy' });
    const migrator = await inspect('plane-migrator');
    const api = await inspect('plane-api');
    expect(Date.parse(api.State.StartedAt)).toBeGreaterThanOrEqual(Date.parse(migrator.State.FinishedAt));
  });

  it("keeps Dokploy's files: code/docker-compose.yml and a .env with APP_NAME and COMPOSE_PROJECT_NAME", async () => {
    expect(lab.composeDir.endsWith(join('etc', 'dokploy', 'compose', DOKPLOY_APP, 'code'))).toBe(true);
    const env = readFileSync(lab.envFiles['.env']!, 'utf8');
    expect(env).toMatch(/^APP_NAME=plane-lab$/m);
    expect(env).toMatch(/^COMPOSE_PROJECT_NAME=plane-lab$/m);
    expect(env).toMatch(/^API_BASE_URL=http:\/\/plane-api:8000$/m);
    expect(env).toContain(`WEB_URL=${origin}`);
    const compose = readFileSync(join(lab.composeDir, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('condition: service_completed_successfully');
    expect(compose).toContain('- "plane-api:api"');
    expect((await inspect('plane-live')).Config.Env).toContain('API_BASE_URL=http://plane-api:8000');
  });

  it('labels proxy like a Dokploy domain (Host rule, websecure, port 80) and resolves the links aliases to this stack', async () => {
    const proxy = await inspect('proxy');
    const labels = proxy.Config.Labels;
    expect(labels['traefik.enable']).toBe('true');
    expect(labels['com.docker.compose.project']).toBe(DOKPLOY_APP);
    const secure = `traefik.http.routers.${DOKPLOY_APP}-1-websecure`;
    expect(labels[`${secure}.rule`]).toBe(`Host(\`${DOKPLOY_HOST}\`)`);
    expect(labels[`${secure}.entrypoints`]).toBe('websecure');
    expect(labels[`${secure}.tls.certresolver`]).toBe('letsencrypt');
    expect(labels[`traefik.http.services.${DOKPLOY_APP}-1-websecure.loadbalancer.server.port`]).toBe('80');
    const proxyName = (await projectContainers(DOKPLOY_APP)).get('proxy')!.name;
    const resolved = (await docker(['exec', proxyName, 'getent', 'hosts', 'api'])).stdout.split(/\s+/)[0];
    const apiName = (await projectContainers(DOKPLOY_APP)).get('plane-api')!.name;
    const apiIp = (await docker(['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', apiName])).stdout.trim();
    expect(resolved).toBe(apiIp);
  });

  it("answers Plane's routes over https through Traefik and Plane's Caddy", async () => {
    const home = await send(site, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Plane</title>');
    const instances = await send(site, '/api/instances/');
    expect(JSON.parse(instances.body)).toMatchObject({ instance: { current_version: 'v1.3.1', domain: origin } });
    expect((await send(site, '/api/users/me/')).status).toBe(401);
    expect(JSON.parse((await send(site, '/live/health')).body)).toMatchObject({ status: 'OK' });
    expect(
      await upgradeStatus(
        site,
        '/live/collaboration?documentType=project_page&projectId=00000000-0000-0000-0000-000000000000&workspaceSlug=probe',
      ),
    ).toBe(101);
    expect((await send(site, '/god-mode')).status).toBe(301);
    expect((await send(site, '/spaces/')).body).toContain('Spaces');
    const bucket = await send(site, '/uploads/');
    expect(bucket.header('server')).toContain('MinIO');
    const plain = await send({ port: lab.httpPort, hostname: DOKPLOY_HOST }, '/');
    expect(plain.status).toBe(308);
  });

  it('echoes the https origin on CORS, sets Secure cookies and redirects a failed sign-in to WEB_URL', async () => {
    const preflight = await send(site, '/api/users/me/', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.header('access-control-allow-origin')).toEqual([origin]);
    const csrf = await send(site, '/auth/get-csrf-token/');
    const cookie = csrf.header('set-cookie').find((c) => c.startsWith('csrftoken='))!;
    expect(cookie).toMatch(/;\s*Secure/i);
    const res = await send(site, '/auth/sign-in/', {
      method: 'POST',
      headers: { Origin: origin, Cookie: cookie.split(';')[0]!, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrfmiddlewaretoken: (JSON.parse(csrf.body) as { csrf_token: string }).csrf_token,
        email: 'nobody@lab.test',
      }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.header('location')[0]).toMatch(new RegExp(`^${origin}/sign-in\\?error_code=`));
  });
});
