import { mediaType } from './headers';
import type { RecordedResponse } from './recording';

/**
 * Recognising which app answered, from the page itself. Status codes lie (a SPA answers 200 to
 * every path); the HTML and its asset paths do not.
 */

/** True when the response is an HTML page (by content type, or by its first tag when untyped). */
export function isHtml(response: RecordedResponse): boolean {
  const type = mediaType(response.rawHeaders);
  if (type === 'text/html') return true;
  return type === '' && /^\s*(<!doctype html|<html)/i.test(response.body);
}

/** Parses a JSON object body, or undefined when it is not one. */
export function jsonObject(response: RecordedResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `src` of every `<script>` and the `href` of every `modulepreload` link, in page order. */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) if (match[1]) sources.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel\s*=\s*["']modulepreload["'][^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(match[0])?.[1];
    if (href) sources.push(href);
  }
  return [...new Set(sources)];
}

/**
 * A fingerprint of a SPA's shell: its script sources, or its body when it has none. Two paths
 * with the same fingerprint are served by the same app.
 */
export function appFingerprint(html: string): string {
  const sources = scriptSources(html);
  return sources.length > 0 ? sources.join('\n') : html.trim();
}

/** Every absolute http(s)/ws(s) URL written in a text (HTML or JS), deduplicated. */
export function absoluteUrls(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:https?|wss?):\/\/[a-z0-9.-]+(?::\d+)?(?:\/[^\s"'`<>()\\]*)?/gi)) found.add(match[0]);
  return [...found];
}
