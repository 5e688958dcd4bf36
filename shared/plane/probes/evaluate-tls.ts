import type { ProbeEvidence, ProbeFinding } from '../../schemas/probe';
import type { EvalContext } from './context';
import { opensslCommand } from './curl';
import { findingFrom, skipped } from './finding';
import { headerValue } from './headers';
import type { ProbeRecordings, TlsRecord } from './recording';
import { describeTransportError } from './transport';

/** Certificates expiring sooner than this are a warning: ACME renews at 30 days, so 21 means renewal is failing. */
export const EXPIRY_WARN_DAYS = 21;
const DAY_MS = 86_400_000;

/** D25: chain, name, expiry and protocol of every https endpoint, then the http → https redirect. */
export function evaluateTls(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const findings: ProbeFinding[] = [];
  for (const endpoint of ctx.targets.endpoints) {
    const prefix = `tls.${endpoint.role}`;
    const host = endpoint.host;
    if (!endpoint.secure) {
      findings.push({
        id: `${prefix}.chain`,
        group: 'tls',
        status: 'skip',
        title: `Certificate of ${host}`,
        explanation: `${host}:${endpoint.port} is served over plain http.`,
        durationMs: 0,
      });
      continue;
    }
    const record = rec.tls.find((r) => r.host === host && r.port === endpoint.port);
    if (!record) {
      findings.push({
        id: `${prefix}.chain`,
        group: 'tls',
        status: 'skip',
        title: `Certificate of ${host}`,
        explanation: 'The handshake was not attempted.',
        durationMs: 0,
      });
      continue;
    }
    findings.push(...certificateFindings(ctx, prefix, record));
  }
  findings.push(redirectFinding(ctx, rec));
  return findings;
}

function certificateFindings(ctx: EvalContext, prefix: string, record: TlsRecord): ProbeFinding[] {
  const { host, port } = record;
  const evidence: ProbeEvidence = {
    request: { method: 'TLS', url: `${host}:${port}`, headers: [] },
    curl: opensslCommand(host, port, record.connectAddress),
  };
  if (record.error) evidence.error = record.error;
  const at = (f: Omit<ProbeFinding, 'group' | 'durationMs' | 'evidence' | 'diagnostic' | 'service'>): ProbeFinding => ({
    ...f,
    diagnostic: 'D25',
    group: 'tls',
    service: 'proxy',
    durationMs: record.durationMs,
    evidence,
  });
  const cert = record.certificate;
  if (!cert) {
    const why = record.error
      ? describeTransportError({
          request: { method: 'TLS', url: `https://${host}:${port}/`, headers: [] },
          error: record.error,
          durationMs: record.durationMs,
          timeoutMs: record.timeoutMs,
          curlExtras: [],
        })
      : 'No certificate was presented.';
    return [
      at({
        id: `${prefix}.chain`,
        status: 'fail',
        title: `No TLS on ${host}:${port}`,
        explanation: why,
        fix: {
          text: 'Check that the TLS-terminating proxy (Caddy, Traefik) listens on this port and has a certificate for this name.',
          service: 'proxy',
        },
      }),
    ];
  }
  const chainText = record.chain.map((c) => c.subject).join(' ← ');
  const chain = record.authorized
    ? at({
        id: `${prefix}.chain`,
        status: 'pass',
        title: `Certificate chain of ${host}`,
        explanation: `Trusted chain: ${chainText}, issued by ${cert.issuer}.`,
      })
    : at({
        id: `${prefix}.chain`,
        status: 'fail',
        title: `Untrusted certificate on ${host}`,
        explanation: `The chain (${chainText}, issuer ${cert.issuer}) does not verify: ${record.authorizationError ?? 'unknown reason'}. ${chainHint(record.authorizationError)}`,
        browserError: 'NET::ERR_CERT_AUTHORITY_INVALID',
        fix: {
          text: "Serve the full chain (leaf + intermediates) from a public CA such as Let's Encrypt; for an internal CA, pass it with --ca.",
          service: 'proxy',
        },
      });
  const name = record.nameError
    ? at({
        id: `${prefix}.name`,
        status: 'fail',
        title: `Certificate is for another name than ${host}`,
        explanation: `The certificate covers ${cert.altNames.join(', ') || cert.subject}, not ${host}: ${record.nameError}`,
        browserError: 'NET::ERR_CERT_COMMON_NAME_INVALID',
        fix: {
          text: `Issue a certificate that includes ${host} (Caddy: SITE_ADDRESS=${host}; Traefik: the router's Host rule and certresolver).`,
          envKey: 'SITE_ADDRESS',
          service: 'proxy',
        },
      })
    : at({
        id: `${prefix}.name`,
        status: 'pass',
        title: `Certificate names ${host}`,
        explanation: `Covers ${cert.altNames.join(', ') || cert.subject}.`,
      });
  const days = Math.floor((Date.parse(cert.validTo) - ctx.now.getTime()) / DAY_MS);
  const expiry =
    days < 0
      ? at({
          id: `${prefix}.expiry`,
          status: 'fail',
          title: `Certificate of ${host} expired`,
          explanation: `It expired on ${cert.validTo}; browsers refuse the site.`,
          browserError: 'NET::ERR_CERT_DATE_INVALID',
          fix: {
            text: 'Renew the certificate; check the proxy logs for ACME errors (port 80 reachable, DNS pointing here, CERT_ACME_CA set).',
            service: 'proxy',
          },
        })
      : days < EXPIRY_WARN_DAYS
        ? at({
            id: `${prefix}.expiry`,
            status: 'warn',
            title: `Certificate of ${host} expires in ${days} days`,
            explanation: `Valid until ${cert.validTo}. Automatic renewal starts 30 days before expiry, so renewal is probably failing.`,
            fix: { text: 'Check the proxy logs for ACME renewal errors.', service: 'proxy' },
          })
        : at({
            id: `${prefix}.expiry`,
            status: 'pass',
            title: `Certificate of ${host} is valid`,
            explanation: `Valid until ${cert.validTo} (${days} days).`,
          });
  const modern = record.protocol === 'TLSv1.3' || record.protocol === 'TLSv1.2';
  const protocol = at({
    id: `${prefix}.protocol`,
    status: modern ? 'pass' : 'warn',
    title: modern ? `${host} speaks ${record.protocol}` : `${host} negotiates an old protocol`,
    explanation: modern
      ? `Negotiated ${record.protocol}.`
      : `Negotiated ${record.protocol ?? 'an unknown protocol'}; browsers require TLS 1.2 or newer.`,
    ...(modern ? {} : { fix: { text: 'Enable TLS 1.2 and 1.3 on the proxy.', service: 'proxy' as const } }),
  });
  return [chain, name, expiry, protocol];
}

