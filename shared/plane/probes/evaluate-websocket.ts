import type { ProbeFinding } from '../../schemas/probe';
import type { EvalContext } from './context';
import { findingFrom, formatMs, skipped, type FindingDraft } from './finding';
import { headerValue } from './headers';
import { isHtml, jsonObject } from './html';
import type { ProbeRecordings, WsRecord } from './recording';

/** How the finding names the proxy setting for upgrade headers (nginx, Traefik, Caddy alike). */
export const UPGRADE_SETTING = 'Pass Upgrade and Connection headers to /live/*';
const ROUTE_SETTING = 'Route /live/* to live:3000 without stripping the prefix';
const UPGRADE_FIX =
  'Pass the upgrade through: nginx needs proxy_http_version 1.1, proxy_set_header Upgrade $http_upgrade and Connection "upgrade"; Caddy and Traefik pass it by default, so remove any rule that drops Upgrade/Connection (e.g. header_up -Upgrade) and any proxy in front (Cloudflare, NPM) that has WebSockets off.';

/**
 * D9: the collaboration socket, upgraded the way the editor does it. 101 with the right
 * Sec-WebSocket-Accept is the only healthy answer; every other outcome maps to one cause.
 */
export function evaluateWebSocket(ctx: EvalContext, rec: ProbeRecordings): ProbeFinding[] {
  const ws = rec.websocket;
  if (!ws) return [skipped('ws.upgrade', 'websocket', 'WebSocket upgrade', 'The upgrade was not attempted.')];
  return [findingFrom(upgradeDraft(ctx, ws, rec), ws)];
}

function upgradeDraft(ctx: EvalContext, ws: WsRecord, rec: ProbeRecordings): FindingDraft {
  const base = {
    id: 'ws.upgrade',
    diagnostic: 'D9',
    group: 'websocket' as const,
    title: 'WebSocket upgrade on /live/collaboration',
    service: 'live' as const,
  };
  const fail = (
    title: string,
    explanation: string,
    fix: FindingDraft['fix'],
    browserError = `WebSocket connection to '${ctx.targets.wsUrl}' failed`,
  ): FindingDraft => ({ ...base, status: 'fail', title, explanation, fix, browserError });
  const upgradeFix = { text: UPGRADE_FIX, proxySetting: UPGRADE_SETTING, service: 'proxy' as const };
  const routeFix = { text: `${ROUTE_SETTING}.`, proxySetting: ROUTE_SETTING, service: 'proxy' as const };
  const response = ws.response;
  if (!response) {
    const error = ws.error;
    switch (error?.kind) {
      case 'timeout':
        return fail(
          'The WebSocket upgrade timed out',
          `No handshake answer within ${formatMs(ws.timeoutMs)} (this check's timeout): a proxy holds the request without passing the upgrade, or live hangs.`,
          upgradeFix,
        );
      case 'reset':
        return fail(
          'The connection closed during the upgrade',
          `The server closed the connection instead of answering the upgrade (${error.code ?? error.message}): a proxy in the chain refuses WebSockets.`,
          upgradeFix,
        );
      case 'tls':
        return fail(
          'TLS failed on the WebSocket',
          `The wss:// handshake failed before HTTP: ${error.message}. Browsers refuse the socket for the same reason (see the TLS checks).`,
          { text: 'Fix the certificate for this host (see the TLS findings).', service: 'proxy' },
        );
      case 'refused':
      case 'dns':
        return fail('The live host is unreachable', `The socket could not connect: ${error.message}.`, {
          text: 'Check the live URL and that the proxy runs.',
          service: 'proxy',
        });
      default:
        return fail(
          'The WebSocket upgrade failed',
          `The upgrade failed without an HTTP answer: ${error?.message ?? 'unknown error'}.`,
          upgradeFix,
        );
    }
  }
  const status = response.status;
  if (status === 101) {
    const accept = headerValue(response.rawHeaders, 'sec-websocket-accept');
    if (accept === ws.expectedAccept)
      return {
        ...base,
        status: 'pass',
        explanation: '101 Switching Protocols with a valid Sec-WebSocket-Accept: real-time editing can connect.',
      };
    return fail(
      'The upgrade answer is forged',
      `101 came back with Sec-WebSocket-Accept '${accept ?? ''}', expected '${ws.expectedAccept}': something other than the live server answered the upgrade, and browsers drop the socket.`,
      upgradeFix,
      `Error during WebSocket handshake: Incorrect 'Sec-WebSocket-Accept' header value`,
    );
  }
  if (status === 502 || status === 503 || status === 504) {
    return fail(
      'The live server is down',
      `The proxy answered ${status} to the upgrade: it routes /live/ but live:3000 does not answer (stopped, crash loop, or missing LIVE_SERVER_SECRET_KEY / API_BASE_URL).`,
      {
        text: 'Open the logs of the live service around this check; it exits at startup when LIVE_SERVER_SECRET_KEY or API_BASE_URL is missing.',
        service: 'live',
      },
      `Error during WebSocket handshake: Unexpected response code: ${status}`,
    );
  }
  const liveUp = rec.liveHealth?.response ? jsonObject(rec.liveHealth.response)?.status === 'OK' : false;
  if (status === 400 || status === 426) {
    return fail(
      'Upgrade headers are stripped',
      `The upgrade answered ${status}: the live server received a plain GET because a proxy dropped the Upgrade/Connection headers.`,
      upgradeFix,
      `Error during WebSocket handshake: Unexpected response code: ${status}`,
    );
  }
  if (isHtml(response) && status < 300) {
    return fail(
      'The socket reaches the web app',
      `The upgrade answered ${status} with an HTML page: /live/collaboration is routed to the web app, not to live.`,
      routeFix,
      `Error during WebSocket handshake: Unexpected response code: ${status}`,
    );
  }
  if (status === 404 && liveUp) {
    return fail(
      'Upgrade headers are stripped',
      '/live/health answers but the socket path gives 404: live received a plain GET (its socket route only matches upgrades), so a proxy dropped the Upgrade/Connection headers.',
      upgradeFix,
      'Error during WebSocket handshake: Unexpected response code: 404',
    );
  }
  if (status === 404) {
    return fail(
      'No route to the live server',
      '/live/collaboration answered 404 and /live/health does not answer: the proxy has no /live/* route, or strips the /live prefix.',
      routeFix,
      'Error during WebSocket handshake: Unexpected response code: 404',
    );
  }
  return fail(
    'The upgrade was refused',
    `The upgrade answered ${status} instead of 101.`,
    liveUp ? upgradeFix : routeFix,
    `Error during WebSocket handshake: Unexpected response code: ${status}`,
  );
}
