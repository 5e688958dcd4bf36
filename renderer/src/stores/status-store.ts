import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { ContainerGroup } from '../../../shared/schemas/container';
import type { Deployment } from '../../../shared/schemas/deployment';
import type { StatusEvent } from '../../../shared/schemas/status';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** What the Overview knows about one host: its Plane deployments and the live container state. */
export interface HostStatus {
  /** Last snapshot of `status.watch`; kept through stale periods and re-subscriptions. */
  groups: ContainerGroup[] | null;
  at: string | null;
  /** The sentence of the last `stale` event, cleared by the next snapshot. */
  stale: string | null;
  /** Why the stream ended (it is re-opened after a pause while the Overview is shown). */
  error: AppErrorData | null;
  deployments: Deployment[] | null;
  listing: boolean;
  listError: AppErrorData | null;
  /** The deployment the user picked; null means the first one. */
  project: string | null;
}

export interface StatusState {
  byHost: Record<string, HostStatus>;
  /** Opens `status.watch` for a host (shared by every caller); returns the function that lets go of it. */
  watch(hostId: string): () => void;
  /** Reads the host's Plane deployments (`deployments.list`). */
  listDeployments(hostId: string): Promise<void>;
  selectProject(hostId: string, project: string): void;
}

const EMPTY: HostStatus = {
  groups: null,
  at: null,
  stale: null,
  error: null,
  deployments: null,
  listing: false,
  listError: null,
  project: null,
};
/** Pause before re-opening a stream that ended with an error (the host may be reconnecting). */
export const RESUBSCRIBE_MS = 2000;
/** A compose project Hangar has not classified yet triggers a new `deployments.list`, at most this often. */
const RELIST_MS = 5000;

interface Watcher {
  users: number;
  cancel: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}
const watchers = new Map<string, Watcher>();
/** Compose projects present when each host's deployments were last listed (Plane or not). */
const classified = new Map<string, { projects: Set<string>; at: number }>();

/**
 * Owns `status.watch` and `deployments.list` for the Overview. One stream per host however many
 * views watch it; it lives while at least one does. A new compose project in a snapshot (Plane
 * started after the view opened) re-lists the deployments, so the empty state turns into the
 * diagram without a refresh.
 */
export const useStatusStore = create<StatusState>()((set, get) => {
  const patch = (hostId: string, change: Partial<HostStatus>): void =>
    set({ byHost: { ...get().byHost, [hostId]: { ...(get().byHost[hostId] ?? EMPTY), ...change } } });

  const apply = (hostId: string, events: StatusEvent[]): void => {
    let change: Partial<HostStatus> = {};
    for (const event of events) {
      change =
        event.event === 'snapshot'
          ? { ...change, groups: event.groups, at: event.at, stale: null, error: null }
          : { ...change, stale: event.message };
    }
    patch(hostId, change);
    if (change.groups) relistIfNew(hostId, change.groups);
  };

  const relistIfNew = (hostId: string, groups: ContainerGroup[]): void => {
    const known = classified.get(hostId);
    if (known === undefined || get().byHost[hostId]?.listing || Date.now() - known.at < RELIST_MS) return;
    if (groups.some((g) => g.project !== null && !known.projects.has(g.project))) void get().listDeployments(hostId);
  };

  const open = (hostId: string, watcher: Watcher): void => {
    watcher.cancel = client().subscribe(
      'status.watch',
      { hostId },
      {
        onEvents: (events) => apply(hostId, events),
        onEnd: (error) => {
          if (watchers.get(hostId) !== watcher) return;
          if (error !== null) patch(hostId, { error: toErrorData(error) });
          watcher.timer = setTimeout(() => open(hostId, watcher), RESUBSCRIBE_MS);
        },
      },
    );
  };

  return {
    byHost: {},
    watch(hostId) {
      let watcher = watchers.get(hostId);
      if (watcher === undefined) {
        watcher = { users: 0, cancel: () => undefined, timer: undefined };
        watchers.set(hostId, watcher);
        open(hostId, watcher);
      }
      watcher.users += 1;
      const mine = watcher;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        mine.users -= 1;
        if (mine.users > 0) return;
        watchers.delete(hostId);
        clearTimeout(mine.timer);
        mine.cancel();
      };
    },
    async listDeployments(hostId) {
      if (get().byHost[hostId]?.listing) return;
      patch(hostId, { listing: true });
      const projects = new Set((get().byHost[hostId]?.groups ?? []).flatMap((g) => (g.project === null ? [] : [g.project])));
      try {
        const { deployments } = await client().call('deployments.list', { hostId });
        for (const d of deployments) projects.add(d.project);
        classified.set(hostId, { projects, at: Date.now() });
        patch(hostId, { deployments, listing: false, listError: null });
      } catch (error) {
        classified.set(hostId, { projects, at: Date.now() });
        patch(hostId, { listing: false, listError: toErrorData(error) });
      }
    },
    selectProject(hostId, project) {
      patch(hostId, { project });
    },
  };
});

/** A host's Overview state, or the blank one before anything arrived. */
export function statusOf(state: StatusState, hostId: string): HostStatus {
  return state.byHost[hostId] ?? EMPTY;
}

/** The deployment the Overview shows: the one picked if it still exists, else the first. */
export function currentDeployment(status: HostStatus): Deployment | undefined {
  return status.deployments?.find((d) => d.project === status.project) ?? status.deployments?.[0];
}
