import type { ConnectionState } from '../../../shared/schemas/connection';
import type { SshHostConfig } from '../../../shared/schemas/host';
import { createSshSession, type SessionDeps, type SshSession } from './ssh-session';
import { resolveTarget, type AliasResolver } from './ssh-target';

/** Session deps plus how the pool resolves aliases and reaps unused sessions. */
export interface SessionPoolDeps extends SessionDeps {
  /** Resolves `sshConfigAlias` and ProxyJump aliases at each connect; omit to use stored fields only. */
  resolveAlias?: AliasResolver;
  /** How long an unused session stays open for the next request (default 60 s); 0 closes at once. */
  idleCloseMs?: number;
}

/** A hold on a connected session. Release it when done; the last release lets it close. */
export interface SessionLease {
  readonly session: SshSession;
  release(): void;
}

/**
 * One SSH session per host, shared by Docker, exec and SFTP and counted by lease, so opening
 * logs while a container list refreshes never costs a second handshake.
 */
export interface SessionPool {
  /** Connects (or reuses) the host's session and holds it until `release()`. */
  acquire(host: SshHostConfig, signal?: AbortSignal): Promise<SessionLease>;
  /** The session of a host, if one exists (connected or not). */
  get(hostId: string): SshSession | undefined;
  /** Last known state of every host the pool has seen (a failed host keeps its reason until retried). */
  states(): ConnectionState[];
  /** Every state change of every session; returns the unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Closes a host's session now, whatever its lease count (the "Disconnect" button). */
  disconnect(hostId: string): void;
  closeAll(): void;
}

interface Entry {
  session: SshSession;
  fingerprint: string;
  leases: number;
  idleTimer?: NodeJS.Timeout;
  unsubscribe: () => void;
}

/**
 * Creates the pool (one per app/CLI process). Releasing the last lease keeps the connection
 * `idleCloseMs` for the next request; a failed host keeps its `failed` state and reason.
 */
export function createSessionPool(deps: SessionPoolDeps): SessionPool {
  const entries = new Map<string, Entry>();
  const listeners = new Set<(state: ConnectionState) => void>();
  const lastStates = new Map<string, ConnectionState>();
  const idleCloseMs = deps.idleCloseMs ?? 60_000;

  const drop = (hostId: string, keepFailure = false) => {
    const entry = entries.get(hostId);
    if (!entry) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entries.delete(hostId);
    entry.session.close({ keepFailure });
    entry.unsubscribe();
  };

  const entryFor = async (host: SshHostConfig): Promise<Entry> => {
    const fingerprint = JSON.stringify(host);
    const existing = entries.get(host.id);
    if (existing && existing.fingerprint === fingerprint) return existing;
    if (existing) drop(host.id); // the host was edited: its old connection is stale
    const session = createSshSession(await resolveTarget(host, deps.resolveAlias), deps);
    const entry: Entry = {
      session,
      fingerprint,
      leases: 0,
      unsubscribe: session.onState((state) => {
        lastStates.set(state.hostId, state);
        for (const listener of [...listeners]) listener(state);
      }),
    };
    entries.set(host.id, entry);
    return entry;
  };

  const release = (entry: Entry) => {
    entry.leases = Math.max(0, entry.leases - 1);
    if (entry.leases > 0 || entries.get(entry.session.hostId) !== entry) return;
    if (idleCloseMs === 0) return drop(entry.session.hostId, true);
    entry.idleTimer = setTimeout(() => {
      if (entry.leases === 0) drop(entry.session.hostId, true);
    }, idleCloseMs);
    entry.idleTimer.unref();
  };

  return {
    async acquire(host, signal) {
      const entry = await entryFor(host);
      entry.leases += 1;
      if (entry.idleTimer) clearTimeout(entry.idleTimer);
      entry.idleTimer = undefined;
      try {
        await entry.session.connect(signal);
      } catch (error) {
        release(entry);
        throw error;
      }
      let released = false;
      return {
        session: entry.session,
        release: () => {
          if (released) return;
          released = true;
          release(entry);
        },
      };
    },
    get: (hostId) => entries.get(hostId)?.session,
    states: () => [...lastStates.values()],
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    disconnect: (hostId) => drop(hostId),
    closeAll() {
      for (const hostId of [...entries.keys()]) drop(hostId);
    },
  };
}
