// Static server for the lab's web, space and admin containers (Plane's frontend images serve a
// prebuilt SPA). Serves STATIC_ROOT under BASE_PATH with the SPA fallback to index.html, and
// logs one line per request like nginx. Runs on the host too.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = process.env.STATIC_ROOT ?? '/app/dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const port = Number(process.env.PORT ?? 3000);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://static');
  let status = 200;
  let body;
  let file = 'index.html';
  if (url.pathname.startsWith(base)) {
    const rel = normalize(url.pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel && rel !== '.') file = rel;
  } else status = 404;
  try {
    body = await readFile(join(root, file));
  } catch {
    file = 'index.html';
    body = await readFile(join(root, file)).catch(() => Buffer.from('Not Found'));
  }
  res.writeHead(status, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  const ip = req.socket.remoteAddress ?? '-';
  console.log(`${ip} - - [${new Date().toISOString()}] "${req.method} ${req.url} HTTP/${req.httpVersion}" ${status} ${body.length} "-" "${req.headers['user-agent'] ?? '-'}"`);
});
server.listen(port, () => console.log(`▲ Ready on http://0.0.0.0:${port}${base}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
