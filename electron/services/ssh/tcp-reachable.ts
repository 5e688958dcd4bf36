import { connect } from 'node:net';
import type { AppError } from '../../../shared/ipc/errors';
import { cancelledError } from './deadline';
import { mapSshError, sshError } from './ssh-errors';

/**
 * Opens and closes one TCP connection to the first SSH endpoint. Run before credentials are
 * prepared, so that a closed port, an unknown name or a dead route is reported as such (as
 * OpenSSH does) instead of surfacing as "agent unavailable" or a passphrase question for a host
 * that cannot be reached anyway.
 */
export function assertTcpReachable(host: string, port: number, target: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const done = (error?: AppError): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => done(sshError('SSH_TIMEOUT', { target, timeoutMs })), timeoutMs);
    const onAbort = (): void => done(cancelledError('Connecting'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done());
    socket.once('error', (error) => done(mapSshError(error, { target, timeoutMs })));
  });
}
