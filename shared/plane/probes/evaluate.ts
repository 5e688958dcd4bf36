import type { ParsedProbeInput, ProbeFinding } from '../../schemas/probe';
import type { EvalContext } from './context';
import { evaluateContent } from './evaluate-content';
import { evaluateCookies } from './evaluate-cookies';
import { evaluateCors } from './evaluate-cors';
import { evaluateDns } from './evaluate-dns';
import { evaluateHeaders } from './evaluate-headers';
import { evaluateReachability } from './evaluate-reachability';
import { evaluateRoutes } from './evaluate-routes';
import { evaluateSignIn } from './evaluate-sign-in';
import { evaluateTls } from './evaluate-tls';
import { evaluateWebSocket } from './evaluate-websocket';
import type { ProbeRecordings } from './recording';
import { probeTargets } from './targets';

/**
 * Every finding of a run, from its recordings alone (no I/O): the same function judges a live
 * run, a unit test's hand-written responses and a saved report. Order is the screen's order.
 */
export function evaluateProbes(input: ParsedProbeInput, recordings: ProbeRecordings, now: Date): ProbeFinding[] {
  const ctx: EvalContext = { input, targets: probeTargets(input), now };
  return [
    ...evaluateReachability(ctx, recordings),
    ...evaluateDns(ctx, recordings.dns),
    ...evaluateTls(ctx, recordings),
    ...evaluateRoutes(ctx, recordings),
    ...evaluateCors(ctx, recordings),
    ...evaluateCookies(ctx, recordings),
    ...evaluateSignIn(ctx, recordings),
    ...evaluateWebSocket(ctx, recordings),
    ...evaluateContent(ctx, recordings),
    ...evaluateHeaders(ctx, recordings),
  ];
}
