import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from './lab';
import { communityServices } from './layout-community';
import { projectContainers, send, upgradeStatus, type Target } from './spec-http';

const run = promisify(execFile);

describe('community layout (plane-app/)', () => {
  let lab: Lab;
  let target: Target;
  let origin: string;

  beforeAll(async () => {
    lab = await startLab({ layout: 'community' });
    target = { port: lab.httpPort };
    origin = `http://127.0.0.1:${lab.httpPort}`;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('runs all 13 Plane services, with the migrator exited 0', async () => {
    const containers = await projectContainers(lab.projectName);
    expect([...containers.keys()].sort()).toEqual([...communityServices].sort());
    for (const [service, c] of containers) {
      if (service === 'migrator') expect({ service, state: c.state, exitCode: c.exitCode }).toEqual({ service, state: 'exited', exitCode: 0 });
      else expect({ service, state: c.state }).toEqual({ service, state: 'running' });
    }
  });

  it('keeps Plane\'s files on disk: compose file with the same services and plane.env with the same variables', () => {
    const compose = readFileSync(join(lab.composeDir, 'docker-compose.yaml'), 'utf8');
    for (const anchor of ['x-db-env: &db-env', 'x-app-env: &app-env', 'x-live-env: &live-env', 'x-proxy-env: &proxy-env']) expect(compose).toContain(anchor);
    const env = readFileSync(lab.envFiles['plane.env']!, 'utf8');
    expect(env).toContain(`WEB_URL=${origin}`);
    expect(env).toMatch(/^LIVE_SERVER_SECRET_KEY=$/m);
  });

  it('answers the routes the way Plane does through the proxy', async () => {
    const home = await send(target, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<title>Plane</title>');
    const instances = await send(target, '/api/instances/');
    expect(instances.status).toBe(200);
    expect(JSON.parse(instances.body)).toMatchObject({ instance: { current_version: 'v1.3.1', is_setup_done: true } });
    expect((await send(target, '/api/users/me/')).status).toBe(401);
    expect(JSON.parse((await send(target, '/live/health')).body)).toMatchObject({ status: 'OK' });
    expect((await send(target, '/god-mode')).status).toBe(301);
    expect((await send(target, '/god-mode/')).body).toContain('God Mode');
    expect((await send(target, '/spaces/')).body).toContain('Spaces');
    const bucket = await send(target, '/uploads/');
    expect(bucket.header('server')).toContain('MinIO');
    expect(bucket.body).toContain('<Code>AccessDenied</Code>');
  });

  it('upgrades /live/collaboration to a WebSocket (101)', async () => {
    expect(await upgradeStatus(target, '/live/collaboration?documentType=project_page&projectId=00000000-0000-0000-0000-000000000000&workspaceSlug=probe')).toBe(101);
  });

  it('echoes only the configured origin on a CORS preflight and sets a non-Secure csrftoken on http', async () => {
    const preflight = (o: string) => send(target, '/api/users/me/', { method: 'OPTIONS', headers: { Origin: o, 'Access-Control-Request-Method': 'GET' } });
    const good = await preflight(origin);
    expect(good.header('access-control-allow-origin')).toEqual([origin]);
    expect(good.header('access-control-allow-credentials')).toEqual(['true']);
    expect((await preflight('https://probe.invalid')).header('access-control-allow-origin')).toEqual([]);
    const csrf = await send(target, '/auth/get-csrf-token/');
    const cookie = csrf.header('set-cookie').find((c) => c.startsWith('csrftoken='));
    expect(cookie).toBeDefined();
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('redirects a failed sign-in to WEB_URL (302 with error_code)', async () => {
    const csrf = await send(target, '/auth/get-csrf-token/');
    const token = (JSON.parse(csrf.body) as { csrf_token: string }).csrf_token;
    const cookie = csrf.header('set-cookie')[0]!.split(';')[0]!;
    const res = await send(target, '/auth/sign-in/', {
      method: 'POST',
      headers: { Origin: origin, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfmiddlewaretoken: token, email: 'nobody@lab.test', password: 'x' }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.header('location')[0]).toMatch(new RegExp(`^${origin}/sign-in\\?error_code=`));
  });

  it('labels containers like Compose does and shows them through the lab sshd', async () => {
    const sshd = lab.sshd!;
    const knownHosts = join(sshd.dir, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
    const { stdout } = await run('ssh', [
      '-p', String(sshd.port), '-i', sshd.clientKeyPath, '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${knownHosts}`,
      `${sshd.user}@127.0.0.1`,
      `docker ps -a --filter label=com.docker.compose.project=${lab.projectName} --format '{{.Label "com.docker.compose.service"}} {{.Label "com.docker.compose.project.working_dir"}}'`,
    ], { timeout: 20_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines).toContain(`api ${lab.composeDir}`);
  });
});