function chainHint(error: string | undefined): string {
  if (!error) return '';
  if (/SELF_SIGNED/.test(error)) return 'The certificate is self-signed (Caddy "tls internal" or a default certificate).';
  if (/UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY_LEAF/.test(error))
    return 'An intermediate certificate is missing, or the issuer is a private CA.';
  if (/CERT_HAS_EXPIRED/.test(error)) return 'A certificate in the chain has expired.';
  return '';
}

function redirectFinding(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding {
  const id = 'tls.redirect';
  const title = 'http redirects to https';
  if (!ctx.targets.webOrigin.startsWith('https:')) return skipped(id, 'tls', title, 'WEB_URL is http; nothing to redirect to.');
  const record = rec.httpRedirect;
  if (!record) return skipped(id, 'tls', title, 'WEB_URL uses a non-standard https port, so the http port is unknown (pass --http-port).');
  const base = { id, diagnostic: 'D25', group: 'tls' as const, service: 'proxy' as const };
  if (!record.response) {
    return findingFrom(
      {
        ...base,
        status: 'warn',
        title: 'Plain http does not answer',
        explanation: `${describeTransportError(record)} Users who type the bare name get an error instead of the https site.`,
        fix: { text: 'Publish port 80 on the proxy and redirect it to https.', service: 'proxy' },
      },
      record,
    );
  }
  const location = headerValue(record.response.rawHeaders, 'location') ?? '';
  const redirect = [301, 302, 303, 307, 308].includes(record.response.status);
  if (redirect && location.startsWith(`${ctx.targets.webOrigin}`)) {
    return findingFrom({ ...base, status: 'pass', title, explanation: `http answers ${record.response.status} → ${location}.` }, record);
  }
  return findingFrom(
    {
      ...base,
      status: 'warn',
      title: redirect ? 'http redirects somewhere else' : 'http does not redirect to https',
      explanation: redirect
        ? `http answers ${record.response.status} → '${location}', not ${ctx.targets.webOrigin}.`
        : `http answers ${record.response.status} without a redirect, so the site is also served unencrypted.`,
      fix: {
        text: `Redirect http to ${ctx.targets.webOrigin} on the proxy (Caddy does it when SITE_ADDRESS is the domain; Traefik: redirect-to-https middleware).`,
        proxySetting: 'Redirect http to https',
        service: 'proxy',
      },
    },
    record,
  );
}
