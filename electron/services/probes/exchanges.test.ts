import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { recordHttp } from './http-exchange';
import { createNetContext } from './net-context';
import { runProbes } from './run-probes';
import { recordWebSocket } from './ws-exchange';

let server: Server;
let port = 0;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  const wss = new WebSocketServer({ noServer: true });
  server = createServer((req, res) => {
    seen.push(req);
    if (req.url === '/slow') return; // never answers: the check's own timeout must end it
    if (req.url === '/big') return void res.end('x'.repeat(10_000));
    if (req.url === '/form') {
      // Echoes the form as Django reads it: the length it was told and the bytes that came.
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () =>
        res.writeHead(302, { Location: '/done', 'X-Length': req.headers['content-length'] ?? '' }).end(Buffer.concat(chunks)),
      );
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', ['http://plane.lab.test', '*']);
    res.writeHead(426, { 'content-type': 'text/plain' }).end('Upgrade Required');
  });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => ws.close()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const net = (timeoutMs = 2000) =>
  createNetContext({ overrides: [{ host: 'plane.lab.test', address: '127.0.0.1' }], signal: new AbortController().signal, timeoutMs });
const get = (path: string, maxBodyBytes = 64 * 1024) => ({
  method: 'GET',
  url: `http://plane.lab.test:${port}${path}`,
  headers: [['Origin', 'http://plane.lab.test']] as Array<[string, string]>,
  budget: false,
  maxBodyBytes,
});

describe('recordHttp', () => {
  it('connects through the resolve override but keeps the name in Host, and keeps duplicate headers apart', async () => {
    const record = await recordHttp(get('/'), net());
    expect(seen.at(-1)?.headers.host).toBe(`plane.lab.test:${port}`);
    expect(record.response?.rawHeaders.filter(([name]) => name.toLowerCase() === 'access-control-allow-origin')).toEqual([
      ['Access-Control-Allow-Origin', 'http://plane.lab.test'],
      ['Access-Control-Allow-Origin', '*'],
    ]);
    expect(record.curlExtras).toEqual(['--resolve', `plane.lab.test:${port}:127.0.0.1`]);
  });

  it('ends a silent request at its own timeout and says it was a timeout', async () => {
    const started = Date.now();
    const record = await recordHttp(get('/slow'), net(300));
    expect(record.error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps at most maxBodyBytes and marks the body as cut', async () => {
    const record = await recordHttp(get('/big', 1000), net());
    expect(record.response?.body).toHaveLength(1000);
    expect(record.response?.bodyTruncated).toBe(true);
  });

  it('posts a form body with its Content-Length, keeps it in the record and does not follow the redirect', async () => {
    const body = 'email=probe%40hangar.invalid&csrfmiddlewaretoken=Tk9';
    const spec = {
      ...get('/form'),
      method: 'POST',
      body,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']] as Array<[string, string]>,
    };
    const record = await recordHttp(spec, net());
    expect(record.response?.status).toBe(302);
    expect(record.response?.body).toBe(body);
    expect(record.response?.rawHeaders).toContainEqual(['X-Length', String(body.length)]);
    expect(record.request.body).toBe(body);
  });
});

describe('recordWebSocket', () => {
  it('records 101 with the accept value expected for the key ws sent', async () => {
    const record = await recordWebSocket(`ws://plane.lab.test:${port}/live/collaboration`, 'http://plane.lab.test', net());
    expect(record.response?.status).toBe(101);
    const accept = record.response?.rawHeaders.find(([n]) => n.toLowerCase() === 'sec-websocket-accept')?.[1];
    expect(accept).toBe(record.expectedAccept);
    expect(record.request.headers).toContainEqual(['Origin', 'http://plane.lab.test']);
  });

  it('records a refused connection as such', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const record = await recordWebSocket(`ws://127.0.0.1:${closedPort}/live/collaboration`, 'http://x', net());
    expect(record.error?.kind).toBe('refused');
  });
});

describe('runProbes', () => {
  it('throws CANCELLED when the run is cancelled, instead of reporting half-made checks', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runProbes({ webUrl: `http://127.0.0.1:${port}` }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });

  it('rejects an invalid input with a sentence naming the field', async () => {
    await expect(runProbes({ webUrl: 'ftp://plane.example.com' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/must start with http:\/\/ or https:\/\/.*\(webUrl\)/),
    });
  });
});
