import { create } from 'zustand';
import { useUiStore } from './ui-store';

/** "Open the env form at this key": which host, which key, and the file that holds it when known. */
export interface EnvFocus {
  hostId: string;
  key: string;
  file?: string;
}

/**
 * "Open the logs of …": either explicit containers (a row of the Containers table) or a target
 * the logs screen resolves against the host's containers: a Plane role (`proxy`, `api`) or a
 * compose service name. `at` opens the window around that instant instead of the live tail.
 */
export interface LogsTarget {
  hostId: string;
  /** A Plane role or compose service; ignored when `containerIds` is given. */
  target?: string;
  containerIds?: string[];
  /** The compose project to look in first (a host may run more than one deployment). */
  project?: string;
  /** ISO 8601 instant to centre the window on (e.g. when a check failed). */
  at?: string;
  /** What happened at `at`, for the toolbar: "the check". */
  reason?: string;
}

/** Options of {@link NavigationState.openServiceLogs}; all optional, so `(hostId, role)` keeps working. */
export interface ServiceLogsOptions {
  at?: string;
  project?: string;
  reason?: string;
}

/** Jumps between host views that carry a target (a key to edit, a service to look at). */
export interface NavigationState {
  /** Read by the env screen: scroll to and focus this key, then call `clearEnvFocus`. */
  focusEnvKey: EnvFocus | null;
  /** Read by the containers screen: prefill its filter with this service name, then clear it. */
  containersFilter: { hostId: string; service: string } | null;
  /** Read by the logs screen: open these containers' logs, then call `clearLogsTarget`. */
  logsTarget: LogsTarget | null;
  /** Switches to the Environment tab with `focusEnvKey` set. */
  openEnvAt(focus: EnvFocus): void;
  /**
   * Switches to Logs on the containers of a Plane role or compose service (`openServiceLogs(id,
   * 'proxy')`), optionally on the window around an instant (`{ at: report.startedAt }`).
   */
  openServiceLogs(hostId: string, target: string, options?: ServiceLogsOptions): void;
  /** Switches to Logs on exactly these containers (ids), live. */
  openContainerLogs(hostId: string, containerIds: string[]): void;
  /** Switches to Containers filtered to a service. */
  openContainersOf(hostId: string, service: string): void;
  clearEnvFocus(): void;
  clearContainersFilter(): void;
  clearLogsTarget(): void;
}

/**
 * Cross-screen targets live here, not in either screen, so a finding on the Checks screen can
 * point at the env form or the logs without importing them. A target stays set until the
 * receiving screen consumes it: a screen that mounts after the switch still sees it.
 */
export const useNavigationStore = create<NavigationState>()((set) => ({
  focusEnvKey: null,
  containersFilter: null,
  logsTarget: null,
  openEnvAt(focus) {
    set({ focusEnvKey: focus });
    useUiStore.getState().setHostView('env');
  },
  openServiceLogs(hostId, target, options = {}) {
    const { at, project, reason } = options;
    set({
      logsTarget: {
        hostId,
        target,
        ...(project !== undefined ? { project } : {}),
        ...(at !== undefined ? { at } : {}),
        ...(reason !== undefined ? { reason } : {}),
      },
    });
    useUiStore.getState().setHostView('logs');
  },
  openContainerLogs(hostId, containerIds) {
    set({ logsTarget: { hostId, containerIds: [...containerIds] } });
    useUiStore.getState().setHostView('logs');
  },
  openContainersOf(hostId, service) {
    set({ containersFilter: { hostId, service } });
    useUiStore.getState().setHostView('containers');
  },
  clearEnvFocus: () => set({ focusEnvKey: null }),
  clearContainersFilter: () => set({ containersFilter: null }),
  clearLogsTarget: () => set({ logsTarget: null }),
}));
