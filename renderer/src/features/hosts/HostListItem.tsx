import type { HostConfig } from '../../../../shared/schemas/host';
import { Icon } from '../../components/Icon';
import { useConnectionsStore } from '../../stores/connections-store';
import { ConnectionStatus } from './ConnectionStatus';
import { hostDestination } from './host-label';

/** One row of the sidebar: what the host is, where it points, and how its connection is doing. */
export function HostListItem({ host, selected, onOpen }: { host: HostConfig; selected: boolean; onOpen(): void }) {
  const state = useConnectionsStore((s) => s.byHost[host.id]);
  return (
    <li>
      <button
        type="button"
        className={`host-item${selected ? ' host-item-selected' : ''}`}
        onClick={onOpen}
        aria-current={selected ? 'true' : undefined}
        data-host-id={host.id}
        data-testid="host-item"
        title={hostDestination(host)}
      >
        <span className="host-item-icon">
          <Icon name={host.kind === 'local' ? 'laptop' : 'server'} size={15} />
        </span>
        <span className="host-item-main">
          <span className="host-item-name">{host.name}</span>
          <ConnectionStatus state={state} compact />
        </span>
      </button>
    </li>
  );
}
