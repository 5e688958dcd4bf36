import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { ContainerGroup } from '../../../shared/schemas/container';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** One host's last container list; kept while a refresh runs so the table never blanks out. */
export interface HostContainers {
  groups: ContainerGroup[];
  fetchedAt: string | null;
  loading: boolean;
  error: AppErrorData | null;
}

/** Container lists per host; refreshes are deduplicated per host. */
export interface ContainersState {
  byHost: Record<string, HostContainers>;
  /** Fetches the list; concurrent calls for one host share the request in flight. */
  refresh(hostId: string): Promise<void>;
  /** Refreshes every `intervalMs` while the page is visible; returns the stop function. */
  autoRefresh(hostId: string, intervalMs?: number): () => void;
}

const EMPTY: HostContainers = { groups: [], fetchedAt: null, loading: false, error: null };
const inFlight = new Map<string, Promise<void>>();

/** Owns `containers.list` calls; components read `byHost` and call `refresh`. */
export const useContainersStore = create<ContainersState>()((set, get) => {
  const patch = (hostId: string, change: Partial<HostContainers>): void =>
    set({ byHost: { ...get().byHost, [hostId]: { ...(get().byHost[hostId] ?? EMPTY), ...change } } });

  return {
    byHost: {},
    refresh(hostId) {
      const running = inFlight.get(hostId);
      if (running) return running;
      patch(hostId, { loading: true });
      const request = client()
        .call('containers.list', { hostId })
        .then(
          ({ groups, fetchedAt }) => patch(hostId, { groups, fetchedAt, loading: false, error: null }),
          (error: unknown) => patch(hostId, { loading: false, error: toErrorData(error) }),
        )
        .finally(() => inFlight.delete(hostId));
      inFlight.set(hostId, request);
      return request;
    },
    autoRefresh(hostId, intervalMs = 15_000) {
      const timer = setInterval(() => {
        if (document.visibilityState === 'visible') void get().refresh(hostId);
      }, intervalMs);
      return () => clearInterval(timer);
    },
  };
});

/** A host's containers, or the empty placeholder before its first fetch. */
export function containersOf(state: ContainersState, hostId: string): HostContainers {
  return state.byHost[hostId] ?? EMPTY;
}
