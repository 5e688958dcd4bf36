import { Agent, type AgentOptions, type ClientRequestArgs } from 'node:http';
import type { Duplex } from 'node:stream';
import Docker from 'dockerode';
import type { Client, ClientChannel } from 'ssh2';
import { AppError } from '../../../shared/ipc/errors';
import type { SshSession } from '../ssh/ssh-session';
import { channelSocket, decorateHttpSocket } from './channel-socket';
import { dockerNotFound, fromDockerCliStderr, type DockerContext } from './docker-errors';

/** How Docker is reached over a given SSH connection; chosen per connection, re-probed after reconnect. */
export type DockerTransport = 'stream-local' | 'dial-stdio';

/** Overrides for unusual servers and for tests; the defaults fit a stock Docker Engine. */
export interface DockerOverSshOptions {
  /** Remote Docker socket (default /var/run/docker.sock). */
  socketPath?: string;
  /** Force a transport (tests, benchmark); by default stream-local with a dial-stdio fallback. */
  transport?: DockerTransport;
  /** Per-channel open timeout (default 10 s). */
  openTimeoutMs?: number;
}

/** A dockerode client whose HTTP rides channels of the pooled SSH session. */
export interface SshDocker {
  readonly docker: Docker;
  /**
   * The same Docker for requests that stay open (log follows, the events stream): its channels
   * are not pooled and not capped, so following many containers never starves `docker` of its
   * few keep-alive channels, and ending a stream closes its channel.
   */
  readonly streaming: Docker;
  /** Which transport the current connection uses, once the first request has decided it. */
  transport(): DockerTransport | undefined;
  /** Closes idle keep-alive channels (the session itself stays open). */
  destroy(): void;
}

/**
 * dockerode over the host's existing SSH session: each HTTP connection is an
 * `openssh_forwardOutStreamLocal` channel to the Docker socket (no new handshake, no host-key
 * bypass as with dockerode's own `protocol: 'ssh'`). When sshd forbids stream-local forwarding,
 * or the forward fails, each connection is an exec of `docker system dial-stdio` instead, whose
 * stderr also tells a missing Docker from a permission problem.
 */
export function dockerForSession(session: SshSession, options: DockerOverSshOptions = {}): SshDocker {
  const socketPath = options.socketPath ?? '/var/run/docker.sock';
  const context: DockerContext = { where: `on ${session.label}` };
  const modes = new WeakMap<Client, DockerTransport>();
  let lastMode: DockerTransport | undefined;

  const open = async (): Promise<Duplex> => {
    const client = await session.client();
    const mode = options.transport ?? modes.get(client);
    if (mode !== 'dial-stdio') {
      try {
        const stream = await forwardStreamLocal(client, socketPath, options.openTimeoutMs ?? 10_000);
        modes.set(client, 'stream-local');
        lastMode = 'stream-local';
        return decorateHttpSocket(stream);
      } catch (error) {
        if (options.transport === 'stream-local') throw forwardFailure(error, context);
        // Forbidden by sshd → remember for this connection; any other failure → dial-stdio diagnoses it.
        if (/prohibited/i.test((error as Error).message)) modes.set(client, 'dial-stdio');
      }
    }
    lastMode = 'dial-stdio';
    return dialStdio(client, context, options.openTimeoutMs ?? 10_000);
  };

  const agent = new SessionAgent(open, { keepAlive: true, maxSockets: 6, maxFreeSockets: 2 });
  const streamAgent = new SessionAgent(open, { keepAlive: false });
  const destroy = (): void => {
    agent.destroy();
    streamAgent.destroy();
  };
  session.onDrop(destroy);
  return { docker: dockerVia(agent), streaming: dockerVia(streamAgent), transport: () => lastMode, destroy };
}

/** dockerode passes `agent` on to docker-modem; its typings omit it. */
function dockerVia(agent: Agent): Docker {
  return new Docker({ protocol: 'http', host: 'docker.invalid', port: 80, agent } as Docker.DockerOptions);
}

/** An http.Agent whose connections come from an async opener instead of TCP. */
class SessionAgent extends Agent {
  constructor(
    private readonly open: () => Promise<Duplex>,
    options: AgentOptions,
  ) {
    super(options);
  }

  override createConnection(
    _options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    this.open().then(
      (stream) => callback?.(null, stream),
      (error: unknown) => callback?.(error instanceof Error ? error : new Error(String(error)), undefined as unknown as Duplex),
    );
    return undefined;
  }
}

function forwardStreamLocal(client: Client, socketPath: string, timeoutMs: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new AppError('TIMEOUT', `The server did not open a channel to ${socketPath} within ${timeoutMs / 1000} s. Check the connection.`),
        ),
      timeoutMs,
    );
    client.openssh_forwardOutStreamLocal(socketPath, (error, stream) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(stream);
    });
  });
}

function dialStdio(client: Client, context: DockerContext, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new AppError(
            'TIMEOUT',
            `The server did not start "docker system dial-stdio" within ${timeoutMs / 1000} s. Check the connection.`,
          ),
        ),
      timeoutMs,
    );
    client.exec('docker system dial-stdio', (error, channel) => {
      clearTimeout(timer);
      if (error)
        return reject(
          new AppError(
            'DOCKER_ERROR',
            `The server refused to run "docker system dial-stdio" ${context.where}: ${error.message}. Allow exec for this user or enable AllowStreamLocalForwarding in sshd_config.`,
            { reason: error.message },
          ),
        );
      resolve(channelSocket(channel, (stderr) => fromDockerCliStderr(stderr, context) ?? dockerNotFound(context, stderr)));
    });
  });
}

function forwardFailure(error: unknown, context: DockerContext): AppError {
  if (error instanceof AppError) return error;
  const text = (error as Error).message;
  if (/prohibited/i.test(text)) {
    return new AppError(
      'DOCKER_ERROR',
      `sshd ${context.where} forbids forwarding to the Docker socket. Set "AllowStreamLocalForwarding yes" in sshd_config or let Hangar use docker system dial-stdio.`,
      { reason: text },
    );
  }
  return dockerNotFound(context, text);
}
