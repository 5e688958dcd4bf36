import type { HttpRecord } from './recording';
import { formatMs } from './finding';

/**
 * Why a request got no usable answer, worded for the user. Shared by every evaluator so that a
 * refused connection reads the same in the CORS, routes and WebSocket groups.
 */

/** Gateway statuses: the proxy answered but the service behind it did not. */
export const GATEWAY_STATUSES: readonly number[] = [502, 503, 504];

/** A sentence for a transport error, including the check's own timeout when it elapsed. */
export function describeTransportError(record: HttpRecord): string {
  const error = record.error;
  const target = safeHost(record.request.url);
  if (!error) return `${target} answered.`;
  switch (error.kind) {
    case 'timeout':
      return `No answer from ${target} within ${formatMs(record.timeoutMs)} (this check's timeout).`;
    case 'dns':
      return `The name ${target} does not resolve (${error.code ?? error.message}).`;
    case 'refused':
      return `Connection refused by ${target}: nothing listens on that port, or the proxy is down.`;
    case 'reset':
      return `${target} closed the connection before answering (${error.code ?? error.message}).`;
    case 'tls':
      return `The TLS handshake with ${target} failed: ${error.message}.`;
    case 'aborted':
      return 'The check was cancelled.';
    case 'protocol':
      return `${target} answered something that is not HTTP (${error.message}).`;
    default:
      return `The request to ${target} failed: ${error.message}.`;
  }
}

/**
 * Why this record cannot be judged on its content, or undefined when it can: a transport error,
 * or a gateway status from the proxy (the service behind it is down).
 */
export function unavailableReason(record: HttpRecord | undefined): string | undefined {
  if (!record) return 'The request was not made.';
  if (!record.response) return describeTransportError(record);
  if (GATEWAY_STATUSES.includes(record.response.status)) {
    return `The proxy answered ${record.response.status}: the service behind ${safePath(record.request.url)} is not answering.`;
  }
  return undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
