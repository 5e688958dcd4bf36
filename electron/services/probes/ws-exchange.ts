import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { WsRecord } from '../../../shared/plane/probes/recording';
import { checkSignal, type NetContext } from './net-context';
import { pairs } from './http-exchange';
import { classifyError } from './transport-error';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const BODY_LIMIT = 64 * 1024;

/**
 * Opens the collaboration socket the way the editor does (Origin of the frontend, standard
 * upgrade headers) and records the handshake answer: 101 and its Sec-WebSocket-Accept, or the
 * non-101 response with its body, or the transport error. The socket is closed right away.
 */
export function recordWebSocket(url: string, origin: string, net: NetContext): Promise<WsRecord> {
  const started = performance.now();
  const check = checkSignal(net.signal, net.timeoutMs);
  const headers: Array<[string, string]> = [
    ['Origin', origin],
    ['Connection', 'Upgrade'],
    ['Upgrade', 'websocket'],
    ['Sec-WebSocket-Version', '13'],
  ];
  return new Promise<WsRecord>((resolve) => {
    let key = '';
    let settled = false;
    const keyOf = (request: ClientRequest): void => {
      const value = request.getHeader('sec-websocket-key');
      if (typeof value === 'string') key = value;
    };
    const socket = new WebSocket(url, {
      headers: { Origin: origin },
      lookup: net.lookup,
      ca: net.ca,
      perMessageDeflate: false,
      followRedirects: false,
      // The only hook that sees the request ws builds: read the key it generated, then send.
      finishRequest: (request: ClientRequest) => {
        keyOf(request);
        request.end();
      },
    });
    const finish = (record: Pick<WsRecord, 'response' | 'error'>): void => {
      if (settled) return;
      settled = true;
      check.dispose();
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      resolve({
        request: { method: 'GET', url, headers: [...headers, ['Sec-WebSocket-Key', key]] },
        ...record,
        expectedAccept:
          key === ''
            ? ''
            : createHash('sha1')
                .update(key + WS_GUID)
                .digest('base64'),
        durationMs: performance.now() - started,
        timeoutMs: net.timeoutMs,
        curlExtras: net.curlExtras(url),
      });
    };
    socket.on('upgrade', (response: IncomingMessage) => {
      finish({ response: { status: response.statusCode ?? 101, rawHeaders: pairs(response.rawHeaders), body: '', bodyTruncated: false } });
    });
    socket.on('unexpected-response', (_request: ClientRequest, response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void => {
        const body = Buffer.concat(chunks).toString('utf8');
        finish({
          response: { status: response.statusCode ?? 0, rawHeaders: pairs(response.rawHeaders), body, bodyTruncated: size > BODY_LIMIT },
        });
      };
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= BODY_LIMIT) chunks.push(chunk);
        else done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    socket.on('error', (error) => finish({ error: classifyError(error, check.timedOut(), net.signal.aborted) }));
    check.signal.addEventListener('abort', () => finish({ error: classifyError(undefined, check.timedOut(), net.signal.aborted) }), {
      once: true,
    });
  });
}
