import type { HostConfig } from '../../../shared/schemas/host';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ContainersView } from '../features/containers/ContainersView';
import { mismatchOf } from '../features/host-key/host-key-text';
import { HostKeyChanged } from '../features/host-key/HostKeyChanged';
import { ConnectionStatus } from '../features/hosts/ConnectionStatus';
import { hostDestination } from '../features/hosts/host-label';
import { useConnectionsStore } from '../stores/connections-store';
import { ConnectionFailed } from './ConnectionFailed';
import { HostTabs } from './HostTabs';
import { EnvView } from '../features/env/EnvView';
import { ChecksView } from '../features/probes/ChecksView';
import { ArchitectureView } from '../features/architecture/ArchitectureView';
import { LogsView } from '../features/logs/LogsView';
import { useUiStore } from '../stores/ui-store';

/**
 * The main column for one host. What it shows follows the connection state only; every state has
 * its own next step, and the header keeps the same height whatever the state, so nothing jumps.
 */
export function HostPane({ host }: { host: HostConfig }) {
  const state = useConnectionsStore((s) => s.byHost[host.id]);
  const connect = useConnectionsStore((s) => s.connect);
  const disconnect = useConnectionsStore((s) => s.disconnect);
  const status = state?.state ?? 'idle';
  const mismatch = mismatchOf(state?.error);
  const view = useUiStore((s) => s.hostView);
  const live = status === 'connecting' || status === 'connected' || status === 'reconnecting';

  return (
    <main className="pane" aria-label={host.name}>
      <header className="pane-header">
        <span className="pane-icon">
          <Icon name={host.kind === 'local' ? 'laptop' : 'server'} size={16} />
        </span>
        <div className="pane-titles">
          <h1 className="pane-title">{host.name}</h1>
          <span className="pane-dest mono">{hostDestination(host)}</span>
        </div>
        <span className="pane-status" data-testid="pane-status">
          <ConnectionStatus state={state} />
        </span>
        {live && <HostTabs />}
        <div className="pane-actions">
          {status === 'connected' || status === 'reconnecting' || status === 'connecting' ? (
            <button type="button" className="btn btn-ghost" onClick={() => void disconnect(host.id)}>
              <Icon name="power" size={14} />
              Disconnect
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => void connect(host.id)}>
              <Icon name="plug" size={14} />
              Connect
            </button>
          )}
        </div>
      </header>
      <div className="pane-body">
        {status === 'idle' && (
          <EmptyState
            icon="plug"
            title="Not connected"
            action={
              <button type="button" className="btn btn-primary" onClick={() => void connect(host.id)}>
                Connect to {host.name}
              </button>
            }
          >
            {host.kind === 'local'
              ? 'Connect to list the containers of the Docker Engine on this computer.'
              : `Connect over SSH as ${host.user} to see this server’s containers.`}
          </EmptyState>
        )}
        {status === 'failed' && mismatch && <HostKeyChanged host={host} mismatch={mismatch} />}
        {status === 'failed' && !mismatch && <ConnectionFailed host={host} error={state?.error} />}
        {status === 'reconnecting' && (
          <div className="banner banner-warn" role="status">
            The connection dropped. Hangar is reconnecting; what is shown is from before the drop.
          </div>
        )}
        {live && view === 'architecture' && <ArchitectureView host={host} />}
        {live && view === 'containers' && <ContainersView host={host} live={status === 'connected'} />}
        {live && view === 'logs' && <LogsView host={host} />}
        {live && view === 'env' && <EnvView host={host} />}
        {live && view === 'checks' && <ChecksView host={host} />}
      </div>
    </main>
  );
}
