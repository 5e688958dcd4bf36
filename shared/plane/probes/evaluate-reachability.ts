import type { ProbeFinding } from '../../schemas/probe';
import type { EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import type { HttpRecord, ProbeRecordings } from './recording';
import { describeTransportError } from './transport';

/**
 * Can the browser open a connection and get any HTTP answer from each endpoint? Separate from
 * the routes so that "proxy unreachable" reads as one cause, not as a dozen route failures.
 */
export function evaluateReachability(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const firstRecord: Record<'web' | 'api' | 'live', HttpRecord | undefined> = { web: rec.web, api: rec.apiInstances, live: rec.liveHealth };
  const findings = ctx.targets.endpoints.map((endpoint): ProbeFinding => {
    const id = `reach.${endpoint.role}`;
    const title = `${endpoint.host}:${endpoint.port} answers`;
    const record = firstRecord[endpoint.role];
    if (!record) return skipped(id, 'reachability', title, 'No request was made to this endpoint.');
    if (record.response) {
      return findingFrom(
        {
          id,
          diagnostic: 'D1',
          group: 'reachability',
          status: 'pass',
          title,
          explanation: `Answered HTTP ${record.response.status} in ${Math.round(record.durationMs)} ms.`,
          service: 'proxy',
        },
        record,
      );
    }
    return findingFrom(
      {
        id,
        diagnostic: 'D1',
        group: 'reachability',
        status: 'fail',
        title: `${endpoint.host}:${endpoint.port} is unreachable`,
        explanation: describeTransportError(record),
        fix: {
          text:
            record.error?.kind === 'dns'
              ? 'Create the DNS record, or probe with a resolve override.'
              : 'Check that the proxy container runs and publishes this port, and that no firewall blocks it.',
          service: 'proxy',
        },
        service: 'proxy',
      },
      record,
    );
  });
  findings.push(rateLimitFinding(rec));
  return findings;
}

/** D26: a 429 anywhere means the probes themselves were throttled and some verdicts are missing. */
function rateLimitFinding(rec: ProbeRecordings): ProbeFinding {
  const throttled = [rec.apiInstances, rec.csrfToken, rec.corsPreflight, rec.corsActual, rec.corsForeign].find(
    (r) => r?.response?.status === 429,
  );
  if (!throttled)
    return {
      id: 'reach.rate-limit',
      diagnostic: 'D26',
      group: 'reachability',
      status: 'pass',
      title: 'Not throttled',
      explanation: "No probe was answered 429; the probes stayed under Plane's anonymous limit (30/min).",
      durationMs: 0,
    };
  return findingFrom(
    {
      id: 'reach.rate-limit',
      diagnostic: 'D26',
      group: 'reachability',
      status: 'warn',
      title: 'Plane throttled the probes',
      explanation:
        'The API answered 429 Too Many Requests even after backing off: other anonymous traffic from this address shares the 30/min limit. The affected checks could not be judged.',
      fix: { text: 'Run the checks again in a minute.' },
      service: 'api',
    },
    throttled,
  );
}
