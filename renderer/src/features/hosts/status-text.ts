import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { ConnectionState } from '../../../../shared/schemas/connection';

/** The tone a status dot takes: status colours are reserved for exactly these. */
export type StatusTone = 'ok' | 'warn' | 'bad' | 'idle';

const shortReasons: Partial<Record<ErrorCode, string>> = {
  SSH_CONNECTION_REFUSED: 'Connection refused',
  SSH_UNREACHABLE: 'Unreachable',
  SSH_DNS_FAILED: 'Unknown address',
  SSH_TIMEOUT: 'Timed out',
  SSH_AUTH_FAILED: 'Login refused',
  SSH_KEY_INVALID: 'Unreadable key',
  SSH_PASSPHRASE_REQUIRED: 'Passphrase needed',
  SSH_PASSPHRASE_WRONG: 'Wrong passphrase',
  SSH_AGENT_UNAVAILABLE: 'No ssh-agent',
  SSH_AGENT_NO_KEYS: 'Agent has no keys',
  SSH_HOST_KEY_UNKNOWN: 'Host key not trusted',
  SSH_HOST_KEY_MISMATCH: 'Host key changed',
  SSH_DISCONNECTED: 'Disconnected',
  DOCKER_NOT_FOUND: 'No Docker',
  DOCKER_PERMISSION_DENIED: 'Docker denied',
  TIMEOUT: 'Timed out',
};

/**
 * The one-line status under a host name. "Failed" always carries its reason, and a reconnect
 * shows a live countdown computed from `since + retryInMs`, so the list never says just "error".
 */
export function statusLine(state: ConnectionState | undefined, now: number): { text: string; tone: StatusTone } {
  if (state === undefined) return { text: 'Not connected', tone: 'idle' };
  switch (state.state) {
    case 'idle':
      return { text: 'Not connected', tone: 'idle' };
    case 'connecting':
      return { text: 'Connecting…', tone: 'warn' };
    case 'connected':
      return { text: 'Connected', tone: 'ok' };
    case 'reconnecting': {
      if (state.retryInMs === undefined) return { text: 'Reconnecting…', tone: 'warn' };
      const left = Math.max(0, Math.ceil((Date.parse(state.since) + state.retryInMs - now) / 1000));
      return { text: left > 0 ? `Reconnecting in ${left}s` : 'Reconnecting…', tone: 'warn' };
    }
    case 'failed': {
      const reason = state.error === undefined ? undefined : (shortReasons[state.error.code] ?? 'Failed');
      return { text: reason === undefined ? 'Failed' : `Failed · ${reason}`, tone: 'bad' };
    }
  }
}
