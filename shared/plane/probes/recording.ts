import type { HeaderPair, TransportError } from '../../schemas/probe';

/**
 * What the network side records and the pure evaluation reads. Recordings are plain data so that
 * every check can be unit-tested from a response captured once (or written by hand from a bug
 * report), without a network.
 */

/** A request as it was sent. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  /** The body sent, when there was one (the sign-in form). */
  body?: string;
}

/** A response as it arrived: raw header pairs (duplicates kept), decoded body text (maybe cut). */
export interface RecordedResponse {
  status: number;
  rawHeaders: HeaderPair[];
  body: string;
  /** True when the body was longer than the recorder kept. */
  bodyTruncated: boolean;
}

/** One HTTP exchange: a response, or the transport error that prevented one. */
export interface HttpRecord {
  request: RecordedRequest;
  response?: RecordedResponse;
  error?: TransportError;
  durationMs: number;
  /** The timeout this check ran under, so a timeout finding can say how long it waited. */
  timeoutMs: number;
  /** Extra curl arguments that reproduce how the request was made (`--resolve`, `--cacert`). */
  curlExtras: string[];
}

/** A WebSocket upgrade attempt. `expectedAccept` is computed from the key that was sent. */
export interface WsRecord extends HttpRecord {
  expectedAccept: string;
}

/** The certificate the server presented, flattened to what the evaluation needs. */
export interface RecordedCertificate {
  subject: string;
  altNames: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  fingerprint256: string;
}

/** A TLS handshake with verification done but not enforced, so a bad certificate is still described. */
export interface TlsRecord {
  host: string;
  port: number;
  /** Chain verified against the system CAs plus the CA override. */
  authorized: boolean;
  authorizationError?: string;
  /** Result of Node's checkServerIdentity for the host; absent when the name matches. */
  nameError?: string;
  protocol?: string;
  certificate?: RecordedCertificate;
  /** Leaf first, then each issuer the server sent. */
  chain: RecordedCertificate[];
  error?: TransportError;
  durationMs: number;
  timeoutMs: number;
  /** The address connected to when a resolve override replaced DNS (for the openssl command). */
  connectAddress?: string;
}

/** DNS answers for a host, or the override that replaced them. */
export interface DnsRecord {
  host: string;
  addresses: Array<{ address: string; family: 4 | 6 }>;
  /** Set when a resolve override answered instead of DNS. */
  override?: string;
  error?: TransportError;
  durationMs: number;
}

/** Everything one run recorded. A missing entry means the check did not run (it becomes a skip). */
export interface ProbeRecordings {
  dns: DnsRecord[];
  tls: TlsRecord[];
  httpRedirect?: HttpRecord;
  web?: HttpRecord;
  apiInstances?: HttpRecord;
  godMode?: HttpRecord;
  spaces?: HttpRecord;
  liveHealth?: HttpRecord;
  csrfToken?: HttpRecord;
  bucket?: HttpRecord;
  corsPreflight?: HttpRecord;
  corsActual?: HttpRecord;
  corsForeign?: HttpRecord;
  /** The sign-in form post (D7, D8); absent when the CSRF step gave no token to post with. */
  signIn?: HttpRecord;
  websocket?: WsRecord;
  /** Scripts of the frontend's index page (fetched for the baked-URL and mixed-content checks). */
  bundles: HttpRecord[];
}
