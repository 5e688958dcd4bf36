import type { EvalContext } from './context';

/** How the finding names the proxy setting to change when a proxy adds CORS headers. */
export const PROXY_CORS_SETTING = 'Remove CORS headers added by the proxy';

/** A cause read from the env file, and the sentence that fixes it. */
export interface CorsCause {
  kind: 'trailing-slash' | 'wildcard' | 'empty' | 'missing-origin' | 'unknown';
  explanation: string;
  fix: string;
}

/**
 * Why Django does not allow the frontend origin, judged from CORS_ALLOWED_ORIGINS as written in
 * the env file (user's guide, Troubleshooting: "blocked by CORS policy"). Unknown when the probe
 * was given no env values.
 */
export function corsCause(ctx: EvalContext): CorsCause {
  const origin = ctx.targets.webOrigin;
  const list = ctx.input.expected.corsAllowedOrigins?.map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (list === undefined) {
    return {
      kind: 'unknown',
      explanation: `CORS_ALLOWED_ORIGINS must list ${origin} exactly (scheme, host and port).`,
      fix: `Add ${origin} to CORS_ALLOWED_ORIGINS (no trailing slash) and restart the API.`,
    };
  }
  const slashed = list.find((entry) => entry.replace(/\/+$/, '') === origin && entry !== origin);
  if (slashed !== undefined) {
    return {
      kind: 'trailing-slash',
      explanation: `CORS_ALLOWED_ORIGINS lists '${slashed}' with a trailing slash: an origin never has one, so it never matches (and django-cors-headers refuses to start with it, check corsheaders.E014).`,
      fix: `CORS_ALLOWED_ORIGINS has a trailing slash: remove the final '/' from '${slashed}' and restart the API.`,
    };
  }
  if (list.includes('*')) {
    return {
      kind: 'wildcard',
      explanation:
        "CORS_ALLOWED_ORIGINS is '*': it is not an origin, django-cors-headers rejects it (check corsheaders.E013) and Plane sends cookies, which '*' can never allow.",
      fix: `Replace '*' with ${origin} in CORS_ALLOWED_ORIGINS and restart the API.`,
    };
  }
  if (list.length === 0) {
    return {
      kind: 'empty',
      explanation:
        'CORS_ALLOWED_ORIGINS is empty, so Plane allows every origin; an answer without the header means something other than Django answered.',
      fix: `Set CORS_ALLOWED_ORIGINS=${origin} and make sure the proxy passes /api/ to the API.`,
    };
  }
  if (!list.includes(origin)) {
    return {
      kind: 'missing-origin',
      explanation: `CORS_ALLOWED_ORIGINS is '${list.join(',')}', which does not contain the frontend origin ${origin} (scheme, host and port must match).`,
      fix: `Add ${origin} to CORS_ALLOWED_ORIGINS and restart the API.`,
    };
  }
  return {
    kind: 'unknown',
    explanation: `CORS_ALLOWED_ORIGINS contains ${origin}, yet the API did not allow it: the running API has other values than the file (restart it), or a proxy removes the header.`,
    fix: 'Recreate the API container so it reads the current env file, and check that the proxy keeps Access-Control-* headers.',
  };
}

/**
 * The entry of the env file's CORS list that stops Django from starting (django-cors-headers
 * checks E013: no scheme or host, such as `*`; E014: a path, such as a trailing slash), if any.
 */
export function corsEntryBreakingStartup(ctx: EvalContext): string | undefined {
  const list = ctx.input.expected.corsAllowedOrigins ?? [];
  return list
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .find((entry) => {
      const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)(.*)$/i.exec(entry);
      return match === null || (match[3] ?? '') !== '';
    });
}
