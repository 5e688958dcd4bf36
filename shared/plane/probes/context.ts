import type { ParsedProbeInput, ProbeLayout } from '../../schemas/probe';
import type { ProbeTargets } from './targets';

/** What every evaluator may read besides its recordings. `now` is injected so expiry tests are stable. */
export interface EvalContext {
  input: ParsedProbeInput;
  targets: ProbeTargets;
  now: Date;
}

/** Env keys the probes point at, and the file that holds each one per layout. */
const envFiles: Record<ProbeLayout, Record<string, string>> = {
  community: { default: 'plane.env' },
  dokploy: { default: '.env (Dokploy environment tab)' },
  split: {
    default: '.env.api',
    VITE_API_BASE_URL: '.env.frontend',
    NEXT_PUBLIC_API_BASE_URL: '.env.frontend',
    LIVE_SERVER_SECRET_KEY: '.env.live',
  },
};

/** The env file a key lives in for this layout, so the UI can open the right form. */
export function envFileFor(layout: ProbeLayout, key: string): string {
  const files = envFiles[layout];
  return files[key] ?? files.default ?? 'plane.env';
}

/** A fix that points at an env key in the layout's file. */
export function envFix(
  ctx: EvalContext,
  envKey: string,
  text: string,
  service?: 'api' | 'web' | 'live',
): {
  text: string;
  envKey: string;
  envFile: string;
  service?: 'api' | 'web' | 'live';
} {
  const fix = { text, envKey, envFile: envFileFor(ctx.input.layout, envKey) };
  return service ? { ...fix, service } : fix;
}

/** True when the page is served over https (mixed content, Secure cookies and HSTS depend on it). */
export function isHttpsSite(ctx: EvalContext): boolean {
  return ctx.targets.webOrigin.startsWith('https:');
}
