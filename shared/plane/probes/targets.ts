import type { HeaderPair, ParsedProbeInput, ProbeLayout } from '../../schemas/probe';

/**
 * The requests a probe run makes, derived from the input alone. The network side sends exactly
 * these and the evaluation reads them back, so both agree on URLs and headers by construction.
 */

/** An origin no deployment lists: if the API echoes it, CORS allows every origin. */
export const FOREIGN_ORIGIN = 'https://probe.invalid';

/** The query string Plane's editor adds to the collaboration socket (plane-reference.md §4). */
export const WS_QUERY = 'documentType=project_page&projectId=00000000-0000-0000-0000-000000000000&workspaceSlug=probe';

/** A request to make. `budget` marks requests that count against Plane's anonymous rate limit. */
export interface RequestSpec {
  method: string;
  url: string;
  headers: HeaderPair[];
  /** A form body (already encoded, matching the Content-Type header); absent for GET and OPTIONS. */
  body?: string;
  budget: boolean;
  maxBodyBytes: number;
}

/** A host:port the browser connects to, named by the first role that uses it. */
export interface Endpoint {
  role: 'web' | 'api' | 'live';
  host: string;
  port: number;
  secure: boolean;
}

/** The URLs and requests of one run, derived from the input alone. */
export interface ProbeTargets {
  layout: ProbeLayout;
  webOrigin: string;
  /** The API base without a trailing slash (the web origin unless the layout splits it). */
  apiBase: string;
  /** The live server base (`…/live`), http(s) scheme. */
  liveBase: string;
  wsUrl: string;
  /** Header names the frontend sends on API calls, lower case, as a preflight announces them. */
  corsRequestHeaders: string[];
  /** Methods the frontend uses on the API; the preflight must allow all of them. */
  corsFrontendMethods: string[];
  /** Every host name the browser talks to, once each. */
  hosts: string[];
  /** Every host:port the browser connects to, once each (TLS is checked per endpoint). */
  endpoints: Endpoint[];
  requests: {
    web: RequestSpec;
    apiInstances: RequestSpec;
    godMode: RequestSpec;
    spaces: RequestSpec;
    liveHealth: RequestSpec;
    csrfToken: RequestSpec;
    bucket: RequestSpec;
    corsPreflight: RequestSpec;
    corsActual: RequestSpec;
    corsForeign: RequestSpec;
  };
}

const SNIPPET_PAGE = 256 * 1024;
const SMALL = 64 * 1024;

/** Builds the probe plan. Input must already be parsed by `probeInputSchema`. */
export function probeTargets(input: ParsedProbeInput): ProbeTargets {
  const web = new URL(input.webUrl);
  const webOrigin = web.origin;
  const apiBase = input.apiUrl ? stripSlash(new URL(input.apiUrl).href) : webOrigin;
  const liveBase = input.liveUrl ? stripSlash(toHttpScheme(new URL(input.liveUrl)).href) : `${webOrigin}/live`;
  const wsBase = new URL(liveBase);
  wsBase.protocol = wsBase.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsUrl = `${stripSlash(wsBase.href)}/collaboration?${WS_QUERY}`;
  const corsRequestHeaders = input.layout === 'split' ? ['authorization', 'content-type', 'x-csrftoken'] : ['content-type', 'x-csrftoken'];
  const meUrl = `${apiBase}/api/users/me/`;
  const preflight = (origin: string): RequestSpec => ({
    method: 'OPTIONS',
    url: meUrl,
    headers: [
      ['Origin', origin],
      ['Access-Control-Request-Method', 'GET'],
      ['Access-Control-Request-Headers', corsRequestHeaders.join(',')],
    ],
    budget: true,
    maxBodyBytes: SMALL,
  });
  const get = (url: string, budget: boolean, maxBodyBytes = SMALL, headers: HeaderPair[] = []): RequestSpec => ({
    method: 'GET',
    url,
    headers: [['Accept', budget ? 'application/json' : 'text/html,application/json;q=0.9,*/*;q=0.8'], ...headers],
    budget,
    maxBodyBytes,
  });
  const endpoints = uniqueEndpoints([endpointOf('web', web), endpointOf('api', new URL(apiBase)), endpointOf('live', new URL(liveBase))]);
  const hosts = [...new Set(endpoints.map((e) => e.host))];
  return {
    layout: input.layout,
    webOrigin,
    apiBase,
    liveBase,
    wsUrl,
    corsRequestHeaders,
    corsFrontendMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    hosts,
    endpoints,
    requests: {
      web: get(`${webOrigin}/`, false, SNIPPET_PAGE),
      apiInstances: get(`${apiBase}/api/instances/`, true),
      godMode: get(`${webOrigin}/god-mode/`, false, SNIPPET_PAGE),
      spaces: get(`${webOrigin}/spaces/`, false, SNIPPET_PAGE),
      liveHealth: get(`${liveBase}/health`, false),
      csrfToken: get(`${apiBase}/auth/get-csrf-token/`, true, SMALL, [['Origin', webOrigin]]),
      bucket: get(`${apiBase}/${input.expected.bucketName}/`, false),
      corsPreflight: preflight(webOrigin),
      corsActual: get(meUrl, true, SMALL, [
        ['Origin', webOrigin],
        ['Content-Type', 'application/json'],
      ]),
      corsForeign: preflight(FOREIGN_ORIGIN),
    },
  };
}

/** The plain-http URL whose answer should redirect to https, or undefined when it can't be known. */
export function redirectProbeUrl(input: ParsedProbeInput): string | undefined {
  const web = new URL(input.webUrl);
  if (web.protocol !== 'https:') return undefined;
  if (web.port !== '' && input.httpPort === undefined) return undefined;
  const http = new URL(web.origin);
  http.protocol = 'http:';
  http.port = input.httpPort === undefined || input.httpPort === 80 ? '' : String(input.httpPort);
  return `${http.origin}/`;
}

function endpointOf(role: Endpoint['role'], url: URL): Endpoint {
  const secure = url.protocol === 'https:';
  return { role, host: unbracket(url.hostname), port: url.port === '' ? (secure ? 443 : 80) : Number(url.port), secure };
}

function uniqueEndpoints(list: Endpoint[]): Endpoint[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.host}:${e.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toHttpScheme(url: URL): URL {
  const copy = new URL(url.href.replace(/^ws(s?):/, 'http$1:'));
  return copy;
}

function stripSlash(href: string): string {
  return href.replace(/\/+$/, '');
}

function unbracket(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}
