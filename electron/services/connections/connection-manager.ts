import type Docker from 'dockerode';
import { AppError, toAppError } from '../../../shared/ipc/errors';
import type { ConnectionState } from '../../../shared/schemas/connection';
import type { ContainerGroup } from '../../../shared/schemas/container';
import type { HostConfig } from '../../../shared/schemas/host';
import { listContainerGroups, withDockerTimeout } from '../docker/containers';
import { dockerForSession, type SshDocker } from '../docker/docker-over-ssh';
import { localDocker } from '../docker/local-docker';
import { createEventHub } from '../events/event-hub';
import type { HostStore } from '../hosts/host-store';
import type { SessionLease, SessionPool } from '../ssh/session-pool';

/** Docker of one host, borrowed for a call; `where` names it in error messages. */
export interface DockerHandle {
  readonly docker: Docker;
  /** For requests that stay open (log follows, events): uncapped, unpooled channels (see SshDocker). */
  readonly streaming: Docker;
  readonly where: string;
}

/**
 * The user's view of connections: "connect" holds the host's pooled SSH session open until
 * "disconnect", every state change of every host is one stream, and Docker of a host is reached
 * the same way whether it is "This computer" (local socket) or a server (over that session).
 */
export interface ConnectionManager {
  connect(hostId: string, signal?: AbortSignal): Promise<ConnectionState>;
  disconnect(hostId: string): ConnectionState;
  states(): ConnectionState[];
  watch(signal: AbortSignal): AsyncIterable<ConnectionState>;
  /** Docker of a host; connects first when needed (a CLI call or a refresh after a restart). */
  docker(hostId: string, signal?: AbortSignal): Promise<DockerHandle>;
  listContainers(hostId: string, signal?: AbortSignal): Promise<ContainerGroup[]>;
  closeAll(): void;
}

export interface ConnectionManagerDeps {
  hosts: HostStore;
  pool: SessionPool;
  now?: () => Date;
  /** Local Docker socket override (tests). */
  localSocketPath?: string;
}

export function createConnectionManager(deps: ConnectionManagerDeps): ConnectionManager {
  const now = deps.now ?? (() => new Date());
  const leases = new Map<string, SessionLease>();
  const dockers = new Map<string, SshDocker>();
  const localStates = new Map<string, ConnectionState>();
  const states = (): ConnectionState[] => [...localStates.values(), ...deps.pool.states()];
  const hub = createEventHub<ConnectionState>(states);
  deps.pool.onState((state) => hub.publish(state));

  const setLocal = (state: ConnectionState): ConnectionState => {
    localStates.set(state.hostId, state);
    hub.publish(state);
    return state;
  };
  const stateOf = (hostId: string): ConnectionState =>
    localStates.get(hostId) ?? deps.pool.get(hostId)?.state() ?? { hostId, state: 'idle', since: now().toISOString() };

  const connectLocal = async (host: Extract<HostConfig, { kind: 'local' }>, signal?: AbortSignal): Promise<ConnectionState> => {
    setLocal({ hostId: host.id, state: 'connecting', since: now().toISOString() });
    try {
      const docker = localDocker({ socketPath: host.socketPath ?? deps.localSocketPath });
      await withDockerTimeout({ where: 'on this computer' }, { signal, timeoutMs: 5000 }, (abortSignal) => docker.listContainers({ limit: 1, abortSignal }));
      return setLocal({ hostId: host.id, state: 'connected', since: now().toISOString() });
    } catch (error) {
      const appError = toAppError(error);
      setLocal({ hostId: host.id, state: 'failed', since: now().toISOString(), error: appError.toData() });
      throw appError;
    }
  };

  const connect = async (hostId: string, signal?: AbortSignal): Promise<ConnectionState> => {
    const host = await deps.hosts.get(hostId);
    if (host.kind === 'local') return connectLocal(host, signal);
    const held = leases.get(hostId);
    if (held !== undefined && deps.pool.get(hostId) === held.session) {
      // Held, but perhaps failed since (reconnect gave up, or the key changed on reconnect):
      // connect() retries a failed session and waits for one in flight.
      await held.session.connect(signal);
    } else {
      held?.release(); // the host was edited: its old session is gone from the pool
      leases.delete(hostId);
      dockers.get(hostId)?.destroy();
      dockers.delete(hostId);
      const lease = await deps.pool.acquire(host, signal);
      if (leases.has(hostId)) lease.release();
      else leases.set(hostId, lease);
    }
    await deps.hosts.setLastUsedHostId(hostId).catch(() => undefined);
    return stateOf(hostId);
  };

  const docker = async (hostId: string, signal?: AbortSignal): Promise<DockerHandle> => {
    const host = await deps.hosts.get(hostId);
    if (host.kind === 'local') {
      // Node's global agent has no socket cap: one client serves short and long requests alike.
      const local = localDocker({ socketPath: host.socketPath ?? deps.localSocketPath });
      return { docker: local, streaming: local, where: 'on this computer' };
    }
    if (deps.pool.get(hostId)?.state().state !== 'connected') await connect(hostId, signal);
    const session = deps.pool.get(hostId);
    if (session === undefined) throw new AppError('SSH_DISCONNECTED', `Not connected to ${host.name}. Connect again.`);
    let handle = dockers.get(hostId);
    if (handle === undefined) {
      handle = dockerForSession(session);
      dockers.set(hostId, handle);
    }
    return { docker: handle.docker, streaming: handle.streaming, where: `on ${session.label}` };
  };

  return {
    connect,
    disconnect(hostId) {
      leases.get(hostId)?.release();
      leases.delete(hostId);
      dockers.get(hostId)?.destroy();
      dockers.delete(hostId);
      deps.pool.disconnect(hostId);
      if (localStates.has(hostId)) return setLocal({ hostId, state: 'idle', since: now().toISOString() });
      const idle: ConnectionState = { hostId, state: 'idle', since: now().toISOString() };
      hub.publish(idle);
      return idle;
    },
    states,
    watch: (signal) => hub.subscribe(signal),
    docker,
    async listContainers(hostId, signal) {
      const handle = await docker(hostId, signal);
      try {
        return await listContainerGroups(handle.docker, { signal, where: handle.where, exactUptime: true });
      } catch (error) {
        throw toAppError(error);
      }
    },
    closeAll() {
      for (const lease of leases.values()) lease.release();
      leases.clear();
      for (const handle of dockers.values()) handle.destroy();
      dockers.clear();
      deps.pool.closeAll();
    },
  };
}
