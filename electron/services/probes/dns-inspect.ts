import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { ResolveOverride } from '../../../shared/schemas/probe';
import type { DnsRecord } from '../../../shared/plane/probes/recording';
import { classifyError } from './transport-error';

/**
 * The addresses a browser on this machine would use for a host (getaddrinfo, so /etc/hosts
 * counts), or the override that replaces them. A lookup cannot be aborted, so it races a timer.
 */
export async function recordDns(host: string, overrides: readonly ResolveOverride[], timeoutMs: number): Promise<DnsRecord> {
  const started = performance.now();
  const override = overrides.find((o) => o.host.toLowerCase() === host.toLowerCase());
  if (override)
    return {
      host,
      addresses: [{ address: override.address, family: isIP(override.address) === 6 ? 6 : 4 }],
      override: override.address,
      durationMs: 0,
    };
  if (isIP(host) !== 0) return { host, addresses: [{ address: host, family: isIP(host) === 6 ? 6 : 4 }], durationMs: 0 };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([lookup(host, { all: true }), timeout]);
    if (result === 'timeout')
      return {
        host,
        addresses: [],
        error: { kind: 'timeout', message: `no DNS answer within ${timeoutMs} ms` },
        durationMs: performance.now() - started,
      };
    return {
      host,
      addresses: result.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    return { host, addresses: [], error: classifyError(error, false, false), durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
