import { create } from 'zustand';
import { useUiStore } from './ui-store';

/** "Open the env form at this key": which host, which key, and the file that holds it when known. */
export interface EnvFocus {
  hostId: string;
  key: string;
  file?: string;
}

/** Jumps between host views that carry a target (a key to edit, a service to look at). */
export interface NavigationState {
  /** Read by the env screen: scroll to and focus this key, then call `clearEnvFocus`. */
  focusEnvKey: EnvFocus | null;
  /** Read by the containers screen: prefill its filter with this service name, then clear it. */
  containersFilter: { hostId: string; service: string } | null;
  /** Switches to the Environment tab with `focusEnvKey` set. */
  openEnvAt(focus: EnvFocus): void;
  /** Switches to Containers filtered to a service (until the log viewer can open its logs directly). */
  openServiceLogs(hostId: string, service: string): void;
  clearEnvFocus(): void;
  clearContainersFilter(): void;
}

/**
 * Cross-screen targets live here, not in either screen, so a finding on the Checks screen can
 * point at the env form without importing it. The target stays set until the receiving screen
 * consumes it: a screen that mounts after the switch still sees it.
 */
export const useNavigationStore = create<NavigationState>()((set) => ({
  focusEnvKey: null,
  containersFilter: null,
  openEnvAt(focus) {
    set({ focusEnvKey: focus });
    useUiStore.getState().setHostView('env');
  },
  openServiceLogs(hostId, service) {
    set({ containersFilter: { hostId, service } });
    useUiStore.getState().setHostView('containers');
  },
  clearEnvFocus: () => set({ focusEnvKey: null }),
  clearContainersFilter: () => set({ containersFilter: null }),
}));
