import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { rootCertificates } from 'node:tls';
import type { ResolveOverride } from '../../../shared/schemas/probe';
import { resolveArgs } from '../../../shared/plane/probes/curl';

/**
 * How every probe connects: the resolve overrides (as a `lookup`, so the URL keeps its name and
 * TLS SNI and the Host header still carry it), the CA override and the curl flags that reproduce
 * both. One per run.
 */
export interface NetContext {
  lookup: LookupFunction;
  /** System roots plus the override, or undefined for Node's defaults. */
  ca: string[] | undefined;
  overrides: readonly ResolveOverride[];
  /** The run's cancellation; each check adds its own timeout on top. */
  signal: AbortSignal;
  timeoutMs: number;
  /** `--resolve`/`--cacert` arguments for a URL, for the copyable curl command. */
  curlExtras(url: string): string[];
}

/** Builds the run's connection settings; the CA override adds to the system roots, never replaces them. */
export function createNetContext(options: {
  overrides: readonly ResolveOverride[];
  caPem?: string;
  caFileForCurl?: string;
  signal: AbortSignal;
  timeoutMs: number;
}): NetContext {
  const { overrides } = options;
  return {
    lookup: overrideLookup(overrides),
    ca: options.caPem ? [...rootCertificates, options.caPem] : undefined,
    overrides,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    curlExtras: (url) => [...resolveArgs(url, overrides), ...(options.caPem ? ['--cacert', options.caFileForCurl ?? 'ca.pem'] : [])],
  };
}

/** A `dns.lookup` replacement that answers overridden names itself and defers the rest to the OS. */
export function overrideLookup(overrides: readonly ResolveOverride[]): LookupFunction {
  const table = new Map(overrides.map((o) => [o.host.toLowerCase().replace(/\.$/, ''), o.address]));
  return (hostname, options, callback) => {
    const address = table.get(hostname.toLowerCase().replace(/\.$/, ''));
    if (address === undefined) {
      dnsLookup(hostname, options, callback);
      return;
    }
    const family = isIP(address);
    if (options.all) (callback as (err: null, addresses: Array<{ address: string; family: number }>) => void)(null, [{ address, family }]);
    else (callback as (err: null, address: string, family: number) => void)(null, address, family);
  };
}

/**
 * An AbortSignal for one check: fires on the run's signal or after the check's own timeout.
 * `timedOut()` tells the two apart so a finding can say "no answer within 5 s".
 */
export function checkSignal(parent: AbortSignal, timeoutMs: number): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timeout after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
