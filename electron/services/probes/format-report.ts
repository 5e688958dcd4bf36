import type { ProbeFinding, ProbeGroup, ProbeReport } from '../../../shared/schemas/probe';

const GROUP_TITLES: Record<ProbeGroup, string> = {
  reachability: 'Reachability',
  dns: 'DNS',
  tls: 'TLS',
  routes: 'Routes',
  cors: 'CORS',
  cookies: 'Cookies',
  websocket: 'WebSocket',
  content: 'Content',
  headers: 'Security headers',
};

const MARKS = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const;

/**
 * A report as terminal text: one line per finding, grouped like the screen; failures and
 * warnings carry the explanation, the browser's error, the fix and the curl that reproduces it.
 */
export function formatReport(report: ProbeReport, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [`Probed ${report.target.webUrl} (${report.target.layout} layout) in ${Math.round(report.durationMs)} ms`, ''];
  const groups = [...new Set(report.findings.map((f) => f.group))];
  for (const group of groups) {
    lines.push(GROUP_TITLES[group]);
    for (const finding of report.findings.filter((f) => f.group === group)) lines.push(...findingLines(finding, options.verbose === true));
    lines.push('');
  }
  const s = report.summary;
  lines.push(`${s.fail} failed, ${s.warn} warnings, ${s.pass} passed, ${s.skip} skipped`);
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: ProbeFinding, verbose: boolean): string[] {
  const lines = [`  ${MARKS[finding.status]}  ${finding.title}  [${finding.id}]`];
  if (finding.status === 'pass' || (finding.status === 'skip' && !verbose)) return lines;
  lines.push(`        ${finding.explanation}`);
  if (finding.browserError) lines.push(`        Browser: ${finding.browserError}`);
  if (finding.fix) {
    const where = [
      finding.fix.envKey && `${finding.fix.envKey}${finding.fix.envFile ? ` in ${finding.fix.envFile}` : ''}`,
      finding.fix.service && `service ${finding.fix.service}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`        Fix: ${finding.fix.text}${where ? ` (${where})` : ''}`);
  }
  if (finding.evidence && finding.status !== 'skip') lines.push(`        Reproduce: ${finding.evidence.curl}`);
  return lines;
}
