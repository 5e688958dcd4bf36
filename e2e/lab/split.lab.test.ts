import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from './lab';
import { SPLIT_API_HOST, SPLIT_EDGE, SPLIT_WEB_HOST, splitServices } from './layout-split';
import { containerLogs, eventually, projectContainers, send, splitTargets, upgradeStatus, type Target } from './spec-http';

const envOf = (path: string): Map<string, string> =>
  new Map(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

/** The user-guide layout: frontend and API on two https domains behind a Traefik stand-in. */
describe('split layout (plane.lab.test + plane-api.lab.test)', () => {
  let lab: Lab;
  let web: Target;
  let api: Target;
  let origin: string;

  beforeAll(async () => {
    lab = await startLab({ layout: 'split', sshd: false });
    ({ web, api, origin } = splitTargets(lab));
  });
  afterAll(async () => {
    await lab?.stop();
  });

  const bundleOf = async (): Promise<string> => {
    const html = (await send(web, '/')).body;
    const src = /src="([^"]+\.js)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    return (await send(web, src!)).body;
  };

  it('runs every service plus the edge proxy, with plane-migrator exited 0', async () => {
    const containers = await projectContainers(lab.projectName);
    expect([...containers.keys()].sort()).toEqual([...splitServices, SPLIT_EDGE].sort());
    for (const [service, c] of containers) {
      if (service === 'plane-migrator')
        expect({ service, state: c.state, exitCode: c.exitCode }).toEqual({ service, state: 'exited', exitCode: 0 });
      else expect({ service, state: c.state }).toEqual({ service, state: 'running' });
    }
  });

  it("keeps the guide's three env files with the checklist values", () => {
    const envApi = envOf(lab.envFiles['.env.api']!);
    const envFrontend = envOf(lab.envFiles['.env.frontend']!);
    const envLive = envOf(lab.envFiles['.env.live']!);
    expect(envApi.get('CORS_ALLOWED_ORIGINS')).toBe(origin);
    expect(envApi.get('API_BASE_URL')).toBe(`https://${SPLIT_API_HOST}:${lab.httpsPort}`);
    expect(envFrontend.get('VITE_API_BASE_URL')).toBe(envApi.get('API_BASE_URL'));
    expect(envFrontend.get('NEXT_PUBLIC_API_BASE_URL')).toBe(envApi.get('API_BASE_URL'));
    expect(envLive.get('ALLOWED_ORIGINS')).toBe(origin);
    expect(envLive.get('API_BASE_URL')).toBe('http://plane-api:8000');
    expect(envLive.get('LIVE_SERVER_SECRET_KEY')).toBe(envApi.get('SECRET_KEY'));
    const compose = readFileSync(join(lab.composeDir, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`traefik.http.routers.plane-api.rule=Host(\`${SPLIT_API_HOST}\`)`);
  });

  it("serves the frontend over TLS from the lab CA, with the guide's security headers", async () => {
    const home = await send(web, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Plane</title>');
    expect(home.header('x-frame-options')).toEqual(['SAMEORIGIN']);
    expect(home.header('x-content-type-options')).toEqual(['nosniff']);
    expect(home.header('x-xss-protection')).toEqual(['1; mode=block']);
    expect(home.header('referrer-policy')).toEqual(['strict-origin-when-cross-origin']);
    expect((await send(web, '/god-mode')).status).toBe(301);
    expect((await send(web, '/god-mode/')).body).toContain('God Mode');
    expect((await send(web, '/spaces/')).body).toContain('Spaces');
    await expect(send({ ...web, tls: { servername: SPLIT_WEB_HOST, ca: '' } }, '/')).rejects.toThrow(/certificate/i);
    const plain = await send({ port: lab.httpPort, hostname: SPLIT_WEB_HOST }, '/');
    expect(plain.status).toBe(308);
    expect(plain.header('location')[0]).toMatch(/^https:\/\/plane\.lab\.test/);
  });

  it('bakes the API URL of .env.frontend into the bundle the HTML references', async () => {
    expect(await bundleOf()).toContain(JSON.stringify(envOf(lab.envFiles['.env.frontend']!).get('VITE_API_BASE_URL')));
  });

  it('answers on the API domain as Plane does, with CORS for the frontend origin only', async () => {
    const instances = await send(api, '/api/instances/');
    expect(instances.status).toBe(200);
    expect(JSON.parse(instances.body)).toMatchObject({ instance: { current_version: 'v1.3.1', domain: origin } });
    expect((await send(api, '/api/users/me/')).status).toBe(401);
    const preflight = (o: string) =>
      send(api, '/api/users/me/', { method: 'OPTIONS', headers: { Origin: o, 'Access-Control-Request-Method': 'GET' } });
    const good = await preflight(origin);
    expect(good.header('access-control-allow-origin')).toEqual([origin]);
    expect(good.header('access-control-allow-credentials')).toEqual(['true']);
    expect((await preflight('https://probe.invalid')).header('access-control-allow-origin')).toEqual([]);
  });

  it('sets a Secure csrftoken and redirects a failed cross-origin sign-in to WEB_URL', async () => {
    const csrf = await send(api, '/auth/get-csrf-token/');
    const cookie = csrf.header('set-cookie').find((c) => c.startsWith('csrftoken='));
    expect(cookie).toMatch(/;\s*Secure/i);
    const token = (JSON.parse(csrf.body) as { csrf_token: string }).csrf_token;
    const res = await send(api, '/auth/sign-in/', {
      method: 'POST',
      headers: { Origin: origin, Cookie: cookie!.split(';')[0]!, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfmiddlewaretoken: token, email: 'nobody@lab.test', password: 'x' }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.header('location')[0]).toMatch(new RegExp(`^${origin}/sign-in\\?error_code=`));
  });

  it('passes /live through the frontend server: health, WebSocket 101, and the secret shared with the api', async () => {
    expect(JSON.parse((await send(web, '/live/health')).body)).toMatchObject({ status: 'OK' });
    expect(
      await upgradeStatus(
        web,
        '/live/collaboration?documentType=project_page&projectId=00000000-0000-0000-0000-000000000000&workspaceSlug=probe',
      ),
    ).toBe(101);
    const worker = (await projectContainers(lab.projectName)).get('plane-worker')!;
    expect(await eventually(async () => (await containerLogs(worker.name)).includes('live answered 200'))).toBe(true);
  });

  it('keeps the old bundle when .env.frontend is edited without a rebuild', async () => {
    const file = lab.envFiles['.env.frontend']!;
    const before = readFileSync(file, 'utf8');
    const oldBundle = await bundleOf();
    try {
      writeFileSync(file, before.replace(/^VITE_API_BASE_URL=.*$/m, 'VITE_API_BASE_URL=https://new-api.lab.test'));
      await lab.composeRun(['up', '-d']);
      const containers = await projectContainers(lab.projectName);
      expect(containers.get('plane-frontend')?.state).toBe('running');
      const bundle = await eventually(async () => ((await send(web, '/')).status === 200 ? bundleOf() : ''));
      expect(bundle).toBe(oldBundle);
      expect(bundle).not.toContain('new-api.lab.test');
    } finally {
      writeFileSync(file, before);
    }
  });
});
