import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../shared/ipc/errors';
import { evaluateProbes } from '../../../shared/plane/probes/evaluate';
import { summarize } from '../../../shared/plane/probes/finding';
import type { RateBudget } from '../../../shared/plane/probes/rate-budget';
import type { HttpRecord, ProbeRecordings } from '../../../shared/plane/probes/recording';
import { csrfCredentials, signInRequest } from '../../../shared/plane/probes/sign-in';
import { probeTargets, redirectProbeUrl, type ProbeTargets, type RequestSpec } from '../../../shared/plane/probes/targets';
import { probeInputSchema, type ParsedProbeInput, type ProbeInput, type ProbeReport } from '../../../shared/schemas/probe';
import { fetchBundles } from './bundle-fetch';
import { recordDns } from './dns-inspect';
import { recordHttp } from './http-exchange';
import { createNetContext, type NetContext } from './net-context';
import { budgetFor, withBudget } from './rate-gate';
import { recordTls } from './tls-inspect';
import { recordWebSocket } from './ws-exchange';

/** Injection points for tests and the CLI; the app passes only `signal`. */
export interface RunProbesOptions {
  signal?: AbortSignal;
  /** Clock for certificate expiry; tests pin it. */
  now?: () => Date;
  /** Overrides the process-wide budget of the API origin (tests against peers without a throttle). */
  budget?: RateBudget;
  /** Path of the CA file, shown in copyable curl commands instead of a placeholder. */
  caFileForCurl?: string;
}

/**
 * Runs every probe from this machine, the way the browser sees the deployment, and judges the
 * answers. Checks run in parallel; only anonymous API requests wait for the shared rate budget.
 * Each check has its own timeout (`input.timeoutMs`), so one silent endpoint costs one timeout,
 * not the suite. Throws only for invalid input (INVALID_INPUT) or cancellation (CANCELLED).
 */
export async function runProbes(rawInput: ProbeInput, options: RunProbesOptions = {}): Promise<ProbeReport> {
  const input = parseInput(rawInput);
  const signal = options.signal ?? new AbortController().signal;
  // Every check listens to the run's signal; 14 parallel checks are expected, not a leak.
  setMaxListeners(64, signal);
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const started = performance.now();
  const targets = probeTargets(input);
  const net = createNetContext({
    overrides: input.resolve,
    caPem: input.caPem,
    caFileForCurl: options.caFileForCurl,
    signal,
    timeoutMs: input.timeoutMs,
  });
  const budget = options.budget ?? budgetFor(new URL(targets.apiBase).origin);
  const send = (spec: RequestSpec): Promise<HttpRecord> =>
    spec.budget ? withBudget(budget, signal, input.timeoutMs, () => recordHttp(spec, net)) : recordHttp(spec, net);
  const recordings = await record(input, targets, net, send);
  if (signal.aborted) throw new AppError('CANCELLED', 'The deployment check was cancelled.');
  const findings = evaluateProbes(input, recordings, now());
  const summary = summarize(findings);
  return {
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    target: { webUrl: targets.webOrigin, apiUrl: targets.apiBase, liveUrl: targets.liveBase, layout: input.layout },
    findings,
    summary,
    ok: summary.fail === 0,
  };
}

async function record(
  input: ParsedProbeInput,
  targets: ProbeTargets,
  net: NetContext,
  send: (spec: RequestSpec) => Promise<HttpRecord>,
): Promise<ProbeRecordings> {
  const { requests } = targets;
  // Only the split layout bakes URLs into its scripts; stock bundles are large and call /api relatively.
  const wantsBundles = input.layout === 'split' || input.expected.frontendApiUrl !== undefined;
  const redirectUrl = redirectProbeUrl(input);
  const webWithBundles = send(requests.web).then(async (web) => ({ web, bundles: wantsBundles ? await fetchBundles(web, send) : [] }));
  // The sign-in form needs the token and cookie of the CSRF step; without them it is not sent (a skip).
  const csrfThenSignIn = send(requests.csrfToken).then(async (csrfToken) => {
    const credentials = csrfCredentials(csrfToken);
    if (!credentials) return { csrfToken, signIn: undefined };
    return { csrfToken, signIn: await send(signInRequest(targets, credentials, randomBytes(18).toString('base64url'))) };
  });
  const [
    dns,
    tls,
    httpRedirect,
    webAndBundles,
    godMode,
    spaces,
    liveHealth,
    bucket,
    websocket,
    apiInstances,
    csrfAndSignIn,
    corsPreflight,
    corsActual,
    corsForeign,
  ] = await Promise.all([
    Promise.all(targets.hosts.map((host) => recordDns(host, input.resolve, input.timeoutMs))),
    Promise.all(targets.endpoints.filter((e) => e.secure).map((e) => recordTls(e.host, e.port, net))),
    redirectUrl
      ? send({ method: 'GET', url: redirectUrl, headers: [], budget: false, maxBodyBytes: 16 * 1024 })
      : Promise.resolve(undefined),
    webWithBundles,
    send(requests.godMode),
    send(requests.spaces),
    send(requests.liveHealth),
    send(requests.bucket),
    recordWebSocket(targets.wsUrl, targets.webOrigin, net),
    send(requests.apiInstances),
    csrfThenSignIn,
    send(requests.corsPreflight),
    send(requests.corsActual),
    send(requests.corsForeign),
  ]);
  const recordings: ProbeRecordings = {
    dns,
    tls,
    web: webAndBundles.web,
    bundles: webAndBundles.bundles,
    godMode,
    spaces,
    liveHealth,
    bucket,
    websocket,
    apiInstances,
    csrfToken: csrfAndSignIn.csrfToken,
    corsPreflight,
    corsActual,
    corsForeign,
  };
  if (csrfAndSignIn.signIn) recordings.signIn = csrfAndSignIn.signIn;
  if (httpRedirect) recordings.httpRedirect = httpRedirect;
  return recordings;
}

function parseInput(raw: ProbeInput): ParsedProbeInput {
  const parsed = probeInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new AppError('INVALID_INPUT', `${issue?.message ?? 'The probe input is invalid.'}${where}`, {
    issues: parsed.error.issues.map((i) => i.message),
  });
}
