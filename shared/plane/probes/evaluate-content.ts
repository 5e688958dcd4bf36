import type { ProbeFinding } from '../../schemas/probe';
import { envFix, isHttpsSite, type EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import { absoluteUrls } from './html';
import type { HttpRecord, ProbeRecordings } from './recording';

/** Hosts that appear in every JS bundle (licences, specs) and are never an API URL. */
const NOISE_HOSTS =
  /(^|\.)(w3\.org|reactjs\.org|react\.dev|github\.com|mozilla\.org|npmjs\.com|sentry\.io|google\.com|googleapis\.com|gstatic\.com|jsdelivr\.net|unpkg\.com|json-schema\.org|schema\.org|plane\.so|fb\.me|mdn\.io|tiptap\.dev|yjs\.dev)$/i;

/**
 * What the page itself references: http URLs on an https page (mixed content, blocked by the
 * browser) and, in the split layout, the API URL baked into the JS at build time.
 */
export function evaluateContent(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  return [mixedContentFinding(ctx, rec), bakedApiUrlFinding(ctx, rec)];
}

function mixedContentFinding(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding {
  const id = 'content.mixed-content';
  const title = 'No http URLs on the https site';
  if (!isHttpsSite(ctx)) return skipped(id, 'content', title, 'The site is http, so the browser has no mixed content to block.', rec.web);
  const configured: Array<[string, string, string]> = [
    ['the API URL', ctx.targets.apiBase, 'VITE_API_BASE_URL'],
    ['the live URL', ctx.targets.liveBase, 'VITE_LIVE_BASE_URL'],
  ];
  if (ctx.input.expected.frontendApiUrl) configured.push(['VITE_API_BASE_URL', ctx.input.expected.frontendApiUrl, 'VITE_API_BASE_URL']);
  const insecureConfig = configured.find(([, url]) => /^(http|ws):/i.test(url.trim()));
  const hosts = ctx.targets.hosts.map((h) => h.toLowerCase());
  const sources = [rec.web, ...rec.bundles].filter((r): r is HttpRecord => r?.response !== undefined);
  let found: { url: string; record: HttpRecord } | undefined;
  for (const record of sources) {
    const url = absoluteUrls(record.response?.body ?? '').find((u) => /^(http|ws):/i.test(u) && hosts.includes(hostOf(u)));
    if (url) {
      found = { url, record };
      break;
    }
  }
  const base = { id, group: 'content' as const, service: 'web' as const };
  if (!insecureConfig && !found)
    return findingFrom(
      { ...base, status: 'pass', title, explanation: 'The page and its scripts reference the API and live server over https/wss only.' },
      rec.web,
    );
  const url = found?.url ?? insecureConfig?.[1] ?? '';
  const key = insecureConfig?.[2] ?? (found && /^ws:/i.test(found.url) ? 'VITE_LIVE_BASE_URL' : 'VITE_API_BASE_URL');
  const split = ctx.input.layout === 'split';
  return findingFrom(
    {
      ...base,
      status: 'fail',
      title: 'The https site calls an http URL',
      explanation: `${found ? `The page's code references ${url}` : `${insecureConfig?.[0] ?? 'A URL'} is ${url}`}: an https page may not call http:// or ws:// URLs, so the browser blocks these requests as mixed content.`,
      browserError: `Mixed Content: The page at '${ctx.targets.webOrigin}/' was loaded over HTTPS, but requested an insecure resource '${url}'. This request has been blocked; the content must be served over HTTPS.`,
      fix: split
        ? envFix(
            ctx,
            key,
            `Use https:// (wss:// for live) in ${key} and rebuild the frontend image: Vite bakes the value in at build time.`,
            'web',
          )
        : envFix(ctx, 'WEB_URL', 'Serve every public URL over https, and set WEB_URL and CORS_ALLOWED_ORIGINS with https://.', 'api'),
    },
    found?.record ?? rec.web,
  );
}

function bakedApiUrlFinding(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding {
  const id = 'content.baked-api-url';
  const title = 'API URL baked into the frontend';
  const expected = (ctx.input.expected.frontendApiUrl ?? (ctx.input.layout === 'split' ? ctx.targets.apiBase : undefined))
    ?.trim()
    .replace(/\/+$/, '');
  if (expected === undefined)
    return skipped(
      id,
      'content',
      title,
      'Stock frontends call the API on their own origin (/api); only the split layout bakes an API URL in.',
      rec.web,
    );
  const bundles = rec.bundles.filter((r) => r.response && r.response.status === 200);
  if (bundles.length === 0) return skipped(id, 'content', title, 'No script of the frontend could be fetched (see routes.web).', rec.web);
  const base = { id, group: 'content' as const, service: 'web' as const };
  const holder = bundles.find((r) => r.response?.body.includes(expected));
  if (holder) {
    const elsewhere = expected !== ctx.targets.apiBase;
    return findingFrom(
      elsewhere
        ? {
            ...base,
            status: 'warn',
            title: 'The frontend calls another API URL than the one probed',
            explanation: `The bundle calls ${expected}, which matches .env.frontend, but the API was probed at ${ctx.targets.apiBase}.`,
            fix: envFix(ctx, 'VITE_API_BASE_URL', "Make VITE_API_BASE_URL the API's public URL and probe that one.", 'web'),
          }
        : { ...base, status: 'pass', title, explanation: `The frontend's code calls ${expected}, as .env.frontend says.` },
      holder,
    );
  }
  const candidates = [
    ...new Set(
      bundles
        .flatMap((r) => absoluteUrls(r.response?.body ?? ''))
        .map(originOf)
        .filter((u) => u !== '' && !NOISE_HOSTS.test(hostOf(u))),
    ),
  ];
  const truncated = bundles.some((r) => r.response?.bodyTruncated);
  const holderOfCandidate = bundles.find((r) => candidates.some((c) => r.response?.body.includes(c)));
  return findingFrom(
    {
      ...base,
      status: 'fail',
      title: 'The frontend was built with another API URL',
      explanation: `.env.frontend says VITE_API_BASE_URL=${expected}, but the frontend's scripts do not contain it${candidates.length > 0 ? `; they call ${candidates.slice(0, 3).join(', ')}` : ''}. Vite bakes the URL in when the image is built, so editing .env.frontend changes nothing until the image is rebuilt.${truncated ? ' (Some scripts were too large to read completely.)' : ''}`,
      fix: envFix(ctx, 'VITE_API_BASE_URL', `Rebuild and redeploy the frontend image with VITE_API_BASE_URL=${expected}.`, 'web'),
    },
    holderOfCandidate ?? bundles[0],
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url.replace(/^ws(s?):/i, 'http$1:')).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
