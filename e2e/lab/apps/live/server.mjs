// Plane's live server (apps/live) as the Hangar lab runs it: real @hocuspocus/server 2.15.2 (the
// version Plane ships) on /live/collaboration, /live/health, POST /live/convert-document/ guarded by
// the live-server-secret-key header, and the boot checks Plane >= v1.1 performs. Plane mounts the
// routes on Express + express-ws; a bare node:http server answers the same paths.
// Runs on the host too: `node e2e/lab/apps/live/server.mjs` (with LIVE_SERVER_SECRET_KEY, API_BASE_URL).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { log, requireEnv, requireRedis } from './boot.mjs';
import { createCollaborationServer } from './collaboration.mjs';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const basePath = env.LIVE_BASE_PATH ?? '/live';
const version = env.APP_VERSION ?? 'v1.3.1';

requireEnv(env);
await requireRedis(env);

const hocuspocus = createCollaborationServer(env);
const wss = new WebSocketServer({ noServer: true });

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://live');
  if (req.method === 'GET' && (url.pathname === `${basePath}/health` || url.pathname === `${basePath}/health/`)) {
    return json(res, 200, { status: 'OK', timestamp: new Date().toISOString(), version });
  }
  if (req.method === 'POST' && url.pathname.startsWith(`${basePath}/convert-document`)) {
    req.resume();
    if (req.headers['live-server-secret-key'] !== env.LIVE_SERVER_SECRET_KEY) {
      log('warn', 'Unauthorized: invalid live-server-secret-key');
      return json(res, 401, { error: 'Unauthorized' });
    }
    return json(res, 200, { description_html: '<p></p>', description_binary: '' });
  }
  // A handshake whose Upgrade/Connection headers a proxy dropped arrives as a plain GET.
  if (url.pathname.startsWith(`${basePath}/collaboration`)) return json(res, 426, { error: 'Upgrade Required' });
  json(res, 404, { error: 'Not Found' });
});

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://live');
  if (url.pathname !== `${basePath}/collaboration` && url.pathname !== `${basePath}/collaboration/`) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
});
server.on('request', (req, res) => res.on('finish', () => log('info', `${req.method} ${req.url} ${res.statusCode}`)));
server.listen(port, () => log('info', `Plane Live server has started at port ${port}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    log('info', `${signal} received, shutting down`);
    hocuspocus.closeConnections();
    for (const ws of wss.clients) ws.terminate();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
