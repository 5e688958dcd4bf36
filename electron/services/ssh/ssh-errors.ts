import { AppError, type ErrorCode } from '../../../shared/ipc/errors';

/** Where an error happened, to name it in the sentence the user reads. */
export interface SshErrorContext {
  /** `user@host:port` (or a ProxyJump hop). */
  target: string;
  timeoutMs?: number;
}

/**
 * The one sentence + next step for each connection failure. Kept in one table so the CLI, the UI
 * and tests all say the same thing for the same code.
 */
export function sshError(code: ErrorCode, context: SshErrorContext, details: Record<string, unknown> = {}, cause?: unknown): AppError {
  const t = context.target;
  const sentences: Partial<Record<ErrorCode, string>> = {
    SSH_DNS_FAILED: `The name in ${t} could not be resolved. Check the address for typos or your DNS/VPN.`,
    SSH_CONNECTION_REFUSED: `${t} refused the connection. Check that sshd is running and listening on that port.`,
    SSH_UNREACHABLE: `${t} cannot be reached from this network. Check the address, your VPN and any firewall in between.`,
    SSH_TIMEOUT: `${t} did not answer within ${Math.round((context.timeoutMs ?? 0) / 1000)} s. Check the address, port and firewall, then try again.`,
    SSH_AUTH_FAILED: `${t} did not accept any of the offered credentials. Check the user name and that your public key is in the server's ~/.ssh/authorized_keys.`,
    SSH_KEY_INVALID: `The key file is not a private key Hangar can read. Choose an OpenSSH or PEM private key (RSA, ECDSA or ed25519), not the .pub file.`,
    SSH_PASSPHRASE_REQUIRED: `The key file is encrypted and no passphrase was given. Enter its passphrase or add the key to ssh-agent.`,
    SSH_PASSPHRASE_WRONG: `The passphrase for the key file was wrong three times. Check it, or add the key to ssh-agent with ssh-add.`,
    SSH_AGENT_UNAVAILABLE: `No ssh-agent is running for Hangar (SSH_AUTH_SOCK is not set or not reachable). Start one and add your key, or choose a key file.`,
    SSH_AGENT_NO_KEYS: `ssh-agent is running but holds no keys. Add one with ssh-add, or choose a key file.`,
    SSH_HOST_KEY_UNKNOWN: `You did not trust the host key of ${t}, so Hangar did not connect. Compare the fingerprint with the server and try again.`,
    SSH_HOST_KEY_MISMATCH: `The host key of ${t} has changed since you trusted it: this can be a reinstalled server or someone intercepting the connection. Check with the server's administrator before replacing the key.`,
    SSH_DISCONNECTED: `The SSH connection to ${t} dropped. Hangar reconnects automatically; check the network if it keeps happening.`,
  };
  const message = sentences[code] ?? `SSH to ${t} failed. Try again.`;
  return new AppError(code, message, { target: t, ...details }, { cause });
}

/**
 * Turns whatever ssh2/net threw into a coded AppError. Unknown low-level errors keep their text
 * in `details.reason` so support can still see it.
 */
export function mapSshError(error: unknown, context: SshErrorContext): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: unknown; level?: unknown; message?: unknown; reason?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const level = typeof e.level === 'string' ? e.level : undefined;
  const text = typeof e.message === 'string' ? e.message : String(error);
  const details = { reason: text };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return sshError('SSH_DNS_FAILED', context, details, error);
  if (code === 'ECONNREFUSED') return sshError('SSH_CONNECTION_REFUSED', context, details, error);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return sshError('SSH_UNREACHABLE', context, details, error);
  if (code === 'ETIMEDOUT' || level === 'client-timeout') return sshError('SSH_TIMEOUT', context, details, error);
  if (level === 'client-authentication') return sshError('SSH_AUTH_FAILED', context, details, error);
  if (/channel open failure/i.test(text)) return mapChannelOpenFailure(text, context, error);
  if (code === 'ECONNRESET' || code === 'EPIPE' || /connection lost|not connected|no response from server|keepalive/i.test(text)) {
    return sshError('SSH_DISCONNECTED', context, details, error);
  }
  return new AppError(
    'INTERNAL',
    `SSH to ${context.target} failed: ${text}. Try again; if it persists, check the server's sshd log.`,
    { target: context.target, ...details },
    { cause: error },
  );
}

/** ProxyJump hops surface the next hop's refusal as a channel-open failure, not as ECONNREFUSED. */
function mapChannelOpenFailure(text: string, context: SshErrorContext, cause: unknown): AppError {
  if (/connect failed|connection refused/i.test(text)) return sshError('SSH_CONNECTION_REFUSED', context, { reason: text }, cause);
  if (/prohibited/i.test(text)) {
    return new AppError(
      'SSH_CONNECTION_REFUSED',
      `The jump host would not forward to ${context.target} (forwarding is disabled there). Allow TCP forwarding on the jump host or connect directly.`,
      { target: context.target, reason: text },
      { cause },
    );
  }
  return sshError('SSH_UNREACHABLE', context, { reason: text }, cause);
}
