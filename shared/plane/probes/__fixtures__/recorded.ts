import { probeInputSchema, type HeaderPair, type ParsedProbeInput, type ProbeFinding, type ProbeInput } from '../../../schemas/probe';
import { evaluateProbes } from '../evaluate';
import type { HttpRecord, ProbeRecordings, WsRecord } from '../recording';
import { signInRequest } from '../sign-in';
import { probeTargets, type RequestSpec } from '../targets';

/**
 * Responses recorded from a healthy Plane (django-cors-headers 3.x/4.x, Caddy, Hocuspocus,
 * MinIO) written as data. Each test copies them and breaks one thing, the way a user's
 * deployment breaks, then reads the finding a user would read.
 */

export const NOW = new Date('2026-06-01T12:00:00Z');

export function probeInput(overrides: Partial<ProbeInput> = {}): ParsedProbeInput {
  return probeInputSchema.parse({ webUrl: 'https://plane.example.com', ...overrides });
}

export function answer(spec: RequestSpec, status: number, rawHeaders: HeaderPair[], body = ''): HttpRecord {
  return {
    request: { method: spec.method, url: spec.url, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) },
    response: { status, rawHeaders, body, bodyTruncated: false },
    durationMs: 4,
    timeoutMs: 5000,
    curlExtras: [],
  };
}

export function failed(spec: RequestSpec, kind: 'timeout' | 'refused' | 'reset' | 'tls', code?: string): HttpRecord {
  return {
    request: { method: spec.method, url: spec.url, headers: spec.headers, ...(spec.body !== undefined ? { body: spec.body } : {}) },
    error: code ? { kind, code, message: code } : { kind, message: kind },
    durationMs: kind === 'timeout' ? 5000 : 2,
    timeoutMs: 5000,
    curlExtras: [],
  };
}

const WEB_HTML =
  '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-Bx1.js"></script></head><body><div id="root"></div></body></html>';
const ADMIN_HTML =
  '<!doctype html><html><head><script type="module" crossorigin src="/god-mode/assets/index-Ad1.js"></script></head><body><div id="root"></div></body></html>';
const SPACE_HTML =
  '<!doctype html><html><head><link rel="modulepreload" href="/spaces/assets/entry.client-Sp1.js"></head><body></body></html>';
const SECURITY: HeaderPair[] = [
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=31536000'],
];

/** Django + django-cors-headers answering a preflight for an allowed origin (CORS_ALLOW_CREDENTIALS). */
export function corsHeaders(origin: string, preflight: boolean): HeaderPair[] {
  const headers: HeaderPair[] = [
    ['Content-Type', preflight ? 'text/html; charset=utf-8' : 'application/json'],
    ['Vary', preflight ? 'Origin' : 'Accept, Cookie, Origin'],
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Origin', origin],
  ];
  if (preflight) {
    headers.push(
      [
        'Access-Control-Allow-Headers',
        'accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, x-csrftoken, x-requested-with, x-api-key',
      ],
      ['Access-Control-Allow-Methods', 'DELETE, GET, OPTIONS, PATCH, POST, PUT'],
      ['Access-Control-Max-Age', '86400'],
    );
  }
  return headers;
}

/** RFC 6455 §1.3's example: this key must be answered with this accept value. */
export const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const WS_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

