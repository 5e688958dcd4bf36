import { describe, expect, it } from 'vitest';
import { answer, failed, findingOf, healthyRecordings, probeInput, WS_ACCEPT } from './__fixtures__/recorded';
import type { ProbeRecordings, WsRecord } from './recording';
import { probeTargets } from './targets';

const input = probeInput({ webUrl: 'https://plane.example.com' });
const t = probeTargets(input);
const spec = { method: 'GET', url: t.wsUrl, headers: [], budget: false, maxBodyBytes: 0 };

function withSocket(ws: Omit<WsRecord, 'expectedAccept'>, mutate?: (rec: ProbeRecordings) => void) {
  const rec = healthyRecordings(input);
  rec.websocket = { ...ws, expectedAccept: WS_ACCEPT };
  mutate?.(rec);
  return findingOf(input, rec, 'ws.upgrade');
}

describe('WebSocket evaluation (D9)', () => {
  it('upgrades wss://…/live/collaboration with the editor query', () => {
    expect(t.wsUrl).toBe(
      'wss://plane.example.com/live/collaboration?documentType=project_page&projectId=00000000-0000-0000-0000-000000000000&workspaceSlug=probe',
    );
  });

  it('passes 101 with the accept value derived from the key', () => {
    expect(withSocket(answer(spec, 101, [['Sec-WebSocket-Accept', WS_ACCEPT]])).status).toBe('pass');
  });

  it('fails 101 with a wrong Sec-WebSocket-Accept', () => {
    expect(withSocket(answer(spec, 101, [['Sec-WebSocket-Accept', 'bogus=']]))).toMatchObject({
      status: 'fail',
      title: 'The upgrade answer is forged',
    });
  });

  it('maps 200 HTML to a /live route that reaches the web app', () => {
    const finding = withSocket(answer(spec, 200, [['Content-Type', 'text/html']], '<!doctype html><html></html>'));
    expect(finding).toMatchObject({ status: 'fail', title: 'The socket reaches the web app' });
    expect(finding.fix?.proxySetting).toBe('Route /live/* to live:3000 without stripping the prefix');
  });

  it.each([400, 426])('maps %i to stripped Upgrade/Connection headers', (status) => {
    const finding = withSocket(answer(spec, status, [['Content-Type', 'text/plain']], 'Upgrade Required'));
    expect(finding).toMatchObject({ status: 'fail', title: 'Upgrade headers are stripped' });
    expect(finding.fix?.proxySetting).toBe('Pass Upgrade and Connection headers to /live/*');
  });

  it('maps 404 to stripped upgrade headers when /live/health answers, to a missing route when it does not', () => {
    const notFound = answer(spec, 404, [['Content-Type', 'text/html']], 'Cannot GET /live/collaboration');
    expect(withSocket(notFound).title).toBe('Upgrade headers are stripped');
    const routeMissing = withSocket(notFound, (rec) => {
      rec.liveHealth = answer(t.requests.liveHealth, 404, [['Content-Type', 'text/plain']], 'not found');
    });
    expect(routeMissing.title).toBe('No route to the live server');
  });

  it('maps 502 to the live service being down and points at its logs', () => {
    const finding = withSocket(answer(spec, 502, [['Server', 'Caddy']]));
    expect(finding).toMatchObject({ status: 'fail', title: 'The live server is down', fix: { service: 'live' } });
  });

  it('says how long it waited on a timeout', () => {
    const finding = withSocket(failed(spec, 'timeout'));
    expect(finding.explanation).toMatch(/No handshake answer within 5 s \(this check's timeout\)/);
  });

  it('maps a closed connection and a TLS failure to their causes', () => {
    expect(withSocket(failed(spec, 'reset', 'ECONNRESET')).title).toBe('The connection closed during the upgrade');
    expect(withSocket(failed(spec, 'tls', 'ERR_TLS_CERT_ALTNAME_INVALID')).title).toBe('TLS failed on the WebSocket');
  });
});
