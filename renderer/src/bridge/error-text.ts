import type { AppErrorData, ErrorCode } from '../../../shared/ipc/errors';

/** Where the failure happened, so the sentence can name the port or the user. */
export interface ErrorContext {
  address?: string;
  port?: number;
  user?: string;
  keyPath?: string;
}

/** One plain sentence saying what happened, and one saying what to do next. */
export interface ErrorText {
  what: string;
  next: string;
}

type Describe = (ctx: ErrorContext, error: AppErrorData) => ErrorText;

const serverText = (error: AppErrorData): string => error.message.trim();
const asIs =
  (next: string): Describe =>
  (_ctx, error) => ({ what: serverText(error), next });
const at = (ctx: ErrorContext): string =>
  ctx.address ? `${ctx.address}${ctx.port && ctx.port !== 22 ? `:${ctx.port}` : ''}` : 'the server';

/**
 * Every stable code mapped to words a self-hoster can act on. A `Record` over all codes makes a
 * new code a compile error here until someone decides what the user should read for it.
 */
const texts: Record<ErrorCode, Describe> = {
  INVALID_INPUT: asIs('Correct the highlighted value and try again.'),
  INVALID_OUTPUT: asIs('This is a bug in Hangar. Restart it; if it happens again, report it with the steps that led here.'),
  UNKNOWN_METHOD: asIs('This window and the background process are out of step. Restart Hangar.'),
  CANCELLED: () => ({ what: 'The operation was cancelled.', next: 'Start it again when you are ready.' }),
  TIMEOUT: asIs('Check that the server is reachable and try again.'),
  INTERNAL: asIs('Try again. If it keeps happening, restart Hangar.'),
  NOT_FOUND: asIs('Refresh the view; it may have been removed elsewhere.'),
  HOST_NOT_FOUND: () => ({ what: 'This host is no longer saved.', next: 'Add it again from the host list.' }),
  HOST_EXISTS: asIs('Choose another name for this host.'),
  SSH_UNREACHABLE: (ctx) => ({
    what: `${cap(at(ctx))} cannot be reached from this computer.`,
    next: 'Check the address, your network or VPN, and any firewall in between.',
  }),
  SSH_DNS_FAILED: (ctx) => ({
    what: `The name ${ctx.address ?? 'of the server'} could not be resolved.`,
    next: 'Check the spelling of the address, or use its IP address.',
  }),
  SSH_CONNECTION_REFUSED: (ctx) => ({
    what: `The server refused the connection on port ${ctx.port ?? 22}.`,
    next: 'Check that sshd is running and the port is right.',
  }),
  SSH_TIMEOUT: (ctx) => ({
    what: `${cap(at(ctx))} did not answer in time.`,
    next: 'Check that the server is up and that a firewall is not dropping SSH.',
  }),
  SSH_AUTH_FAILED: (ctx) => ({
    what: `The server did not accept the credentials${ctx.user ? ` for ${ctx.user}` : ''}.`,
    next: 'Check the user name and that your public key is in ~/.ssh/authorized_keys on the server.',
  }),
  SSH_KEY_INVALID: (ctx) => ({
    what: `${ctx.keyPath ?? 'The key file'} is not a private key Hangar can read.`,
    next: 'Choose the private key (not the .pub file) in the host settings.',
  }),
  SSH_PASSPHRASE_REQUIRED: () => ({
    what: 'This key is protected by a passphrase.',
    next: 'Connect again and enter the passphrase when asked.',
  }),
  SSH_PASSPHRASE_WRONG: () => ({
    what: 'The passphrase was wrong three times.',
    next: 'Connect again to retry, or load the key into ssh-agent with `ssh-add`.',
  }),
  SSH_AGENT_UNAVAILABLE: () => ({
    what: 'No ssh-agent is running for this session (SSH_AUTH_SOCK is not set).',
    next: 'Start your agent and add a key with `ssh-add`, or choose a key file in the host settings.',
  }),
  SSH_AGENT_NO_KEYS: () => ({ what: 'The ssh-agent has no keys loaded.', next: 'Add your key with `ssh-add`, then connect again.' }),
  SSH_HOST_KEY_UNKNOWN: () => ({
    what: 'The server’s host key was not trusted.',
    next: 'Connect again and compare the fingerprint before trusting it.',
  }),
  SSH_HOST_KEY_MISMATCH: () => ({
    what: 'The server presented a different host key than the one you trusted, so Hangar refused to connect.',
    next: 'Ask whoever runs the server whether the key was changed; replace it only if they confirm the new fingerprint.',
  }),
  SSH_DISCONNECTED: () => ({
    what: 'The SSH connection dropped.',
    next: 'Hangar reconnects on its own; check your network if it keeps failing.',
  }),
  SSH_CONFIG_INVALID: asIs('Fix the line in ~/.ssh/config, then import again.'),
  DOCKER_NOT_FOUND: () => ({
    what: 'No Docker Engine answers on this host.',
    next: 'Install Docker on the server, or start it with `sudo systemctl start docker`.',
  }),
  DOCKER_PERMISSION_DENIED: (ctx) => ({
    what: `The Docker socket refused ${ctx.user ?? 'this user'}.`,
    next: `Add the user to the docker group (\`sudo usermod -aG docker ${ctx.user ?? '$USER'}\`) and connect again.`,
  }),
  DOCKER_ERROR: asIs('Try again; if it persists, check `docker info` on the server.'),
  COMPOSE_NOT_FOUND: asIs('Check that the compose project still exists on the server.'),
  ENV_PARSE_FAILED: asIs('Fix the line in the env file, then reload.'),
  ENV_CONFLICT: asIs('Reload the file to see the other change, then apply yours again.'),
  ENV_VERIFY_FAILED: asIs('Open the file on the server and check it; a backup was kept next to it.'),
  FILE_NOT_FOUND: asIs('Check the path on the server.'),
  FILE_WRITE_FAILED: asIs('Check the file’s permissions and the free disk space on the server.'),
  PROBE_FAILED: asIs('Check the URL and that the site answers from this computer.'),
};

/** The words the UI shows for an error; the raw message stays available in `details` views. */
export function describeError(error: AppErrorData, ctx: ErrorContext = {}): ErrorText {
  const describe = texts[error.code] ?? asIs('Try again.');
  return describe(ctx, error);
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
