import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';

/**
 * A live server shaped like Plane's (Express + express-ws + Hocuspocus): /live/health answers
 * JSON, /live/collaboration upgrades to a WebSocket, and a plain GET of the socket path gets
 * Express's 404 "Cannot GET", which is what a proxy that drops Upgrade produces.
 */
export async function startLiveServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (socket) => socket.close(1000, 'probe'));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://live').pathname;
    if (path === '/live/health' || path === '/live/health/') {
      res
        .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify({ status: 'OK', timestamp: new Date().toISOString(), version: '1.3.1' }));
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!DOCTYPE html><html><body><pre>Cannot GET ${path}</pre></body></html>`);
  });
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/live/collaboration')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
