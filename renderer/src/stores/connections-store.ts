import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { ConnectionState } from '../../../shared/schemas/connection';
import { client } from './client-ref';
import { useContainersStore } from './containers-store';
import { toErrorData } from './error-data';
import { useHostsStore } from './hosts-store';

/** Per-host connection state as the host list and the main pane show it. */
export interface ConnectionsState {
  byHost: Record<string, ConnectionState>;
  /** Hosts whose "replace key" is in flight, so the button cannot be pressed twice. */
  replacing: Record<string, boolean>;
  /** Whether the state stream is live; when it drops the store re-opens it. */
  watching: boolean;
  /** Opens `connections.watch`; returns a function that closes it (and stops re-opening). */
  watch(): () => void;
  connect(hostId: string): Promise<void>;
  disconnect(hostId: string): Promise<void>;
  /**
   * The deliberate "replace key" action: trusts the refused key whose fingerprint the user
   * confirmed (main checks it is the one it refused), then connects again.
   */
  replaceKey(hostId: string, fingerprint: string): Promise<AppErrorData | null>;
}

const RESUBSCRIBE_MS = 1000;

/**
 * The stream is the source of truth for states; rpc results only fill in when the stream has
 * not (yet) said anything newer, so a late rpc answer never overwrites a fresher event.
 */
export const useConnectionsStore = create<ConnectionsState>()((set, get) => {
  const apply = (states: ConnectionState[]): void => {
    const next = { ...get().byHost };
    for (const state of states) {
      const before = next[state.hostId];
      next[state.hostId] = state;
      if (state.state === 'connected' && before?.state !== 'connected') onConnected(state.hostId);
    }
    set({ byHost: next });
  };
  const applyIfNewer = (state: ConnectionState): void => {
    const current = get().byHost[state.hostId];
    if (current !== undefined && current.since > state.since) return;
    apply([state]);
  };
  const failLocally = (hostId: string, error: AppErrorData): void =>
    applyIfNewer({ hostId, state: error.code === 'CANCELLED' ? 'idle' : 'failed', error, since: new Date().toISOString() });

  return {
    byHost: {},
    replacing: {},
    watching: false,
    watch() {
      let stopped = false;
      let cancel: () => void = () => undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const open = (): void => {
        set({ watching: true });
        cancel = client().subscribe(
          'connections.watch',
          {},
          {
            onEvents: apply,
            onEnd: () => {
              set({ watching: false });
              if (!stopped) timer = setTimeout(open, RESUBSCRIBE_MS);
            },
          },
        );
      };
      open();
      return () => {
        stopped = true;
        clearTimeout(timer);
        cancel();
      };
    },
    async connect(hostId) {
      const current = get().byHost[hostId];
      if (current?.state === 'connecting' || current?.state === 'connected') return;
      applyIfNewer({ hostId, state: 'connecting', since: new Date().toISOString() });
      try {
        applyIfNewer(await client().call('connections.connect', { hostId }));
      } catch (error) {
        failLocally(hostId, toErrorData(error));
      }
    },
    async disconnect(hostId) {
      try {
        applyIfNewer(await client().call('connections.disconnect', { hostId }));
      } catch (error) {
        failLocally(hostId, toErrorData(error));
      }
    },
    async replaceKey(hostId, fingerprint) {
      set({ replacing: { ...get().replacing, [hostId]: true } });
      try {
        await client().call('hostKeys.replace', { hostId, fingerprint });
      } catch (error) {
        return toErrorData(error);
      } finally {
        set({ replacing: { ...get().replacing, [hostId]: false } });
      }
      await get().connect(hostId);
      return null;
    },
  };
});

function onConnected(hostId: string): void {
  if (useHostsStore.getState().selectedId === hostId) void useContainersStore.getState().refresh(hostId);
}

/** The state shown for a host that has never been connected in this session. */
export function connectionOf(state: ConnectionsState, hostId: string): ConnectionState['state'] {
  return state.byHost[hostId]?.state ?? 'idle';
}
