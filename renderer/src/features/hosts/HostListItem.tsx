import type { HostConfig } from '../../../../shared/schemas/host';
import { Icon } from '../../components/Icon';
import { useConnectionsStore } from '../../stores/connections-store';
import { ConnectionStatus } from './ConnectionStatus';
import { hostDestination } from './host-label';

/**
 * One row of the sidebar: what the host is, where it points, and how its connection is doing.
 * SSH hosts carry an edit button next to the row (not inside it: buttons do not nest).
 */
export function HostListItem({ host, selected, onOpen, onEdit }: { host: HostConfig; selected: boolean; onOpen(): void; onEdit?(): void }) {
  const state = useConnectionsStore((s) => s.byHost[host.id]);
  return (
    <li style={{ position: 'relative' }}>
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
      {onEdit && host.kind === 'ssh' && (
        <button
          type="button"
          className="btn btn-ghost btn-icon host-item-edit"
          style={{ position: 'absolute', right: 6, top: '50%', transform: 'translateY(-50%)' }}
          onClick={onEdit}
          aria-label={`Edit ${host.name}`}
          title={`Edit or remove ${host.name}`}
        >
          <span aria-hidden="true" style={{ fontSize: 15, lineHeight: 1 }}>
            ⋯
          </span>
        </button>
      )}
    </li>
  );
}
