import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A request to the lab's proxy on 127.0.0.1, optionally over TLS for a lab host name. */
export interface LoopbackRequest {
  port: number;
  path: string;
  headers?: Record<string, string>;
  /** TLS with SNI `servername`, trusting `ca` (the split layout's local CA). */
  tls?: { servername: string; ca: string };
}

/**
 * Polls until `accept(status)` holds. Status 0 means nothing answered. The lab waits on real
 * responses rather than container states, because "running" says nothing about Plane being up.
 */
export async function waitForHttp(
  req: LoopbackRequest,
  accept: (status: number) => boolean,
  opts: { timeoutMs: number; intervalMs?: number },
): Promise<number> {
  const deadline = Date.now() + opts.timeoutMs;
  let last = 0;
  for (;;) {
    last = await statusOf(req);
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`127.0.0.1:${req.port}${req.path} did not become ready within ${opts.timeoutMs} ms (last status ${last}).`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
  }
}

function statusOf(req: LoopbackRequest): Promise<number> {
  return new Promise((done) => {
    const options = { host: '127.0.0.1', port: req.port, path: req.path, headers: req.headers ?? {}, timeout: 3000 };
    const onResponse = (res: IncomingMessage): void => {
      res.resume();
      done(res.statusCode ?? 0);
    };
    const r = req.tls
      ? httpsRequest({ ...options, servername: req.tls.servername, ca: req.tls.ca }, onResponse)
      : httpRequest(options, onResponse);
    r.on('timeout', () => r.destroy());
    r.on('error', () => done(0));
    r.end();
  });
}
