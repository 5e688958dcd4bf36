import type { TransportError } from '../../../shared/schemas/probe';

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** Maps a Node network error to the kinds the evaluation explains (refused, reset, TLS, …). */
export function classifyError(error: unknown, timedOut: boolean, aborted: boolean): TransportError {
  if (timedOut) return { kind: 'timeout', message: 'timed out' };
  if (aborted) return { kind: 'aborted', message: 'cancelled' };
  const err = error as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const message = err?.message ?? String(error);
  const withCode = (kind: TransportError['kind']): TransportError => (code ? { kind, code, message } : { kind, message });
  if (code === 'ECONNREFUSED') return withCode('refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return withCode('dns');
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message)) return withCode('reset');
  if ((code && TLS_CODES.test(code)) || /certificate|ssl|tls/i.test(message)) return withCode('tls');
  if (code === 'HPE_INVALID_CONSTANT' || code?.startsWith('HPE_')) return withCode('protocol');
  return withCode('other');
}
