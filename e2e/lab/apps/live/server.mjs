// Plane's live server (apps/live) as the Hangar lab runs it: /live/health, WebSocket upgrades on
// /live/collaboration, and the boot-time checks Plane >= v1.1 performs (LIVE_SERVER_SECRET_KEY
// present, Redis reachable). Runs on the host too: `node e2e/lab/apps/live/server.mjs`.
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { WebSocketServer } from 'ws';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const basePath = env.LIVE_BASE_PATH ?? '/live';
const version = env.APP_VERSION ?? 'v1.3.1';
const log = (level, msg) => console.log(JSON.stringify({ level, time: new Date().toISOString(), msg }));

if (!env.LIVE_SERVER_SECRET_KEY || !env.API_BASE_URL) {
  const missing = ['LIVE_SERVER_SECRET_KEY', 'API_BASE_URL'].filter((k) => !env[k]);
  console.error('❌ Invalid environment variables:', JSON.stringify(Object.fromEntries(missing.map((k) => [k, ['Required']]))));
  process.exit(1);
}

await checkRedis().catch((error) => {
  log('error', `REDIS_MANAGER: Failed to initialize: ${error.message}`);
  process.exit(1);
});

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket, request) => {
  log('info', `HocusPocus: connection opened ${request.url}`);
  socket.once('message', async () => {
    const cookie = request.headers.cookie ?? '';
    const res = await fetch(`${env.API_BASE_URL}/api/users/me/`, { headers: { cookie } }).catch(() => undefined);
    if (!res || res.status !== 200) {
      log('error', 'Authentication failed: Failed to fetch current user');
      socket.close(4401, 'Authentication failed');
    }
  });
});

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://live');
  if (req.method === 'GET' && (url.pathname === `${basePath}/health` || url.pathname === `${basePath}/health/`)) {
    return json(res, 200, { status: 'OK', timestamp: new Date().toISOString(), version });
  }
  if (req.method === 'POST' && url.pathname.startsWith(`${basePath}/convert-document`)) {
    if (req.headers['live-server-secret-key'] !== env.LIVE_SERVER_SECRET_KEY) {
      log('warn', 'Unauthorized: invalid live-server-secret-key');
      return json(res, 401, { error: 'Unauthorized' });
    }
    return json(res, 200, { description_html: '<p></p>', description_binary: '' });
  }
  if (url.pathname.startsWith(`${basePath}/collaboration`)) {
    return json(res, 426, { error: 'Upgrade Required' });
  }
  json(res, 404, { error: 'Not Found' });
});
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://live');
  if (!url.pathname.startsWith(`${basePath}/collaboration`)) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.on('request', (req, res) => res.on('finish', () => log('info', `${req.method} ${req.url} ${res.statusCode}`)));
server.listen(port, () => log('info', `Plane Live server has started at port ${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function checkRedis() {
  const target = env.REDIS_URL ? new URL(env.REDIS_URL) : { hostname: env.REDIS_HOST, port: env.REDIS_PORT };
  if (!target.hostname) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sock = connect({ host: target.hostname, port: Number(target.port || 6379) });
    sock.setTimeout(5000, () => sock.destroy(new Error('timeout')));
    sock.once('error', reject);
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      sock.end();
      if (d.toString().startsWith('+PONG')) {
        log('info', 'REDIS_MANAGER: Redis connected');
        resolve();
      } else reject(new Error(d.toString().trim()));
    });
  });
}
