import { create } from 'zustand';

/** Which overlay is open; kept in a store so keyboard shortcuts and buttons open the same thing. */
/** What the main column shows for a connected host. */
export type HostView = 'architecture' | 'containers' | 'logs' | 'env' | 'checks';

export interface UiState {
  addHostOpen: boolean;
  openAddHost(): void;
  closeAddHost(): void;
  hostView: HostView;
  setHostView(view: HostView): void;
}

/** Window-level UI state only; nothing here is persisted or sent to main. */
export const useUiStore = create<UiState>()((set) => ({
  addHostOpen: false,
  openAddHost: () => set({ addHostOpen: true }),
  closeAddHost: () => set({ addHostOpen: false }),
  hostView: 'architecture',
  setHostView: (hostView) => set({ hostView }),
}));
