import { useEffect } from 'react';
import { EmptyState } from '../components/EmptyState';
import { Kbd } from '../components/Kbd';
import { AddHostDialog } from '../features/hosts/AddHostDialog';
import { HostSidebar } from '../features/hosts/HostSidebar';
import { boot } from '../stores/boot';
import { selectSelectedHost, useHostsStore } from '../stores/hosts-store';
import { useUiStore } from '../stores/ui-store';
import { HostPane } from './HostPane';
import { PromptHost } from './PromptHost';

/** The window: host list on the left, the selected host on the right, and any open question on top. */
export function App() {
  useEffect(() => boot(), []);
  const host = useHostsStore(selectSelectedHost);
  const loadError = useHostsStore((s) => s.loadError);
  const addHostOpen = useUiStore((s) => s.addHostOpen);
  const openAddHost = useUiStore((s) => s.openAddHost);

  return (
    <div className="app">
      <HostSidebar />
      {host ? (
        <HostPane key={host.id} host={host} />
      ) : (
        <main className="pane pane-empty">
          {loadError ? (
            <EmptyState icon="alert" title="Hangar could not read your saved hosts">
              {loadError.message}
            </EmptyState>
          ) : (
            <EmptyState
              icon="server"
              title="Pick a host to see its containers"
              action={
                <button type="button" className="btn btn-primary" onClick={openAddHost}>
                  Add host <Kbd keys={['mod', 'N']} />
                </button>
              }
            >
              Choose a host on the left, or add the server that runs Plane. Hangar connects over SSH and lists its Docker containers by
              compose project.
            </EmptyState>
          )}
        </main>
      )}
      {addHostOpen && <AddHostDialog />}
      <PromptHost />
    </div>
  );
}
