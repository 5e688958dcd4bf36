import type { ProbeFinding } from '../../schemas/probe';
import { isHttpsSite, type EvalContext } from './context';
import { findingFrom, skipped } from './finding';
import { headerValue } from './headers';
import type { ProbeRecordings } from './recording';
import { unavailableReason } from './transport';

interface HeaderRule {
  id: string;
  header: string;
  accept: (value: string) => boolean;
  recommended: string;
  why: string;
}

const rules: HeaderRule[] = [
  {
    id: 'headers.x-frame-options',
    header: 'X-Frame-Options',
    accept: (v) => /^(deny|sameorigin)$/i.test(v.trim()),
    recommended: 'SAMEORIGIN',
    why: 'keeps other sites from framing Plane (clickjacking)',
  },
  {
    id: 'headers.x-content-type-options',
    header: 'X-Content-Type-Options',
    accept: (v) => v.trim().toLowerCase() === 'nosniff',
    recommended: 'nosniff',
    why: 'stops browsers from guessing content types of uploads',
  },
  {
    id: 'headers.referrer-policy',
    header: 'Referrer-Policy',
    accept: (v) => v.trim() !== '' && !/unsafe-url/i.test(v),
    recommended: 'strict-origin-when-cross-origin',
    why: "keeps workspace URLs out of other sites' logs",
  },
];

/**
 * The security headers the user's guide has the frontend's nginx send, and HSTS on https.
 * Missing ones are warnings: Plane works without them, but less safely.
 */
export function evaluateHeaders(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const record = rec.web;
  const down = unavailableReason(record);
  const all = [...rules.map((r) => ({ id: r.id, title: r.header })), { id: 'headers.hsts', title: 'Strict-Transport-Security' }];
  if (down || !record?.response)
    return all.map((r) => skipped(r.id, 'headers', r.title, `${down ?? 'No answer.'} Headers need an answer from /.`, record));
  const headers = record.response.rawHeaders;
  const findings = rules.map((rule) => {
    const value = headerValue(headers, rule.header);
    const setting = `add_header ${rule.header} "${rule.recommended}" always`;
    if (value !== undefined && rule.accept(value)) {
      return findingFrom(
        {
          id: rule.id,
          group: 'headers',
          status: 'pass',
          title: rule.header,
          explanation: `${rule.header}: ${value}. It ${rule.why}.`,
          service: 'web',
        },
        record,
      );
    }
    return findingFrom(
      {
        id: rule.id,
        group: 'headers',
        status: 'warn',
        title: value === undefined ? `${rule.header} is missing` : `${rule.header} is weak`,
        explanation: `${value === undefined ? 'The page has no' : `The page sends '${value}' as`} ${rule.header}; the header ${rule.why}.`,
        fix: {
          text: `Have the frontend's web server or the proxy send ${rule.header}: ${rule.recommended} (nginx: ${setting};).`,
          proxySetting: setting,
          service: 'proxy',
        },
        service: 'web',
      },
      record,
    );
  });
  if (!isHttpsSite(ctx)) {
    findings.push(
      skipped('headers.hsts', 'headers', 'Strict-Transport-Security', 'The site is http; HSTS only applies to https sites.', record),
    );
    return findings;
  }
  const hsts = headerValue(headers, 'strict-transport-security');
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts ?? '')?.[1] ?? '0');
  findings.push(
    maxAge > 0
      ? findingFrom(
          {
            id: 'headers.hsts',
            diagnostic: 'D25',
            group: 'headers',
            status: 'pass',
            title: 'Strict-Transport-Security',
            explanation: `HSTS is on (max-age=${maxAge}).`,
            service: 'proxy',
          },
          record,
        )
      : findingFrom(
          {
            id: 'headers.hsts',
            diagnostic: 'D25',
            group: 'headers',
            status: 'warn',
            title: 'HSTS is missing',
            explanation: 'Without Strict-Transport-Security a first visit over http can be intercepted before the redirect to https.',
            fix: {
              text: 'Send Strict-Transport-Security: max-age=31536000 from the TLS-terminating proxy.',
              proxySetting: 'Strict-Transport-Security: max-age=31536000',
              service: 'proxy',
            },
            service: 'proxy',
          },
          record,
        ),
  );
  return findings;
}
