import type { ProbeFinding } from '../../schemas/probe';
import { isIpLiteral } from '../../schemas/probe';
import type { EvalContext } from './context';
import type { DnsRecord } from './recording';

/**
 * DNS of every public host, compared with the server's addresses when they are known. A host
 * whose name points elsewhere reaches another machine, whatever the server's config says.
 */
export function evaluateDns(ctx: EvalContext, records: readonly DnsRecord[]): ProbeFinding[] {
  const byHost = ctx.targets.endpoints.filter((e, i, all) => all.findIndex((o) => o.host === e.host) === i);
  return byHost.map(({ host, role }) => {
    const id = `dns.${role}`;
    const title = `DNS of ${host}`;
    const evidence = { request: { method: 'DNS', url: host, headers: [] }, curl: `dig +short A ${host}; dig +short AAAA ${host}` };
    if (isIpLiteral(host))
      return {
        id,
        group: 'dns',
        status: 'skip',
        title,
        explanation: 'The URL uses an IP address; there is no name to resolve.',
        durationMs: 0,
      };
    const record = records.find((r) => r.host === host);
    if (!record) return { id, group: 'dns', status: 'skip', title, explanation: 'The lookup was not made.', durationMs: 0 };
    if (record.override) {
      return {
        id,
        group: 'dns',
        status: 'skip',
        title,
        explanation: `Resolved by the override to ${record.override}; DNS was not consulted. Probe again without the override after switching DNS.`,
        durationMs: record.durationMs,
        evidence,
      };
    }
    if (record.error || record.addresses.length === 0) {
      return {
        id,
        group: 'dns',
        status: 'fail',
        title: `${host} does not resolve`,
        explanation: `Looking up ${host} failed (${record.error?.code ?? record.error?.message ?? 'no A/AAAA records'}); browsers cannot reach it.`,
        fix: { text: `Create an A record (and AAAA if the server has IPv6) for ${host} pointing at the server.` },
        evidence: record.error ? { ...evidence, error: record.error } : evidence,
        durationMs: record.durationMs,
      };
    }
    const found = record.addresses.map((a) => a.address);
    const server = ctx.input.expected.serverAddresses;
    const list = record.addresses.map((a) => `${a.family === 6 ? 'AAAA' : 'A'} ${a.address}`).join(', ');
    if (server.length === 0)
      return {
        id,
        group: 'dns',
        status: 'pass',
        title,
        explanation: `${host} resolves to ${list}.`,
        durationMs: record.durationMs,
        evidence,
      };
    const stray = found.filter((address) => !server.includes(address));
    if (stray.length === 0)
      return {
        id,
        group: 'dns',
        status: 'pass',
        title,
        explanation: `${host} resolves to ${list}: the server.`,
        durationMs: record.durationMs,
        evidence,
      };
    const anyMatch = stray.length < found.length;
    return {
      id,
      group: 'dns',
      status: anyMatch ? 'warn' : 'fail',
      title: anyMatch ? `${host} also points elsewhere` : `${host} points to another machine`,
      explanation: `${host} resolves to ${list}, but the server is ${server.join(', ')}. ${anyMatch ? 'Browsers pick one address (IPv6 first), so some visits miss the server.' : 'Browsers reach another machine.'}`,
      fix: { text: `Point the A/AAAA records of ${host} at ${server.join(', ')} and remove ${stray.join(', ')}.` },
      durationMs: record.durationMs,
      evidence,
    };
  });
}
