import type { HeaderPair } from '../../schemas/probe';

/**
 * Copyable reproductions of a check. A user who doubts a finding pastes the command into a
 * terminal and sees the same raw headers; so the command carries the same overrides.
 */

/** Quotes one argument for a POSIX shell. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `curl -sS -i …` for a request, with `--resolve`/`--cacert` extras from the recorder. A body is
 * passed with `--data-raw` so curl sends it byte for byte (no `@file` reading, no re-encoding).
 */
export function curlCommand(
  method: string,
  url: string,
  headers: readonly HeaderPair[],
  extras: readonly string[] = [],
  body?: string,
): string {
  const parts = ['curl', '-sS', '-i'];
  if (method === 'HEAD') parts.push('-I');
  else if (method !== 'GET') parts.push('-X', method);
  for (const [name, value] of headers) parts.push('-H', `${name}: ${value}`);
  if (body !== undefined) parts.push('--data-raw', body);
  parts.push(...extras);
  parts.push(url.replace(/^ws(s?):/, 'http$1:'));
  return parts.map(shellQuote).join(' ');
}

/** `curl --resolve host:port:address` arguments for a URL whose host has an override. */
export function resolveArgs(url: string, overrides: ReadonlyArray<{ host: string; address: string }>): string[] {
  const parsed = new URL(url.replace(/^ws(s?):/, 'http$1:'));
  const override = overrides.find((entry) => entry.host.toLowerCase() === parsed.hostname.toLowerCase());
  if (!override) return [];
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  const address = override.address.includes(':') ? `[${override.address}]` : override.address;
  return ['--resolve', `${parsed.hostname}:${port}:${address}`];
}

/** An openssl command showing the certificate chain the server sends for a name. */
export function opensslCommand(host: string, port: number, connectTo?: string): string {
  const target = `${connectTo ?? host}:${port}`;
  return ['openssl', 's_client', '-connect', target, '-servername', host, '-showcerts'].map(shellQuote).join(' ') + ' </dev/null';
}