/** Every check answered as a healthy deployment answers it. */
export function healthyRecordings(input: ParsedProbeInput): ProbeRecordings {
  const t = probeTargets(input);
  const r = t.requests;
  const origin = t.webOrigin;
  const websocket: WsRecord = {
    ...answer({ method: 'GET', url: t.wsUrl, headers: [['Origin', origin]], budget: false, maxBodyBytes: 0 }, 101, [
      ['Upgrade', 'websocket'],
      ['Connection', 'Upgrade'],
      ['Sec-WebSocket-Accept', WS_ACCEPT],
    ]),
    expectedAccept: WS_ACCEPT,
  };
  const html: HeaderPair[] = [['Content-Type', 'text/html'], ...SECURITY];
  const validTo = new Date(NOW.getTime() + 80 * 86_400_000).toISOString();
  const bundleUrl = `${origin}/assets/index-Bx1.js`;
  return {
    dns: t.hosts.map((host) => ({ host, addresses: [{ address: '203.0.113.10', family: 4 }], durationMs: 3 })),
    tls: t.endpoints
      .filter((e) => e.secure)
      .map((e) => {
        const cert = {
          subject: e.host,
          altNames: [e.host],
          issuer: "R11, Let's Encrypt",
          validFrom: NOW.toISOString(),
          validTo,
          fingerprint256: 'AA:BB',
        };
        return {
          host: e.host,
          port: e.port,
          authorized: true,
          protocol: 'TLSv1.3',
          certificate: cert,
          chain: [cert, { ...cert, subject: "R11, Let's Encrypt", issuer: 'ISRG Root X1' }],
          durationMs: 9,
          timeoutMs: 5000,
        };
      }),
    httpRedirect: answer(
      { method: 'GET', url: origin.replace('https:', 'http:') + '/', headers: [], budget: false, maxBodyBytes: 0 },
      308,
      [['Location', `${origin}/`]],
    ),
    web: answer(r.web, 200, html, WEB_HTML),
    godMode: answer(r.godMode, 200, html, ADMIN_HTML),
    spaces: answer(r.spaces, 200, html, SPACE_HTML),
    liveHealth: answer(
      r.liveHealth,
      200,
      [['Content-Type', 'application/json; charset=utf-8']],
      '{"status":"OK","timestamp":"2026-06-01T12:00:00.000Z","version":"1.3.1"}',
    ),
    apiInstances: answer(
      r.apiInstances,
      200,
      [
        ['Content-Type', 'application/json'],
        ['Vary', 'Accept, Cookie'],
      ],
      JSON.stringify({ config: { file_size_limit: 5242880 }, instance: { current_version: 'v1.3.1', is_setup_done: true } }),
    ),
    csrfToken: answer(
      r.csrfToken,
      200,
      [
        ['Content-Type', 'application/json'],
        [
          'Set-Cookie',
          `csrftoken=Tk9; expires=Mon, 31 May 2027 12:00:00 GMT; HttpOnly; Max-Age=31449600; Path=/; SameSite=Lax${origin.startsWith('https:') ? '; Secure' : ''}`,
        ],
      ],
      '{"csrf_token":"Tk9"}',
    ),
    bucket: answer(
      r.bucket,
      403,
      [
        ['Content-Type', 'application/xml'],
        ['Server', 'MinIO'],
      ],
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>',
    ),
    corsPreflight: answer(r.corsPreflight, 200, corsHeaders(origin, true)),
    corsActual: answer(r.corsActual, 401, corsHeaders(origin, false), '{"detail":"Authentication credentials were not provided."}'),
    corsForeign: answer(r.corsForeign, 200, [
      ['Vary', 'Origin'],
      ['Access-Control-Allow-Credentials', 'true'],
    ]),
    signIn: answer(signInRequest(t, { token: 'Tk9', cookie: 'Tk9' }, 'r4nd0m'), 302, [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Location', `${origin}/sign-in?error_code=5005&error_message=USER_DOES_NOT_EXIST&email=probe%40hangar.invalid`],
    ]),
    websocket,
    bundles: [
      answer(
        { method: 'GET', url: bundleUrl, headers: [], budget: false, maxBodyBytes: 0 },
        200,
        [['Content-Type', 'text/javascript']],
        `const API_BASE_URL="${t.apiBase}"||"";export{API_BASE_URL};`,
      ),
    ],
  };
}

/** Evaluates and returns the finding with this id (throws when absent, so a renamed id fails loudly). */
export function findingOf(input: ParsedProbeInput, recordings: ProbeRecordings, id: string): ProbeFinding {
  const finding = evaluateProbes(input, recordings, NOW).find((f) => f.id === id);
  if (!finding) throw new Error(`no finding ${id}`);
  return finding;
}
