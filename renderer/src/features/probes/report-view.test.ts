import { describe, expect, it } from 'vitest';
import type { ProbeFinding, ProbeReport } from '../../../../shared/schemas/probe';
import { formatDuration, groupFindings, repeatedHeaderNames } from './report-view';

const f = (id: string, group: ProbeFinding['group'], status: ProbeFinding['status']): ProbeFinding => ({
  id,
  group,
  status,
  title: id,
  explanation: '',
  durationMs: 1,
});
const report = (findings: ProbeFinding[]): ProbeReport => ({
  startedAt: '2025-01-01T00:00:00.000Z',
  durationMs: 1,
  target: { webUrl: 'http://a', apiUrl: 'http://a', liveUrl: 'http://a/live', layout: 'community' },
  findings,
  summary: { pass: 0, warn: 0, fail: 0, skip: 0 },
  ok: true,
});

describe('groupFindings', () => {
  it('orders sections for debugging, puts failures first and drops empty sections', () => {
    const groups = groupFindings(
      report([
        f('cors.a', 'cors', 'pass'),
        f('routes.web', 'routes', 'pass'),
        f('cors.b', 'cors', 'fail'),
        f('reach', 'reachability', 'pass'),
        f('cors.c', 'cors', 'skip'),
      ]),
    );
    expect(groups.map((g) => g.group)).toEqual(['reachability', 'cors', 'routes']);
    expect(groups[1]?.findings.map((x) => x.id)).toEqual(['cors.b', 'cors.a', 'cors.c']);
    expect(groups[1]).toMatchObject({ worst: 'fail', counts: { pass: 1, fail: 1, skip: 1, warn: 0 } });
  });

  it('calls a section of only skipped checks "not judged", never passing', () => {
    expect(groupFindings(report([f('tls.a', 'tls', 'skip')]))[0]?.worst).toBe('skip');
    expect(groupFindings(report([f('tls.a', 'tls', 'skip'), f('tls.b', 'tls', 'pass')]))[0]?.worst).toBe('pass');
  });
});

describe('repeatedHeaderNames', () => {
  it('finds a header sent twice whatever its case', () => {
    const names = repeatedHeaderNames([
      ['Access-Control-Allow-Origin', 'http://a'],
      ['Vary', 'Origin'],
      ['access-control-allow-origin', 'http://a'],
    ]);
    expect([...names]).toEqual(['access-control-allow-origin']);
  });
});

describe('formatDuration', () => {
  it('switches to seconds from one second on', () => {
    expect(formatDuration(340.4)).toBe('340 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
  });
});
