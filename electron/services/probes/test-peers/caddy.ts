import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProcess, waitForPort, type PeerProcess } from './child-process';

/** Where each upstream listens on 127.0.0.1. An absent upstream is routed to a closed port (502). */
export interface Upstreams {
  web: number;
  admin: number;
  space: number;
  live: number;
  api: number;
  minio: number;
}

/** Proxy customisations users make that break Plane (the lab's proxy faults). */
export interface CaddyFaults {
  /** `header_down +Access-Control-Allow-Origin "*"` on /api/*: a second Allow-Origin. */
  duplicateAllowOrigin?: boolean;
  /** `header_up -Upgrade -Connection` on /live/*: no WebSocket upgrade reaches live. */
  stripUpgrade?: boolean;
}

/** How the proxy is set up: upstream ports, host names, TLS files and faults. */
export interface CaddyOptions {
  upstreams: Upstreams;
  faults?: CaddyFaults;
  /** Split layout: the API gets its own host name on the same port. */
  apiHost?: string;
  webHost: string;
  tls?: { certPath: string; keyPath: string };
  /** The site port (chosen by the caller, since origins in env values must name it). */
  port: number;
  /** Plain-http port (with TLS it redirects to https). */
  httpPort: number;
}

/** A running Caddy; `stop()` ends the process. */
export interface CaddyPeer {
  port: number;
  /** Plain-http port that redirects to https (only with TLS). */
  httpPort: number;
  process: PeerProcess;
  stop(): Promise<void>;
}

/**
 * Caddy (/usr/bin/caddy) in front of the peers with Plane's routes (apps/proxy/Caddyfile.ce),
 * on 127.0.0.1 only, admin API off, state in `dir`.
 */
export async function startCaddy(dir: string, options: CaddyOptions): Promise<CaddyPeer> {
  const { port, httpPort } = options;
  await mkdir(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'Caddyfile');
  await writeFile(config, caddyfile(port, httpPort, options));
  const process_ = startProcess('/usr/bin/caddy', ['run', '--config', config, '--adapter', 'caddyfile'], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', HOME: dir, XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config') },
  });
  await waitForPort(port, process_);
  return { port, httpPort, process: process_, stop: () => process_.stop() };
}

/** The Caddyfile: Plane's path routing, split across two hosts when `apiHost` is set. */
export function caddyfile(port: number, httpPort: number, options: CaddyOptions): string {
  const u = options.upstreams;
  const up = (p: number): string => `127.0.0.1:${p}`;
  const scheme = options.tls ? 'https' : 'http';
  const tls = options.tls
    ? `\ttls ${options.tls.certPath} ${options.tls.keyPath}\n\theader Strict-Transport-Security "max-age=31536000"\n`
    : '';
  const apiRoute = options.faults?.duplicateAllowOrigin
    ? `\treverse_proxy /api/* ${up(u.api)} {\n\t\theader_down +Access-Control-Allow-Origin "*"\n\t}\n`
    : `\treverse_proxy /api/* ${up(u.api)}\n`;
  const liveRoute = options.faults?.stripUpgrade
    ? `\treverse_proxy /live/* ${up(u.live)} {\n\t\theader_up -Upgrade\n\t\theader_up -Connection\n\t}\n`
    : `\treverse_proxy /live/* ${up(u.live)}\n`;
  const apiRoutes = `${apiRoute}\treverse_proxy /auth/* ${up(u.api)}\n\treverse_proxy /uploads/* ${up(u.minio)}\n\treverse_proxy /uploads ${up(u.minio)}\n`;
  const webRoutes = `\tredir /spaces /spaces/ permanent\n\treverse_proxy /spaces/* ${up(u.space)}\n\tredir /god-mode /god-mode/ permanent\n\treverse_proxy /god-mode/* ${up(u.admin)}\n${liveRoute}`;
  const global = `{\n\tadmin off\n\thttp_port ${httpPort}\n\thttps_port ${options.tls ? port : httpPort + 1}\n\tskip_install_trust\n}\n`;
  const web = `${scheme}://${options.webHost}:${port} {\n${tls}\tbind 127.0.0.1\n${webRoutes}${options.apiHost ? '' : apiRoutes}\treverse_proxy /* ${up(u.web)}\n}\n`;
  const api = options.apiHost ? `${scheme}://${options.apiHost}:${port} {\n${tls}\tbind 127.0.0.1\n${apiRoutes}}\n` : '';
  return `${global}${web}${api}`;
}
