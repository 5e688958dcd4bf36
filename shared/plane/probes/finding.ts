import type { ProbeEvidence, ProbeFinding, ProbeFix, ProbeGroup, ProbeService, ProbeStatus, ProbeSummary } from '../../schemas/probe';
import { curlCommand } from './curl';
import type { HttpRecord } from './recording';

/** Bytes of a body kept as evidence: enough to recognise a page, small enough for IPC. */
export const BODY_SNIPPET_CHARS = 2_000;

/** The fields every evaluator fills in; `durationMs` and evidence come from the record. */
export interface FindingDraft {
  id: string;
  diagnostic?: string;
  group: ProbeGroup;
  status: ProbeStatus;
  title: string;
  explanation: string;
  browserError?: string;
  fix?: ProbeFix;
  service?: ProbeService;
}

/** Builds a finding whose evidence is an HTTP exchange (request, raw response, curl). */
export function findingFrom(draft: FindingDraft, record: HttpRecord | undefined): ProbeFinding {
  const finding: ProbeFinding = { ...draft, durationMs: record?.durationMs ?? 0 };
  if (record) finding.evidence = evidenceOf(record);
  return finding;
}

/** Evidence of an exchange; the body is cut to a snippet, headers stay raw. */
export function evidenceOf(record: HttpRecord): ProbeEvidence {
  const evidence: ProbeEvidence = {
    request: { method: record.request.method, url: record.request.url, headers: record.request.headers },
    curl: curlCommand(record.request.method, record.request.url, record.request.headers, record.curlExtras, record.request.body),
  };
  if (record.request.body !== undefined) evidence.request.body = record.request.body;
  if (record.response) {
    evidence.response = {
      status: record.response.status,
      rawHeaders: record.response.rawHeaders,
      bodySnippet: record.response.body.slice(0, BODY_SNIPPET_CHARS),
    };
  }
  if (record.error) evidence.error = record.error;
  return evidence;
}

/** A skip: the check could not run, and the explanation says why (never silently dropped). */
export function skipped(id: string, group: ProbeGroup, title: string, why: string, record?: HttpRecord): ProbeFinding {
  return findingFrom({ id, group, status: 'skip', title, explanation: why }, record);
}

/** Counts per status; the report's `ok` is `fail === 0`. */
export function summarize(findings: readonly ProbeFinding[]): ProbeSummary {
  const summary: ProbeSummary = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const finding of findings) summary[finding.status] += 1;
  return summary;
}

/** "5 s" / "800 ms": how timeouts are worded in explanations. */
export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
