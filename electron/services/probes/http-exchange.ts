import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { HeaderPair } from '../../../shared/schemas/probe';
import type { HttpRecord } from '../../../shared/plane/probes/recording';
import type { RequestSpec } from '../../../shared/plane/probes/targets';
import { checkSignal, type NetContext } from './net-context';
import { classifyError } from './transport-error';

/**
 * Sends one request exactly as specified and records what came back, raw: header pairs from
 * `res.rawHeaders` (so a duplicated header stays two headers), the body up to a limit, or the
 * transport error. Never throws and never follows redirects: a redirect is evidence too (the
 * sign-in probe judges its Location).
 */
export function recordHttp(spec: RequestSpec, net: NetContext): Promise<HttpRecord> {
  const started = performance.now();
  const check = checkSignal(net.signal, net.timeoutMs);
  const base = {
    request: { method: spec.method, url: spec.url, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) },
    timeoutMs: net.timeoutMs,
    curlExtras: net.curlExtras(spec.url),
  };
  return new Promise<HttpRecord>((resolve) => {
    let settled = false;
    const finish = (record: Omit<HttpRecord, 'durationMs' | 'request' | 'timeoutMs' | 'curlExtras'>): void => {
      if (settled) return;
      settled = true;
      check.dispose();
      resolve({ ...base, ...record, durationMs: performance.now() - started });
    };
    const url = new URL(spec.url);
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, {
      method: spec.method,
      headers: Object.fromEntries(spec.headers),
      lookup: net.lookup,
      ca: net.ca,
      agent: false,
      signal: check.signal,
    });
    request.on('response', (response) => {
      const rawHeaders = pairs(response.rawHeaders);
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = (): void =>
        finish({
          response: {
            status: response.statusCode ?? 0,
            rawHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
            bodyTruncated: truncated,
          },
        });
      response.on('data', (chunk: Buffer) => {
        if (size + chunk.length > spec.maxBodyBytes) {
          chunks.push(chunk.subarray(0, spec.maxBodyBytes - size));
          size = spec.maxBodyBytes;
          truncated = true;
          done();
          response.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      response.on('end', done);
      // A body cut by the timeout still proves the headers arrived: keep what came.
      response.on('error', done);
      response.on('aborted', done);
    });
    request.on('error', (error) => finish({ error: classifyError(error, check.timedOut(), net.signal.aborted) }));
    // end(body) before any write lets Node send Content-Length, as a browser's form post does.
    request.end(spec.body);
  });
}

/** `rawHeaders` is a flat [name, value, name, value, …] list; pairs keep duplicates and order. */
export function pairs(raw: readonly string[]): HeaderPair[] {
  const result: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return result;
}
