import {
  Client,
  type AuthenticationType,
  type AuthHandlerMiddleware,
  type ConnectConfig,
  type NextAuthHandler,
  type ParsedKey,
} from 'ssh2';
import type { Duplex } from 'node:stream';
import { AppError } from '../../../shared/ipc/errors';
import type { AuthPrompt, AuthPromptAnswer, HostKeyAnswer, HostKeyPrompt } from '../../../shared/schemas/connection';
import { cancelledError, startDeadline } from './deadline';
import { hostKeyAlgorithmsFor } from './fingerprint';
import { knownHostsName } from './known-hosts-file';
import type { KnownHosts } from './known-hosts';
import { mapSshError, sshError } from './ssh-errors';

/** One SSH endpoint: the target or a ProxyJump hop. Each is verified against known hosts on its own. */
export interface SshEndpoint {
  host: string;
  port: number;
  user: string;
}

/** Credentials resolved before the handshake (key decrypted, agent checked). Held in memory only. */
export type PreparedCredentials = { kind: 'agent'; socketPath: string } | { kind: 'key'; key: ParsedKey } | { kind: 'password' };

/** Asks the user about an unknown host key. Only an explicit 'trust' lets the connection proceed. */
export type AskHostKey = (prompt: HostKeyPrompt, signal: AbortSignal) => Promise<HostKeyAnswer>;
/** Shows password / keyboard-interactive prompts as the server words them; null = cancelled. */
export type AskAuthPrompt = (prompt: AuthPrompt, signal: AbortSignal) => Promise<AuthPromptAnswer>;

/** Inputs of one connection attempt (the session builds these; tests may too). */
export interface ConnectOptions {
  hostId: string;
  endpoints: SshEndpoint[];
  credentials: PreparedCredentials;
  knownHosts: KnownHosts;
  askHostKey: AskHostKey;
  askAuthPrompt?: AskAuthPrompt;
  timeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  signal: AbortSignal;
}

/** A live connection: `client` talks to the target; `hops` are the jump hosts it rides on. */
export interface ConnectedChain {
  client: Client;
  hops: Client[];
}

const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/**
 * Connects hop by hop (ProxyJump), each hop tunnelled through the previous one with
 * `forwardOut`, each with its own host-key decision. On any failure every opened client is
 * closed, so a half-built chain never leaks a socket.
 */
export async function connectChain(options: ConnectOptions): Promise<ConnectedChain> {
  const opened: Client[] = [];
  try {
    let sock: Duplex | undefined;
    for (const [index, endpoint] of options.endpoints.entries()) {
      const previous = opened[index - 1];
      if (previous) sock = await forward(previous, endpoint, options);
      opened.push(await connectOne(endpoint, sock, options));
    }
    const client = opened[opened.length - 1];
    if (!client) throw new AppError('INVALID_INPUT', 'No SSH endpoint to connect to.');
    return { client, hops: opened.slice(0, -1) };
  } catch (error) {
    for (const client of opened) client.end();
    throw error;
  }
}

