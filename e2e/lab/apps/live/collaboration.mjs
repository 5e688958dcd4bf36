// The Hocuspocus server behind /live/collaboration, authenticating like Plane's apps/live
// (lib/auth.ts): the token the web app sends is JSON.stringify(user) ({ id, name, color[, cookie] }),
// the cookie comes from the token or, normally, from the upgrade request's Cookie header, and the
// session is checked with GET {API_BASE_URL}/api/users/me/. Authentication is a Hocuspocus message
// after the upgrade, so an anonymous handshake still gets 101. Documents live in memory only
// (Plane loads/stores them through the API; nothing Hangar observes depends on that).
import { randomUUID } from 'node:crypto';
import { Server } from '@hocuspocus/server';
import { log } from './boot.mjs';

const AUTH_TIMEOUT_MS = 10_000;

/** Hocuspocus configured as Plane's live server; hand upgraded sockets to `handleConnection`. */
export function createCollaborationServer(env) {
  return Server.configure({
    name: env.HOSTNAME || randomUUID(),
    quiet: true,
    onAuthenticate: (data) => authenticate(env.API_BASE_URL, data),
    async onConnect({ documentName }) {
      log('info', `New connection to "${documentName}".`);
    },
    async onDisconnect({ documentName }) {
      log('info', `Connection to "${documentName}" closed.`);
    },
  });
}

async function authenticate(apiBaseUrl, { requestHeaders, requestParameters, token, context }) {
  const claimed = parseToken(token);
  const cookie = claimed.cookie ?? requestHeaders.cookie;
  if (!cookie) return fail('Credentials not provided');

  context.documentType = requestParameters.get('documentType');
  context.projectId = requestParameters.get('projectId');
  context.workspaceSlug = requestParameters.get('workspaceSlug');

  let res;
  try {
    res = await fetch(`${apiBaseUrl}/api/users/me/`, { headers: { cookie }, signal: AbortSignal.timeout(AUTH_TIMEOUT_MS) });
  } catch (error) {
    return fail(`Failed to fetch current user (${error.cause?.code ?? error.message})`);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    return fail(`Failed to fetch current user (HTTP ${res.status})`);
  }
  const user = await res.json().catch(() => ({}));
  if (claimed.id && user.id !== claimed.id) return fail('Authentication unauthorized');
  return { user: { id: user.id, name: user.display_name ?? user.first_name ?? '' } };
}

/** Plane's web sends JSON; older clients sent the bare user id. Unparseable tokens carry no claim. */
function parseToken(token) {
  if (!token) return {};
  try {
    const parsed = JSON.parse(token);
    return typeof parsed === 'object' && parsed !== null ? { id: parsed.id, cookie: parsed.cookie } : {};
  } catch {
    return { id: token };
  }
}

function fail(reason) {
  log('error', `Authentication failed: ${reason}`);
  throw new Error(reason);
}
