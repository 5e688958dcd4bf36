import { scriptSources } from '../../../shared/plane/probes/html';
import type { HttpRecord } from '../../../shared/plane/probes/recording';
import type { RequestSpec } from '../../../shared/plane/probes/targets';

const MAX_FILES = 40;
const MAX_BYTES_PER_FILE = 8 * 1024 * 1024;

/**
 * Fetches the frontend's JavaScript: the scripts index.html loads, then the chunks they import
 * (one level), same origin only. Vite may put the baked API URL in any chunk, so reading only
 * the entry file would miss it.
 */
export async function fetchBundles(page: HttpRecord | undefined, send: (spec: RequestSpec) => Promise<HttpRecord>): Promise<HttpRecord[]> {
  const html = page?.response?.status === 200 ? page.response.body : undefined;
  if (html === undefined) return [];
  const pageUrl = page?.request.url ?? '';
  const origin = new URL(pageUrl).origin;
  const seen = new Set<string>();
  const sameOrigin = (urls: string[], base: string): string[] =>
    urls
      .map((src) => safeUrl(src, base))
      .filter((url): url is string => url !== undefined && new URL(url).origin === origin && !seen.has(url))
      .filter((url) => {
        seen.add(url);
        return true;
      });
  const fetchAll = (urls: string[]): Promise<HttpRecord[]> =>
    Promise.all(
      urls.map((url) => send({ method: 'GET', url, headers: [['Accept', '*/*']], budget: false, maxBodyBytes: MAX_BYTES_PER_FILE })),
    );
  const entries = await fetchAll(sameOrigin(scriptSources(html), pageUrl).slice(0, MAX_FILES));
  const imported = entries.flatMap((record) => sameOrigin(importedChunks(record.response?.body ?? ''), record.request.url));
  const chunks = await fetchAll(imported.slice(0, Math.max(0, MAX_FILES - entries.length)));
  return [...entries, ...chunks];
}

/** Relative `.js` module paths a bundle imports (`"./chunk-x.js"`, `"/assets/y.js"`). */
export function importedChunks(js: string): string[] {
  const found = new Set<string>();
  for (const match of js.matchAll(/["'`]((?:\.{1,2}\/|\/)[^"'`\s]+?\.m?js)["'`]/g)) if (match[1]) found.add(match[1]);
  return [...found];
}

function safeUrl(src: string, base: string): string | undefined {
  try {
    return new URL(src, base).href;
  } catch {
    return undefined;
  }
}
