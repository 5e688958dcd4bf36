import type { ClientChannel } from 'ssh2';
import { AppError } from '../../../shared/ipc/errors';
import { cancelledError } from './deadline';
import { buildCommand } from './shell-quote';
import type { SshSession } from './ssh-session';
import { mapSshError } from './ssh-errors';

/** Limits of one remote command: cancellable, timed, output bounded. */
export interface ExecOptions {
  signal?: AbortSignal;
  /** Default 60 s; the remote process is ended (channel closed) when it expires. */
  timeoutMs?: number;
  /**
   * Allocate a pty: sshd then hangs up the process when the channel closes, so cancelling a
   * long-running command (`docker compose up`, `docker logs -f`) really stops it. stderr is
   * merged into stdout on a pty.
   */
  pty?: boolean;
  stdin?: string | Buffer;
  /** Output beyond this is dropped and `truncated` set (default 4 MiB per stream). */
  maxOutputBytes?: number;
}

/** What the command did; a non-zero `code` is data for the caller, not an exception. */
export interface ExecResult {
  /** Exit code, or null when the process died from a signal. */
  code: number | null;
  signal?: string;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

/**
 * Runs argv on the host over the pooled session and collects its output. Every argument is
 * validated and shell-quoted (see `buildCommand`); nothing is ever interpolated into a string.
 * Rejects with SSH_DISCONNECTED if the connection drops mid-command, CANCELLED or TIMEOUT
 * otherwise; a non-zero exit is a result, not an error (callers decide what it means).
 */
export async function execRemote(session: SshSession, argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const command = buildCommand(argv);
  const channel = await openExec(session, command, options);
  const limit = options.maxOutputBytes ?? 4 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise<ExecResult>((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let truncated = false;
    let exit: { code: number | null; signal?: string } = { code: null };
    let settled = false;
    const cleanup = () => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      offDrop();
    };
    // Without a pty sshd keeps the channel until the process exits, so ask it to end the process
    // (signal requests, OpenSSH >= 7.9) and settle now instead of waiting for the close.
    const stop = (error: AppError) => {
      if (settled) return;
      cleanup();
      signalChannel(channel, 'TERM');
      channel.close();
      reject(error);
    };
    const timer = setTimeout(
      () =>
        stop(
          new AppError(
            'TIMEOUT',
            `"${argv[0]}" did not finish within ${Math.round(timeoutMs / 1000)} s on ${session.label}, so Hangar stopped it.`,
          ),
        ),
      timeoutMs,
    );
    const onAbort = () => stop(cancelledError(`"${argv[0]}"`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const offDrop = session.onDrop((error) => stop(error));
    channel.on('data', (chunk: Buffer) => {
      if (outBytes + chunk.length > limit) truncated = true;
      else out.push(chunk);
      outBytes += chunk.length;
    });
    channel.stderr.on('data', (chunk: Buffer) => {
      if (errBytes + chunk.length > limit) truncated = true;
      else err.push(chunk);
      errBytes += chunk.length;
    });
    channel.on('exit', (code: number | null, signal?: string) => {
      exit = signal ? { code: null, signal } : { code };
    });
    channel.on('close', () => {
      if (settled) return;
      cleanup();
      resolve({ ...exit, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), truncated });
    });
    if (options.stdin !== undefined) channel.end(options.stdin);
    else channel.end();
  });
}

/**
 * Starts argv and hands back the live channel for streaming (logs, compose progress). The caller
 * owns it: `channel.close()` ends the command (with `pty: true` the remote process gets SIGHUP).
 */
export async function spawnRemote(
  session: SshSession,
  argv: readonly string[],
  options: Pick<ExecOptions, 'signal' | 'pty'> = {},
): Promise<ClientChannel> {
  const channel = await openExec(session, buildCommand(argv), options);
  const onAbort = () => channel.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  channel.once('close', () => options.signal?.removeEventListener('abort', onAbort));
  return channel;
}

async function openExec(session: SshSession, command: string, options: Pick<ExecOptions, 'signal' | 'pty'>): Promise<ClientChannel> {
  if (options.signal?.aborted) throw cancelledError('The command');
  const client = await session.client(options.signal);
  return new Promise<ClientChannel>((resolve, reject) => {
    const execOptions = options.pty ? { pty: { term: 'dumb', rows: 24, cols: 200 } } : {};
    client.exec(command, execOptions, (error, channel) => {
      if (error) reject(mapSshError(error, { target: session.label }));
      else resolve(channel);
    });
  });
}

/**
 * ssh2's `channel.signal()` is a no-op once stdin has been ended (it checks `writable`), yet
 * stdin is ended right after start so commands never wait for input. The protocol allows a
 * signal request on any open channel, so send it through the protocol directly (ssh2 1.17).
 */
function signalChannel(channel: ClientChannel, name: string): void {
  const internal = channel as unknown as {
    outgoing?: { id: number; state: string };
    _client?: { _protocol?: { signal(id: number, signal: string): void } };
  };
  if (internal.outgoing === undefined || (internal.outgoing.state !== 'open' && internal.outgoing.state !== 'eof')) return;
  try {
    internal._client?._protocol?.signal(internal.outgoing.id, name);
  } catch {
    // the connection went away meanwhile; closing the channel is all that is left
  }
}
