import { createServer, type Server } from 'node:http';

/** The frontends and MinIO as the proxy sees them: each app on its own port. */
export type StaticApp = 'web' | 'admin' | 'space' | 'minio';

/**
 * One app server. `web` answers its SPA shell for every path (nginx try_files) and serves a
 * bundle with the API URL baked in; `admin` and `space` serve shells whose assets live under
 * their base path; `minio` answers S3 XML errors with `Server: MinIO`. The frontends send the
 * security headers the user's guide configures in nginx.
 */
export async function startStaticApp(
  app: StaticApp,
  options: { bakedApiUrl?: string } = {},
): Promise<{ port: number; stop(): Promise<void> }> {
  const security = {
    'x-frame-options': 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    if (app === 'minio') {
      res.writeHead(403, { 'content-type': 'application/xml', server: 'MinIO' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>${path}</Resource></Error>`,
      );
      return;
    }
    if (app === 'web' && path === '/assets/index-lab.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', ...security });
      res.end(`import"./chunk-api.js";console.log("plane web");`);
      return;
    }
    if (app === 'web' && path === '/assets/chunk-api.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', ...security });
      res.end(`const API_BASE_URL="${options.bakedApiUrl ?? ''}"||"";const SVG="http://www.w3.org/2000/svg";export{API_BASE_URL,SVG};`);
      return;
    }
    const base = app === 'admin' ? '/god-mode/' : app === 'space' ? '/spaces/' : '/';
    res.writeHead(200, { 'content-type': 'text/html', ...security });
    res.end(
      `<!doctype html><html><head><title>Plane</title><script type="module" crossorigin src="${base}assets/index-lab.js"></script></head><body><div id="root"></div></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
