import { Duplex } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import type { AppError } from '../../../shared/ipc/errors';

/**
 * Wraps an exec channel running `docker system dial-stdio` as the socket an http.Agent wants.
 * EOF is passed on only when the channel closes, by which time the exit status is known: a
 * failed dial (no docker, no permission) then surfaces as a coded error on the HTTP request
 * instead of a bare "socket hang up".
 */
export function channelSocket(channel: ClientChannel, onFailure: (stderr: string) => AppError): Duplex {
  let sawData = false;
  let stderr = '';
  let exitCode: number | undefined;
  const socket = new Duplex({
    write(chunk: Buffer, _encoding, callback) {
      if (channel.writable) channel.write(chunk, callback);
      else callback(new Error('The Docker channel is closed.'));
    },
    final(callback) {
      channel.end();
      callback();
    },
    read() {
      channel.resume();
    },
    destroy(error, callback) {
      channel.close();
      callback(error);
    },
  });
  channel.on('data', (chunk: Buffer) => {
    sawData = true;
    if (!socket.push(chunk)) channel.pause();
  });
  channel.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4096) stderr += chunk.toString('utf8');
  });
  channel.on('exit', (code: number | null) => {
    exitCode = code ?? undefined;
  });
  channel.on('close', () => {
    if (!sawData && (exitCode ?? 0) !== 0) socket.destroy(onFailure(stderr));
    else {
      socket.push(null);
      socket.destroy();
    }
  });
  return decorateHttpSocket(socket);
}

/**
 * http's ClientRequest calls these net.Socket methods on its socket; an SSH channel has none of
 * them, and they make no sense there (keepalive is the SSH session's), so they are no-ops.
 */
export function decorateHttpSocket<T extends Duplex>(stream: T): T {
  const target = stream as unknown as Record<string, unknown>;
  const noop = () => stream;
  for (const name of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) {
    if (typeof target[name] !== 'function') target[name] = noop;
  }
  return stream;
}
