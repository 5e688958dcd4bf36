import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import tls, { type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { RecordedCertificate, TlsRecord } from '../../../shared/plane/probes/recording';
import { checkSignal, type NetContext } from './net-context';
import { classifyError } from './transport-error';

/**
 * A TLS handshake that verifies but does not enforce: an untrusted or misnamed certificate is
 * still read and described, instead of ending in an opaque error. Sends no application data.
 */
export function recordTls(host: string, port: number, net: NetContext): Promise<TlsRecord> {
  const started = performance.now();
  const check = checkSignal(net.signal, net.timeoutMs);
  const override = net.overrides.find((o) => o.host.toLowerCase() === host.toLowerCase());
  const base = override
    ? { host, port, timeoutMs: net.timeoutMs, connectAddress: override.address }
    : { host, port, timeoutMs: net.timeoutMs };
  return new Promise<TlsRecord>((resolve) => {
    let settled = false;
    const finish = (record: Omit<TlsRecord, 'host' | 'port' | 'timeoutMs' | 'connectAddress' | 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      check.dispose();
      socket.destroy();
      resolve({ ...base, ...record, durationMs: performance.now() - started });
    };
    const socket = tls.connect({
      host,
      port,
      servername: isIP(host) === 0 ? host : undefined,
      lookup: net.lookup,
      ca: net.ca,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      const hasCert = peer !== null && Object.keys(peer).length > 0;
      const identityError = hasCert ? tls.checkServerIdentity(host, peer) : undefined;
      const record: Omit<TlsRecord, 'host' | 'port' | 'timeoutMs' | 'connectAddress' | 'durationMs'> = {
        authorized: socket.authorized,
        chain: hasCert ? chainOf(peer) : [],
      };
      const authError = socket.authorizationError as Error | string | null | undefined;
      if (!socket.authorized && authError) record.authorizationError = typeof authError === 'string' ? authError : authError.message;
      if (identityError) record.nameError = identityError.message;
      const protocol = socket.getProtocol();
      if (protocol) record.protocol = protocol;
      if (hasCert) record.certificate = flatten(peer);
      finish(record);
    });
    socket.once('error', (error) =>
      finish({ authorized: false, chain: [], error: classifyError(error, check.timedOut(), net.signal.aborted) }),
    );
    check.signal.addEventListener(
      'abort',
      () => finish({ authorized: false, chain: [], error: classifyError(undefined, check.timedOut(), net.signal.aborted) }),
      { once: true },
    );
  });
}

function chainOf(leaf: DetailedPeerCertificate): RecordedCertificate[] {
  const chain: RecordedCertificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current && Object.keys(current).length > 0 && !seen.has(current.fingerprint256) && chain.length < 8) {
    seen.add(current.fingerprint256);
    chain.push(flatten(current));
    current = current.issuerCertificate;
  }
  return chain;
}

function flatten(cert: PeerCertificate): RecordedCertificate {
  return {
    subject: nameOf(cert.subject),
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
      .filter((entry) => entry !== ''),
    issuer: nameOf(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

function nameOf(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  const value = (key: string): string | undefined => {
    const entry = (name as unknown as Record<string, string | string[] | undefined>)[key];
    return Array.isArray(entry) ? entry[0] : entry;
  };
  return [value('CN'), value('O')].filter(Boolean).join(', ') || JSON.stringify(name);
}
