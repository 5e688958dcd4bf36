import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from './lab';
import { SPLIT_OLD_API_URL, SPLIT_WEB_HOST } from './layout-split';
import { containerLogs, eventually, projectContainers, send, splitTargets, upgradeStatus, type Target } from './spec-http';

/**
 * One split lab for the whole file. Faults whose symptoms live in different services are applied
 * together (each assertion still targets one fault's own symptom), so Compose recreates only what
 * each step touches and the file stays near two minutes on two cores.
 */
describe('split layout faults', () => {
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

  const logsOf = async (service: string): Promise<string> => {
    const c = (await projectContainers(lab.projectName)).get(service);
    return c ? containerLogs(c.name) : '';
  };
  const preflight = (o: string) =>
    send(api, '/api/users/me/', { method: 'OPTIONS', headers: { Origin: o, 'Access-Control-Request-Method': 'GET' } });
  const csrfSignIn = async (): Promise<{ status: number; location: string; body: string; cookie: string }> => {
    const csrf = await send(api, '/auth/get-csrf-token/');
    const cookie = csrf.header('set-cookie').find((c) => c.startsWith('csrftoken=')) ?? '';
    const token = csrf.status === 200 ? (JSON.parse(csrf.body) as { csrf_token: string }).csrf_token : '';
    const res = await send(api, '/auth/sign-in/', {
      method: 'POST',
      headers: { Origin: origin, Cookie: cookie.split(';')[0]!, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfmiddlewaretoken: token, email: 'nobody@lab.test', password: 'x' }).toString(),
    });
    return { status: res.status, location: res.header('location')[0] ?? '', body: res.body, cookie };
  };

  describe('frontend, edge, live and WEB_URL faults applied together', () => {
    beforeAll(async () => {
      await lab.applyFaults([
        'live-secret-mismatch',
        'frontend-api-url-mismatch',
        'duplicate-allow-origin',
        'ws-upgrade-stripped',
        'mixed-scheme',
      ]);
    });

    it("live-secret-mismatch: live refuses the api side's secret and both logs say so", async () => {
      expect(await eventually(async () => (await logsOf('plane-live')).includes('Unauthorized: invalid live-server-secret-key'))).toBe(
        true,
      );
      expect(await eventually(async () => /live server rejected the request: 401/.test(await logsOf('plane-worker')))).toBe(true);
      const apiKey = /^LIVE_SERVER_SECRET_KEY=(.*)$/m.exec(readFileSync(lab.envFiles['.env.api']!, 'utf8'))?.[1] ?? '';
      const convert = await send(web, '/live/convert-document/', {
        method: 'POST',
        headers: { 'live-server-secret-key': apiKey, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(convert.status).toBe(401);
    });

    it("frontend-api-url-mismatch: the served bundle calls the old API domain, not .env.frontend's", async () => {
      const html = (await send(web, '/')).body;
      const bundle = (await send(web, /src="([^"]+\.js)"/.exec(html)![1]!)).body;
      const configured = /^VITE_API_BASE_URL=(.*)$/m.exec(readFileSync(lab.envFiles['.env.frontend']!, 'utf8'))![1]!;
      expect(bundle).toContain(SPLIT_OLD_API_URL);
      expect(bundle).not.toContain(configured);
    });

    it('duplicate-allow-origin: API responses carry two Access-Control-Allow-Origin values', async () => {
      const res = await send(api, '/api/instances/', { headers: { Origin: origin } });
      expect(res.header('access-control-allow-origin').sort()).toEqual(['*', origin].sort());
    });

    it('ws-upgrade-stripped: /live/collaboration does not return 101 while /live/health works', async () => {
      expect((await send(web, '/live/health')).status).toBe(200);
      expect(await upgradeStatus(web, '/live/collaboration?documentType=project_page')).not.toBe(101);
    });

    it('mixed-scheme: a sign-in on the https API redirects to an http WEB_URL', async () => {
      const res = await csrfSignIn();
      expect(res.status).toBe(302);
      expect(res.location).toMatch(new RegExp(`^http://${SPLIT_WEB_HOST}:${lab.httpsPort}/sign-in\\?`));
    });
  });

  it('cors-trailing-slash: plane-api and plane-migrator stop on corsheaders.E014, the API domain answers 502', async () => {
    await lab.applyFaults(['cors-trailing-slash']);
    expect(await eventually(async () => (await logsOf('plane-api')).includes('corsheaders.E014'))).toBe(true);
    expect(await logsOf('plane-migrator')).toContain('should not have path');
    expect((await send(api, '/api/instances/')).status).toBe(502);
  });

  it('cors-wildcard: plane-api stops on corsheaders.E013', async () => {
    await lab.applyFaults(['cors-wildcard']);
    expect(await eventually(async () => (await logsOf('plane-api')).includes('corsheaders.E013'))).toBe(true);
  });

  it('cors-wrong-origin: the frontend origin is not echoed and sign-in fails CSRF', async () => {
    await lab.applyFaults(['cors-wrong-origin']);
    expect((await preflight(origin)).header('access-control-allow-origin')).toEqual([]);
    const res = await csrfSignIn();
    expect(res.status).toBe(403);
    expect(res.body).toContain('CSRF Verification Failed');
  });

  it('cors-empty: any origin is echoed, yet the cross-origin sign-in fails CSRF (no trusted origins)', async () => {
    await lab.applyFaults(['cors-empty']);
    const echoed = await preflight('https://probe.invalid');
    expect(echoed.header('access-control-allow-origin')).toEqual(['https://probe.invalid']);
    expect(echoed.header('access-control-allow-credentials')).toEqual(['true']);
    expect((await csrfSignIn()).status).toBe(403);
  });

  it('api-down + live-secret-missing + migrator-fails: 502 on the API domain, live crash-loops, migrator exits 1', async () => {
    await lab.applyFaults(['api-down', 'live-secret-missing', 'migrator-fails']);
    expect((await send(api, '/api/instances/')).status).toBe(502);
    expect((await send(web, '/')).status).toBe(200);
    expect(await eventually(async () => ((await projectContainers(lab.projectName)).get('plane-live')?.restarts ?? 0) >= 1)).toBe(true);
    expect(await logsOf('plane-live')).toContain('Invalid environment variables');
    expect((await send(web, '/live/health')).status).toBe(502);
    expect(await eventually(async () => (await projectContainers(lab.projectName)).get('plane-migrator')?.exitCode === 1)).toBe(true);
    expect(await logsOf('plane-migrator')).toContain('ProgrammingError');
    expect((await projectContainers(lab.projectName)).get('plane-api')?.state).toBe('exited');
  });
});
