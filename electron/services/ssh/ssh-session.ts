import type { Client } from 'ssh2';
import { toAppError, type AppError } from '../../../shared/ipc/errors';
import type { ConnectionState, ConnectionStatus } from '../../../shared/schemas/connection';
import { cancelledError, withSignal } from './deadline';
import { defaultReconnectPolicy, isRetryable, reconnectDelay, type ReconnectPolicy } from './reconnect-policy';
import {
  connectChain,
  endpointLabel,
  type AskAuthPrompt,
  type AskHostKey,
  type ConnectedChain,
  type PreparedCredentials,
  type SshEndpoint,
} from './ssh-connect';
import { checkAgent, loadPrivateKey, type AskPassphrase } from './ssh-credentials';
import { assertTcpReachable } from './tcp-reachable';
import type { KnownHosts } from './known-hosts';
import type { PassphraseVault } from './passphrase-vault';
import { sshError } from './ssh-errors';
import type { SshAuth } from '../../../shared/schemas/host';

/** Everything a session needs from outside; the UI's questions arrive as async callbacks. */
export interface SessionDeps {
  knownHosts: KnownHosts;
  /** Asked for unknown host keys only; a changed key is refused without asking. Never auto-accept. */
  askHostKey: AskHostKey;
  askPassphrase?: AskPassphrase;
  /** Password and keyboard-interactive prompts; without it those methods are skipped. */
  askAuthPrompt?: AskAuthPrompt;
  vault?: PassphraseVault;
  /** ssh-agent socket; defaults to $SSH_AUTH_SOCK (or the OpenSSH pipe on Windows). */
  agentSocket?: string;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  reconnect?: Partial<ReconnectPolicy>;
  now?: () => Date;
}

/** Where and how to connect: the resolved target plus ProxyJump hops in order. */
export interface SshTarget {
  hostId: string;
  endpoint: SshEndpoint;
  jumps: SshEndpoint[];
  auth: SshAuth;
}

/**
 * One host's SSH connection, shared by Docker, exec and SFTP. It owns the reconnect loop: after
 * a drop it retries with backoff until connected, a non-retryable error, or `close()`.
 */
export interface SshSession {
  readonly hostId: string;
  readonly target: SshTarget;
  /** `user@host:port`, for messages. */
  readonly label: string;
  state(): ConnectionState;
  /** Every state change, in order. Returns the unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Fires once per drop of an established connection, before reconnecting starts. */
  onDrop(listener: (error: AppError) => void): () => void;
  /** Connects if idle or failed; waits for an in-flight (re)connect otherwise. */
  connect(signal?: AbortSignal): Promise<void>;
  /** The live ssh2 client, connecting first when needed. */
  client(signal?: AbortSignal): Promise<Client>;
  /**
   * Ends the connection and stops reconnecting; the state becomes idle, except that
   * `keepFailure` leaves a `failed` state (and its reason) visible when an unused session is reaped.
   */
  close(options?: { keepFailure?: boolean }): void;
}

/**
 * Creates an idle session; nothing connects until `connect()`/`client()`. Credentials are
 * prepared once and kept in memory only, so a reconnect never asks the user again.
 */
