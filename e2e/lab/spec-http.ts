import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { docker } from './docker-cli';
import type { Lab } from './lab';
import { SPLIT_API_HOST, SPLIT_WEB_HOST } from './layout-split';

/**
 * Plain Node HTTP/WebSocket probes for the lab's own specs. Deliberately independent of Hangar's
 * probe code: the lab is validated with these, then Hangar is validated against the lab.
 */
export interface Reply {
  status: number;
  /** Raw header lines (name lower-cased) so duplicated headers stay visible. */
  headerLines: Array<[string, string]>;
  header(name: string): string[];
  body: string;
}

/**
 * Target of a probe: the lab proxy on 127.0.0.1, optionally by a lab host name (`hostname`, e.g.
 * plane.lab.test: Host header and SNI carry it while the lookup answers 127.0.0.1, never DNS) and
 * optionally over TLS trusting the lab CA.
 */
export interface Target {
  port: number;
  hostname?: string;
  tls?: { servername: string; ca: string };
}

/** A `lookup` that resolves every name to 127.0.0.1: the specs' stand-in for a hosts-file entry. */
/**
 * The split layout's two https sites as targets (SNI and Host carry the lab names, the lab CA is
 * trusted), and the frontend origin the browser sends.
 */
export function splitTargets(lab: Pick<Lab, 'httpsPort' | 'caCertPath'>): { web: Target; api: Target; origin: string } {
  const { httpsPort: port, caCertPath } = lab;
  if (port === undefined || caCertPath === undefined) throw new Error('The split lab has no https port or CA.');
  const ca = readFileSync(caCertPath, 'utf8');
  const site = (hostname: string): Target => ({ port, hostname, tls: { servername: hostname, ca } });
  return { web: site(SPLIT_WEB_HOST), api: site(SPLIT_API_HOST), origin: `https://${SPLIT_WEB_HOST}:${port}` };
}

export const loopbackLookup = ((_host: string, opts: unknown, cb?: (...args: unknown[]) => void) => {
  const callback = (typeof opts === 'function' ? opts : cb) as (...args: unknown[]) => void;
  const all = typeof opts === 'object' && opts !== null && (opts as { all?: boolean }).all === true;
  if (all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as NonNullable<RequestOptions['lookup']>;

function connectOptions(target: Target): { host: string; port: number; lookup?: NonNullable<RequestOptions['lookup']> } {
  return target.hostname ? { host: target.hostname, port: target.port, lookup: loopbackLookup } : { host: '127.0.0.1', port: target.port };
}

export function send(
  target: Target,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const options = { ...connectOptions(target), path, method: init.method ?? 'GET', headers: init.headers ?? {}, timeout: 10_000 };
    const onResponse = (res: IncomingMessage): void => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolveReply(toReply(res, body)));
    };
    const req = target.tls
      ? httpsRequest({ ...options, servername: target.tls.servername, ca: target.tls.ca }, onResponse)
      : httpRequest(options, onResponse);
    req.on('timeout', () => req.destroy(new Error(`timeout on ${path}`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Sends a WebSocket upgrade as a browser would and returns the status (101 when upgraded). */
export function upgradeStatus(target: Target, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const options = {
      ...connectOptions(target),
      path,
      timeout: 10_000,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        ...headers,
      },
    };
    const req = target.tls ? httpsRequest({ ...options, servername: target.tls.servername, ca: target.tls.ca }) : httpRequest(options);
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function toReply(res: IncomingMessage, body: string): Reply {
  const headerLines: Array<[string, string]> = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) headerLines.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
  return {
    status: res.statusCode ?? 0,
    headerLines,
    header: (n) => headerLines.filter(([k]) => k === n.toLowerCase()).map(([, v]) => v),
    body,
  };
}

/** State, exit code and restart count of each container of a compose project, by service. */
export async function projectContainers(
  project: string,
): Promise<Map<string, { state: string; exitCode: number; restarts: number; name: string }>> {
  const ids = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split(/\s+/).filter(Boolean);
  const out = new Map<string, { state: string; exitCode: number; restarts: number; name: string }>();
  if (ids.length === 0) return out;
  const format = '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{.State.ExitCode}}|{{.RestartCount}}|{{.Name}}';
  for (const line of (await docker(['inspect', '-f', format, ...ids])).stdout.trim().split('\n')) {
    const [service = '', state = '', code = '0', restarts = '0', name = ''] = line.split('|');
    out.set(service, { state, exitCode: Number(code), restarts: Number(restarts), name: name.replace(/^\//, '') });
  }
  return out;
}

/** Combined stdout+stderr of a container. */
export async function containerLogs(name: string): Promise<string> {
  const r = await docker(['logs', name], { allowFailure: true });
  return r.stdout + r.stderr;
}

/** Polls `check` until it returns a truthy value or the time is up (then returns the last value). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined as T);
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
}