/** `user@host:port` for messages; a ProxyJump hop is named the same way. */
export function endpointLabel(endpoint: SshEndpoint): string {
  return `${endpoint.user}@${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
}

function forward(via: Client, to: SshEndpoint, options: ConnectOptions): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(sshError('SSH_TIMEOUT', { target: endpointLabel(to), timeoutMs: options.timeoutMs })),
      options.timeoutMs,
    );
    via.forwardOut('127.0.0.1', 0, to.host, to.port, (error, stream) => {
      clearTimeout(timer);
      if (error) reject(mapSshError(error, { target: endpointLabel(to) }));
      else resolve(stream);
    });
  });
}

function connectOne(endpoint: SshEndpoint, sock: Duplex | undefined, options: ConnectOptions): Promise<Client> {
  const label = endpointLabel(endpoint);
  const context = { target: label, timeoutMs: options.timeoutMs };
  const client = new Client();
  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    let recorded: AppError | undefined;
    const settle = (error?: AppError) => {
      if (settled) return;
      settled = true;
      deadline.clear();
      options.signal.removeEventListener('abort', onAbort);
      if (error) {
        client.end();
        reject(error);
      } else resolve(client);
    };
    const deadline = startDeadline(options.timeoutMs, () => {
      settle(sshError('SSH_TIMEOUT', context));
      client.destroy();
    });
    const onAbort = () => {
      settle(cancelledError('Connecting'));
      client.destroy();
    };
    if (options.signal.aborted) return onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });

    const userWait = async <T>(work: () => Promise<T>): Promise<T> => {
      deadline.pause();
      try {
        return await work();
      } finally {
        deadline.resume();
      }
    };

    const hostVerifier = (key: Buffer, verify: (ok: boolean) => void): void => {
      void verifyHostKey(endpoint, key, options, userWait).then(
        () => verify(true),
        (error: unknown) => {
          recorded = error instanceof AppError ? error : mapSshError(error, context);
          verify(false);
        },
      );
    };

    client.on('ready', () => settle());
    client.on('error', (error) => settle(recorded ?? mapSshError(error, context)));
    client.on('close', () => settle(recorded ?? sshError('SSH_DISCONNECTED', context, { reason: 'closed during the handshake' })));

    void options.knownHosts.knownKeyTypes(endpoint.host, endpoint.port).then(
      (types) => {
        if (settled) return;
        const preferred = types.flatMap(hostKeyAlgorithmsFor).filter((a) => HOST_KEY_ALGORITHMS.includes(a));
        const config: ConnectConfig = {
          host: endpoint.host,
          port: endpoint.port,
          username: endpoint.user,
          readyTimeout: 0,
          keepaliveInterval: options.keepaliveIntervalMs,
          keepaliveCountMax: options.keepaliveCountMax,
          hostVerifier: hostVerifier as ConnectConfig['hostVerifier'],
          authHandler: makeAuthHandler(endpoint, options, userWait, (error) => (recorded = error)),
          algorithms: {
            serverHostKey: [...new Set([...preferred, ...HOST_KEY_ALGORITHMS])] as NonNullable<
              ConnectConfig['algorithms']
            >['serverHostKey'],
          },
          ...(sock ? { sock } : {}),
        };
        client.connect(config);
      },
      (error: unknown) => settle(error instanceof AppError ? error : mapSshError(error, context)),
    );
  });
}

async function verifyHostKey(
  endpoint: SshEndpoint,
  key: Buffer,
  options: ConnectOptions,
  userWait: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const hostLabel = knownHostsName(endpoint.host, endpoint.port);
  const target = endpointLabel(endpoint);
  const decision = await options.knownHosts.check(endpoint.host, endpoint.port, key);
  switch (decision.status) {
    case 'trusted':
      return;
    case 'revoked':
      throw new AppError(
        'SSH_HOST_KEY_MISMATCH',
        `The host key of ${target} (${decision.fingerprint}) is marked @revoked in ${decision.source}. Do not connect; ask the server's administrator for its current key.`,
        { hostLabel, ...decision },
      );
    case 'changed':
      throw sshError(
        'SSH_HOST_KEY_MISMATCH',
        { target },
        {
          hostId: options.hostId,
          hostLabel,
          algorithm: decision.algorithm,
          fingerprint: decision.fingerprint,
          previousFingerprint: decision.previousFingerprint,
          previousTrustedAt: decision.previousTrustedAt,
          previousSource: decision.previousSource,
        },
      );
    case 'unknown': {
      const prompt: HostKeyPrompt = {
        hostId: options.hostId,
        hostLabel,
        algorithm: decision.algorithm,
        fingerprint: decision.fingerprint,
        kind: 'unknown',
      };
      const answer = await userWait(() => options.askHostKey(prompt, options.signal));
      if (answer !== 'trust')
        throw sshError('SSH_HOST_KEY_UNKNOWN', { target }, { hostLabel, fingerprint: decision.fingerprint, algorithm: decision.algorithm });
      await options.knownHosts.trust(endpoint.host, endpoint.port, key);
    }
  }
}

/**
 * Order: the configured method first (agent, key, or password), then password and
 * keyboard-interactive as a last resort when the server offers them and a prompt exists.
 * Keyboard-interactive prompts go to the UI verbatim; a cancelled prompt ends authentication.
 */
function makeAuthHandler(
  endpoint: SshEndpoint,
  options: ConnectOptions,
  userWait: <T>(work: () => Promise<T>) => Promise<T>,
  record: (error: AppError) => void,
): AuthHandlerMiddleware {
  const username = endpoint.user;
  const creds = options.credentials;
  const queue: AuthenticationType[] = [];
  if (creds.kind === 'agent') queue.push('agent');
  if (creds.kind === 'key') queue.push('publickey');
  if (options.askAuthPrompt) queue.push('keyboard-interactive', 'password');
  const ask = options.askAuthPrompt;
  const target = endpointLabel(endpoint);

  return (methodsLeft: AuthenticationType[] | null, _partial: boolean | null, next: NextAuthHandler) => {
    // ssh2 accepts `false` for "no more methods"; its typings omit it.
    const stop = (): void => (next as unknown as (done: false) => void)(false);
    const offered = (method: AuthenticationType) => methodsLeft === null || methodsLeft.includes(method);
    let method = queue.shift();
    while (method && !offered(method) && methodsLeft !== null) method = queue.shift();
    if (!method) return stop();
    if (method === 'agent' && creds.kind === 'agent') return next({ type: 'agent', username, agent: creds.socketPath });
    if (method === 'publickey' && creds.kind === 'key') return next({ type: 'publickey', username, key: creds.key });
    if (!ask) return stop();
    if (method === 'keyboard-interactive') {
      return next({
        type: 'keyboard-interactive',
        username,
        prompt: (name, instructions, _lang, prompts, finish) => {
          const request: AuthPrompt = {
            hostId: options.hostId,
            name,
            instructions,
            prompts: prompts.map((p) => ({ prompt: p.prompt, echo: p.echo === true })),
          };
          void userWait(() => ask(request, options.signal)).then(
            (answers) => {
              if (answers === null)
                record(new AppError('CANCELLED', `You cancelled the login prompt of ${target}, so Hangar did not connect.`));
              finish(answers ?? []);
            },
            () => finish([]),
          );
        },
      });
    }
    void userWait(() =>
      ask(
        {
          hostId: options.hostId,
          name: 'Password',
          instructions: `Password for ${target}`,
          prompts: [{ prompt: 'Password:', echo: false }],
        },
        options.signal,
      ),
    ).then(
      (answers) => {
        const password = answers?.[0];
        if (password === undefined) {
          record(new AppError('CANCELLED', `You cancelled the password prompt of ${target}, so Hangar did not connect.`));
          stop();
        } else next({ type: 'password', username, password });
      },
      () => stop(),
    );
  };
}
