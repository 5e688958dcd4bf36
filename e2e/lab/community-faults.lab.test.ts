import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from './lab';
import { containerLogs, eventually, projectContainers, send, upgradeStatus, type Target } from './spec-http';

/**
 * One community lab for the whole file; each spec switches to its fault with `applyFaults`, so
 * Compose recreates only the services whose config the fault touches. Every symptom is checked
 * with plain HTTP/WebSocket requests or container state/logs, as an operator would see it.
 */
describe('community layout faults', () => {
  let lab: Lab;
  let target: Target;
  let origin: string;

  beforeAll(async () => {
    lab = await startLab({ layout: 'community', sshd: false });
    target = { port: lab.httpPort };
    origin = `http://127.0.0.1:${lab.httpPort}`;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  const logsOf = async (service: string): Promise<string> => {
    const c = (await projectContainers(lab.projectName)).get(service);
    return c ? containerLogs(c.name) : '';
  };
  const preflight = (o: string) => send(target, '/api/users/me/', { method: 'OPTIONS', headers: { Origin: o, 'Access-Control-Request-Method': 'GET' } });

  it('cors-trailing-slash: api and migrator stop on corsheaders.E014', async () => {
    await lab.applyFaults(['cors-trailing-slash']);
    expect(await eventually(async () => (await logsOf('api')).includes('corsheaders.E014'))).toBe(true);
    expect(await logsOf('migrator')).toContain('should not have path');
    expect((await send(target, '/api/instances/')).status).toBe(502);
  });

  it('cors-wildcard: api stops on corsheaders.E013', async () => {
    await lab.applyFaults(['cors-wildcard']);
    expect(await eventually(async () => (await logsOf('api')).includes('corsheaders.E013'))).toBe(true);
  });

  it('cors-wrong-origin: the browser origin is not echoed and sign-in fails CSRF', async () => {
    await lab.applyFaults(['cors-wrong-origin']);
    expect((await preflight(origin)).header('access-control-allow-origin')).toEqual([]);
    const res = await send(target, '/auth/sign-in/', { method: 'POST', headers: { Origin: 'http://plane.lab.test', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.c' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('CSRF Verification Failed');
  });

  it('cors-empty: any origin is echoed with credentials (allow-all)', async () => {
    await lab.applyFaults(['cors-empty']);
    const res = await preflight('https://probe.invalid');
    expect(res.header('access-control-allow-origin')).toEqual(['https://probe.invalid']);
    expect(res.header('access-control-allow-credentials')).toEqual(['true']);
  });

  it('mixed-scheme: the csrftoken cookie is Secure although WEB_URL is http', async () => {
    await lab.applyFaults(['mixed-scheme']);
    const cookie = (await send(target, '/auth/get-csrf-token/')).header('set-cookie').find((c) => c.startsWith('csrftoken='));
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  it('duplicate-allow-origin: /api responses carry two Access-Control-Allow-Origin headers', async () => {
    await lab.applyFaults(['duplicate-allow-origin']);
    const res = await send(target, '/api/instances/', { headers: { Origin: origin } });
    expect(res.header('access-control-allow-origin').sort()).toEqual(['*', origin].sort());
  });

  it('ws-upgrade-stripped: /live/collaboration does not return 101 while /live/health works', async () => {
    await lab.applyFaults(['ws-upgrade-stripped']);
    expect((await send(target, '/live/health')).status).toBe(200);
    expect(await upgradeStatus(target, '/live/collaboration?documentType=project_page')).not.toBe(101);
  });

  it('live-secret-missing: live crash-loops with "Invalid environment variables"', async () => {
    await lab.applyFaults(['live-secret-missing']);
    const restarts = await eventually(async () => ((await projectContainers(lab.projectName)).get('live')?.restarts ?? 0) >= 1);
    expect(restarts).toBe(true);
    expect(await logsOf('live')).toContain('Invalid environment variables');
    expect((await send(target, '/live/health')).status).toBe(502);
  });

  it('db-password-drift: api logs password authentication failed and never serves', async () => {
    await lab.applyFaults(['db-password-drift']);
    expect(await eventually(async () => (await logsOf('api')).includes('password authentication failed for user "plane"'))).toBe(true);
    expect((await send(target, '/api/instances/')).status).toBe(502);
  });

  it('migrator-fails: the migrator exits 1 with a ProgrammingError', async () => {
    await lab.applyFaults(['migrator-fails']);
    const failed = await eventually(async () => (await projectContainers(lab.projectName)).get('migrator')?.exitCode === 1);
    expect(failed).toBe(true);
    expect(await logsOf('migrator')).toContain('ProgrammingError');
  });

  it('api-down: the proxy answers 502 on /api while the web app still loads', async () => {
    await lab.applyFaults(['api-down']);
    expect((await send(target, '/api/instances/')).status).toBe(502);
    expect((await send(target, '/')).status).toBe(200);
    expect((await projectContainers(lab.projectName)).get('api')?.state).toBe('exited');
  });
});
