import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { HostConfig, HostDraft } from '../../../shared/schemas/host';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** The saved hosts and which one the main pane shows. */
export interface HostsState {
  hosts: HostConfig[];
  loaded: boolean;
  loadError: AppErrorData | null;
  selectedId: string | null;
  lastUsedHostId: string | null;
  load(): Promise<void>;
  /** Saves a host and selects it; rejects with the AppError so the form can show it by its field. */
  add(draft: HostDraft): Promise<HostConfig>;
  remove(hostId: string): Promise<void>;
  select(hostId: string | null): void;
}

/**
 * Hosts are re-read from main after every change rather than patched locally: main's store is
 * the truth (the CLI may have written it too), and the list is tiny.
 */
export const useHostsStore = create<HostsState>()((set, get) => ({
  hosts: [],
  loaded: false,
  loadError: null,
  selectedId: null,
  lastUsedHostId: null,
  async load() {
    try {
      const { hosts, lastUsedHostId } = await client().call('hosts.list', {});
      const selected = get().selectedId;
      set({
        hosts,
        lastUsedHostId,
        loaded: true,
        loadError: null,
        selectedId: selected !== null && !hosts.some((h) => h.id === selected) ? null : selected,
      });
    } catch (error) {
      set({ loaded: true, loadError: toErrorData(error) });
    }
  },
  async add(draft) {
    const host = await client().call('hosts.add', draft);
    await get().load();
    set({ selectedId: host.id });
    return host;
  },
  async remove(hostId) {
    await client().call('hosts.remove', { hostId });
    if (get().selectedId === hostId) set({ selectedId: null });
    await get().load();
  },
  select(hostId) {
    set({ selectedId: hostId });
  },
}));

/** The selected host's config, or undefined when nothing (or a removed host) is selected. */
export function selectSelectedHost(state: HostsState): HostConfig | undefined {
  return state.hosts.find((h) => h.id === state.selectedId);
}