export function createSshSession(target: SshTarget, deps: SessionDeps): SshSession {
  const policy = { ...defaultReconnectPolicy, ...deps.reconnect };
  const now = deps.now ?? (() => new Date());
  const label = endpointLabel(target.endpoint);
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const dropListeners = new Set<(error: AppError) => void>();
  const waiters = new Set<Waiter>();
  let current: ConnectionState = { hostId: target.hostId, state: 'idle', since: now().toISOString() };
  let chain: ConnectedChain | undefined;
  let credentials: PreparedCredentials | undefined;
  /** True from the first attempt until connected, failed or closed (covers the reconnect loop). */
  let busy = false;
  let reconnecting = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let lifetime = new AbortController();

  const emit = (state: ConnectionStatus, extra: Partial<ConnectionState> = {}) => {
    current = { hostId: target.hostId, state, since: now().toISOString(), ...extra };
    for (const listener of [...stateListeners]) listener(current);
  };
  const settle = (outcome: { client: Client } | { error: AppError }) => {
    busy = false;
    reconnecting = false;
    for (const waiter of [...waiters]) {
      waiters.delete(waiter);
      if ('client' in outcome) waiter.resolve(outcome.client);
      else waiter.reject(outcome.error);
    }
  };

  const prepare = async (signal: AbortSignal): Promise<PreparedCredentials> => {
    if (credentials) return credentials;
    const auth = target.auth;
    if (auth.kind === 'agent') {
      const socket =
        deps.agentSocket ?? process.env.SSH_AUTH_SOCK ?? (process.platform === 'win32' ? '\\\\.\\pipe\\openssh-ssh-agent' : undefined);
      credentials = { kind: 'agent', socketPath: await checkAgent(socket, signal) };
    } else if (auth.kind === 'key') {
      const key = await loadPrivateKey(auth.keyPath, {
        hostId: target.hostId,
        askPassphrase: deps.askPassphrase,
        vault: deps.vault,
        signal,
      });
      credentials = { kind: 'key', key };
    } else credentials = { kind: 'password' };
    return credentials;
  };

  const attempt = async (signal: AbortSignal): Promise<Client> => {
    if (credentials === undefined) {
      const first = target.jumps[0] ?? target.endpoint;
      await assertTcpReachable(first.host, first.port, endpointLabel(first), Math.min(deps.connectTimeoutMs ?? 15_000, 10_000), signal);
    }
    const creds = await prepare(signal);
    const connected = await connectChain({
      hostId: target.hostId,
      endpoints: [...target.jumps, target.endpoint],
      credentials: creds,
      knownHosts: deps.knownHosts,
      askHostKey: deps.askHostKey,
      askAuthPrompt: deps.askAuthPrompt,
      timeoutMs: deps.connectTimeoutMs ?? 15_000,
      keepaliveIntervalMs: deps.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: deps.keepaliveCountMax ?? 3,
      signal,
    });
    if (signal.aborted) {
      endAll(connected);
      throw cancelledError('Connecting');
    }
    chain = connected;
    watchForDrop(connected);
    emit('connected');
    settle({ client: connected.client });
    return connected.client;
  };

  const watchForDrop = (connected: ConnectedChain) => {
    let lastError: unknown;
    const onClose = () => {
      if (chain !== connected) return;
      chain = undefined;
      endAll(connected);
      const error = sshError(
        'SSH_DISCONNECTED',
        { target: label },
        { reason: lastError instanceof Error ? lastError.message : 'connection closed' },
      );
      for (const listener of [...dropListeners]) listener(error);
      busy = true;
      reconnecting = true;
      scheduleReconnect(1, Date.now(), error);
    };
    for (const c of [connected.client, ...connected.hops]) {
      c.on('error', (error) => (lastError = error));
      c.on('close', onClose);
    }
  };

  const fail = (error: AppError, extra: Partial<ConnectionState> = {}) => {
    emit('failed', { error: error.toData(), ...extra });
    settle({ error });
  };

  const scheduleReconnect = (n: number, startedAt: number, error: AppError) => {
    if (Date.now() - startedAt > policy.giveUpAfterMs) return fail(error, { attempt: n - 1 });
    const delay = reconnectDelay(n, policy);
    emit('reconnecting', { retryInMs: delay, attempt: n, error: error.toData() });
    const signal = lifetime.signal;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      attempt(signal).catch((failure: unknown) => {
        if (signal.aborted) return;
        const appError = toAppError(failure);
        if (isRetryable(appError.code)) scheduleReconnect(n + 1, startedAt, appError);
        else fail(appError, { attempt: n });
      });
    }, delay);
  };

  const cancelAttempt = () => {
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
    lifetime.abort();
    lifetime = new AbortController();
  };

  const connect = (signal?: AbortSignal): Promise<Client> => {
    if (chain) return Promise.resolve(chain.client);
    let waiter!: Waiter;
    const wait = new Promise<Client>((resolve, reject) => (waiter = { resolve, reject }));
    waiters.add(waiter);
    if (!busy) {
      busy = true;
      emit('connecting');
      const attemptSignal = lifetime.signal;
      attempt(attemptSignal).catch((failure: unknown) => {
        if (!attemptSignal.aborted) fail(toAppError(failure));
      });
    }
    return withSignal(wait, {
      signal,
      onCancel: () => {
        waiters.delete(waiter);
        // The last one waiting for a first connect gave up: stop it (and any prompt it shows).
        if (waiters.size === 0 && busy && !reconnecting) {
          cancelAttempt();
          busy = false;
          emit('idle');
        }
      },
    });
  };

  return {
    hostId: target.hostId,
    target,
    label,
    state: () => current,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onDrop(listener) {
      dropListeners.add(listener);
      return () => dropListeners.delete(listener);
    },
    connect: async (signal) => {
      await connect(signal);
    },
    client: (signal) => connect(signal),
    close(options = {}) {
      cancelAttempt();
      const open = chain;
      chain = undefined;
      if (open) endAll(open);
      settle({ error: cancelledError('The connection') });
      if (current.state !== 'idle' && !(options.keepFailure === true && current.state === 'failed')) emit('idle');
    },
  };
}

interface Waiter {
  resolve(client: Client): void;
  reject(error: AppError): void;
}

function endAll(connected: ConnectedChain): void {
  for (const c of [connected.client, ...connected.hops]) c.end();
}
