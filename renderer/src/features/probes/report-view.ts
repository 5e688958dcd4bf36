import type { HeaderPair, ProbeFinding, ProbeGroup, ProbeReport, ProbeStatus } from '../../../../shared/schemas/probe';

/** The screen's sections in the order a broken deployment is debugged: can it be reached at all, then details. */
export const groupOrder: readonly ProbeGroup[] = [
  'reachability',
  'dns',
  'tls',
  'cors',
  'cookies',
  'websocket',
  'routes',
  'headers',
  'content',
];

/** Section titles, in the words of the user's guide. */
export const groupLabels: Record<ProbeGroup, string> = {
  reachability: 'Reachability',
  dns: 'DNS',
  tls: 'TLS',
  cors: 'CORS',
  cookies: 'Cookies',
  websocket: 'WebSocket',
  routes: 'Routes',
  headers: 'Security headers',
  content: 'Content',
};

/** How a status reads next to its dot; `skip` says "not judged", never anything that sounds fine. */
export const statusLabels: Record<ProbeStatus, string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', skip: 'Not judged' };

const rank: Record<ProbeStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** One section: its findings with problems first, and its worst status for the header. */
export interface FindingGroupView {
  group: ProbeGroup;
  findings: ProbeFinding[];
  worst: ProbeStatus;
  counts: Record<ProbeStatus, number>;
}

/**
 * Groups a report's findings by section, problems first within each (stable otherwise, so the
 * order follows the probes and does not shuffle between runs). Empty sections are left out.
 */
export function groupFindings(report: ProbeReport): FindingGroupView[] {
  const views: FindingGroupView[] = [];
  for (const group of groupOrder) {
    const findings = report.findings
      .map((finding, index) => ({ finding, index }))
      .filter(({ finding }) => finding.group === group)
      .sort((a, b) => rank[a.finding.status] - rank[b.finding.status] || a.index - b.index)
      .map(({ finding }) => finding);
    if (findings.length === 0) continue;
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
    for (const f of findings) counts[f.status] += 1;
    const worst = findings.reduce<ProbeStatus>(
      (w, f) => (f.status !== 'skip' && rank[f.status] < rank[w] ? f.status : w),
      findings[0]?.status === 'skip' ? 'skip' : 'pass',
    );
    views.push({ group, findings, worst, counts });
  }
  return views;
}

/**
 * Lower-cased names of headers that appear more than once. A duplicated
 * Access-Control-Allow-Origin is the classic proxy mistake, so the evidence marks every copy.
 */
export function repeatedHeaderNames(headers: readonly HeaderPair[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) repeated.add(lower);
    seen.add(lower);
  }
  return repeated;
}

/** "1.2 s" / "340 ms": durations as the summary line and rows show them. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
