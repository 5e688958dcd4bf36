import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { OutputOf } from '../../../shared/ipc/define';
import type { Contract } from '../../../shared/ipc/contract';
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
  /** Saves an edited host; rejects with the AppError so the form can show it by its field. */
  update(host: HostConfig): Promise<HostConfig>;
  remove(hostId: string): Promise<void>;
  select(hostId: string | null): void;
  /** Reads ~/.ssh/config in main: the hosts it defines as drafts, and every line it did not apply. */
  readSshConfig(): Promise<SshConfigImport>;
  /** Adds drafts one by one; a refused draft (name taken) does not stop the others. */
  importHosts(drafts: HostDraft[]): Promise<{ added: HostConfig[]; refused: { name: string; error: AppErrorData }[] }>;
}

/** What `hosts.importSshConfig` answers: drafts that keep their alias, and the issues with line numbers. */
export type SshConfigImport = OutputOf<Contract['hosts.importSshConfig']>;

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
  async update(host) {
    const saved = await client().call('hosts.update', host);
    await get().load();
    return saved;
  },
  async remove(hostId) {
    await client().call('hosts.remove', { hostId });
    if (get().selectedId === hostId) set({ selectedId: null });
    await get().load();
  },
  select(hostId) {
    set({ selectedId: hostId });
  },
  readSshConfig() {
    return client().call('hosts.importSshConfig', {});
  },
  async importHosts(drafts) {
    const added: HostConfig[] = [];
    const refused: { name: string; error: AppErrorData }[] = [];
    for (const draft of drafts) {
      try {
        added.push(await client().call('hosts.add', draft));
      } catch (error) {
        refused.push({ name: draft.name, error: toErrorData(error) });
      }
    }
    await get().load();
    return { added, refused };
  },
}));

/** The selected host's config, or undefined when nothing (or a removed host) is selected. */
export function selectSelectedHost(state: HostsState): HostConfig | undefined {
  return state.hosts.find((h) => h.id === state.selectedId);
}
