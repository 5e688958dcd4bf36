import type { HeaderPair } from '../../schemas/probe';

/**
 * Reading raw response headers the way a browser does. Everything works on raw pairs: a proxy
 * that adds a second `Access-Control-Allow-Origin` must stay visible as two headers.
 */

/** Every value of a header, in order, one entry per header line (names match case-insensitively). */
export function headerValues(headers: readonly HeaderPair[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

/** The first value of a header, or undefined. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/**
 * The comma-separated tokens of a list header across all its lines, trimmed, lower-cased:
 * `Vary: Accept-Encoding, Origin` and two `Vary` lines read the same.
 */
export function headerTokens(headers: readonly HeaderPair[], name: string): string[] {
  return headerValues(headers, name)
    .flatMap((value) => value.split(','))
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
}

/**
 * The values a browser sees for `Access-Control-Allow-Origin`: every line, each split on commas,
 * because both `A, A` on one line and two lines fail with "contains multiple values".
 */
export function allowOriginValues(headers: readonly HeaderPair[]): string[] {
  return headerValues(headers, 'access-control-allow-origin')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** A parsed `Set-Cookie` line: the name, value and attributes (attribute names lower-cased). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Map<string, string>;
}

/** Parses every `Set-Cookie` header; malformed lines (no `=`) are skipped as browsers do. */
export function parseSetCookies(headers: readonly HeaderPair[]): SetCookie[] {
  const cookies: SetCookie[] = [];
  for (const line of headerValues(headers, 'set-cookie')) {
    const [pair = '', ...attributeParts] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const attributes = new Map<string, string>();
    for (const part of attributeParts) {
      const [key = '', ...rest] = part.split('=');
      if (key.trim() !== '') attributes.set(key.trim().toLowerCase(), rest.join('=').trim());
    }
    cookies.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes });
  }
  return cookies;
}

/** The media type of a response without parameters, lower case (`text/html`), or ''. */
export function mediaType(headers: readonly HeaderPair[]): string {
  return (headerValue(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
