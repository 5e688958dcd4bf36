/** Why a string is not a bare origin, in words a user can act on. */
export type OriginProblem =
  'empty' | 'wildcard' | 'no-scheme' | 'bad-scheme' | 'no-host' | 'trailing-slash' | 'path' | 'query' | 'unparsable';

export type OriginCheck =
  | { readonly ok: true; readonly origin: string; readonly scheme: 'http' | 'https'; readonly port: number }
  | { readonly ok: false; readonly problem: OriginProblem };

/**
 * Checks `scheme://host[:port]` with nothing after it: what Django's CORS/CSRF settings and
 * Plane's redirects need (django-cors-headers E013/E014 reject `*` and any path, even `/`).
 */
export function checkOrigin(text: string): OriginCheck {
  const value = text.trim();
  if (value === '') return { ok: false, problem: 'empty' };
  if (value === '*' || value.includes('*')) return { ok: false, problem: 'wildcard' };
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(value);
  if (match === null) return { ok: false, problem: 'no-scheme' };
  const scheme = (match[1] as string).toLowerCase();
  const authority = match[2] as string;
  const rest = match[3] as string;
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, problem: 'bad-scheme' };
  if (authority === '') return { ok: false, problem: 'no-host' };
  if (rest === '/') return { ok: false, problem: 'trailing-slash' };
  if (rest.startsWith('/')) return { ok: false, problem: 'path' };
  if (rest !== '') return { ok: false, problem: 'query' };
  const hostPort = /^(\[[0-9a-fA-F:.]+\]|[^:@\s]+)(?::(\d{1,5}))?$/.exec(authority);
  if (hostPort === null) return { ok: false, problem: 'unparsable' };
  const port = hostPort[2] === undefined ? (scheme === 'https' ? 443 : 80) : Number(hostPort[2]);
  return { ok: true, origin: `${scheme}://${authority.toLowerCase()}`, scheme, port };
}

/** The sentence explaining an origin problem for `key`, ending with what to do. */
export function describeOriginProblem(key: string, value: string, problem: OriginProblem): string {
  switch (problem) {
    case 'empty':
      return `${key} is empty.`;
    case 'wildcard':
      return `${key} contains '*': django-cors-headers rejects it (corsheaders.E013) and the API and migrator refuse to start.`;
    case 'no-scheme':
      return `'${value}' in ${key} has no scheme: write it as https://host (or http://host).`;
    case 'bad-scheme':
      return `'${value}' in ${key} is not an http(s) origin.`;
    case 'no-host':
      return `'${value}' in ${key} has no host name.`;
    case 'trailing-slash':
      return `'${value}' in ${key} has a trailing slash: Django refuses to start with it (corsheaders.E014) and redirects break. Remove the final '/'.`;
    case 'path':
      return `'${value}' in ${key} has a path: an origin is only scheme://host[:port]. Remove everything from the first '/' after the host.`;
    case 'query':
      return `'${value}' in ${key} has a query or fragment: an origin is only scheme://host[:port].`;
    case 'unparsable':
      return `'${value}' in ${key} is not a valid host[:port].`;
  }
}

/** Comma-separated list as Plane splits it: trimmed, empties dropped. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Host of a URL-ish string (`http://api:8000/x` → `api`), or undefined. */
export function urlHost(value: string): string | undefined {
  const match = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/.exec(value.trim());
  return match?.[1]?.toLowerCase();
}

/** True for a name that only resolves inside a Docker network (`api`, `plane-api`), not a public domain or IP. */
export function isServiceHostName(host: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(host) && host !== 'localhost';
}
