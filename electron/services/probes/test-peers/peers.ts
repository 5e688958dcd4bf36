import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeInput } from '../../../../shared/schemas/probe';
import { startCaddy, type CaddyFaults, type Upstreams } from './caddy';
import { freePort } from './child-process';
import { startDjangoApi, type DjangoApi } from './django-api';
import { ensureLabTls } from '../../../../e2e/lab/tls';
import { startLiveServer } from './live-server';
import { startStaticApp } from './static-apps';

/** Names the peers answer to; probes resolve them to 127.0.0.1 through overrides, never DNS. */
export const WEB_HOST = 'plane.lab.test';
export const API_HOST = 'api.lab.test';

/** One deployment shape to probe, with the faults a user could have introduced. */
export interface PeerScenario {
  layout: 'community' | 'split';
  https?: boolean;
  /** CORS_ALLOWED_ORIGINS as written in the env file; `{web}` is replaced by the web origin. Default `{web}`. */
  corsAllowedOrigins?: string;
  caddy?: CaddyFaults;
  /** Do not start the API at all (a stopped container). */
  apiDown?: boolean;
  /** The API URL baked into the web bundle; `{api}` is replaced by the API origin. Default `{api}` in split. */
  bakedApiUrl?: string;
  /** VITE_API_BASE_URL as .env.frontend says; default `{api}` in split. */
  frontendEnvApiUrl?: string;
}

/** Running peers and the probe input that points at them (overrides, CA, env values). */
export interface RunningPeers {
  input: ProbeInput;
  webOrigin: string;
  apiOrigin: string;
  api?: DjangoApi;
  stop(): Promise<void>;
}

/**
 * Real peers on 127.0.0.1 behind real Caddy: Django + django-cors-headers configured like
 * Plane, a `ws` live server, the frontends and a MinIO stand-in. Host names resolve through the
 * probe's override, so SNI and Host carry the names as in production.
 */
export async function startPeers(scenario: PeerScenario): Promise<RunningPeers> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-probe-peers-'));
  const stops: Array<() => Promise<void>> = [() => rm(dir, { recursive: true, force: true })];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const https = scenario.https === true;
    const port = await freePort();
    const httpPort = await freePort();
    const scheme = https ? 'https' : 'http';
    const webOrigin = `${scheme}://${WEB_HOST}:${port}`;
    const apiOrigin = scenario.layout === 'split' ? `${scheme}://${API_HOST}:${port}` : webOrigin;
    const fill = (value: string): string => value.replaceAll('{web}', webOrigin).replaceAll('{api}', apiOrigin);
    const cors = fill(scenario.corsAllowedOrigins ?? '{web}');
    const baked = scenario.bakedApiUrl ?? (scenario.layout === 'split' ? '{api}' : '');
    const started = <T extends { stop(): Promise<void> }>(peer: T): T => {
      stops.push(() => peer.stop());
      return peer;
    };
    const api = scenario.apiDown ? undefined : started(await startDjangoApi(cors, webOrigin));
    const [web, admin, space, minio, live] = await Promise.all([
      startStaticApp('web', { bakedApiUrl: fill(baked) }).then(started),
      startStaticApp('admin').then(started),
      startStaticApp('space').then(started),
      startStaticApp('minio').then(started),
      startLiveServer().then(started),
    ]);
    const upstreams: Upstreams = {
      web: web.port,
      admin: admin.port,
      space: space.port,
      minio: minio.port,
      live: live.port,
      api: api?.running ? api.port : await freePort(),
    };
    const certs = https ? await ensureLabTls(join(dir, 'tls'), [WEB_HOST, API_HOST]) : undefined;
    started(
      await startCaddy(dir, {
        port,
        httpPort,
        upstreams,
        webHost: WEB_HOST,
        ...(scenario.layout === 'split' ? { apiHost: API_HOST } : {}),
        ...(scenario.caddy ? { faults: scenario.caddy } : {}),
        ...(certs ? { tls: { certPath: certs.certPath, keyPath: certs.keyPath } } : {}),
      }),
    );
    const frontendApiUrl = scenario.frontendEnvApiUrl ?? (scenario.layout === 'split' ? '{api}' : undefined);
    const input: ProbeInput = {
      webUrl: webOrigin,
      layout: scenario.layout,
      resolve: [
        { host: WEB_HOST, address: '127.0.0.1' },
        { host: API_HOST, address: '127.0.0.1' },
      ],
      expected: {
        corsAllowedOrigins: cors.split(','),
        serverAddresses: ['127.0.0.1'],
        ...(frontendApiUrl ? { frontendApiUrl: fill(frontendApiUrl) } : {}),
      },
      timeoutMs: 3000,
      ...(scenario.layout === 'split' ? { apiUrl: apiOrigin } : {}),
      ...(certs ? { caPem: await readFile(certs.caCertPath, 'utf8') } : {}),
    };
    return { input, webOrigin, apiOrigin, ...(api ? { api } : {}), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
