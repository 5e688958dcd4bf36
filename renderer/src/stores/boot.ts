import { useConnectionsStore } from './connections-store';
import { useHostsStore } from './hosts-store';
import { usePromptsStore } from './prompts-store';

/**
 * Starts what lives as long as the window: the state and prompt streams, the host list, and the
 * reconnect of the last used host. Prompts are watched before anything connects so no question
 * can be asked before the window listens for it. Returns the teardown.
 */
export function boot(): () => void {
  const stopPrompts = usePromptsStore.getState().watch();
  const stopStates = useConnectionsStore.getState().watch();
  void useHostsStore
    .getState()
    .load()
    .then(() => {
      const { lastUsedHostId, hosts, selectedId } = useHostsStore.getState();
      if (selectedId !== null || lastUsedHostId === null || !hosts.some((h) => h.id === lastUsedHostId)) return;
      useHostsStore.getState().select(lastUsedHostId);
      void useConnectionsStore.getState().connect(lastUsedHostId);
    });
  return () => {
    stopPrompts();
    stopStates();
  };
}

/** Selects a host and connects it unless it is already up or its last failure needs the user. */
export function openHost(hostId: string): void {
  useHostsStore.getState().select(hostId);
  const state = useConnectionsStore.getState().byHost[hostId];
  if (state === undefined || state.state === 'idle') void useConnectionsStore.getState().connect(hostId);
}
