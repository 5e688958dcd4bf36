import type { ContainerGroup } from '../../../../shared/schemas/container';
import { Icon } from '../../components/Icon';
import { useHostsStore } from '../../stores/hosts-store';
import { useNavigationStore } from '../../stores/navigation-store';
import { countStates, formatUptime, shortImage, shortStatus } from './format';
import { HealthText, StateBadge } from './StateBadge';

/**
 * One compose project: a header with its totals and working directory, then a fixed-layout table
 * (column widths never depend on content, so refreshed data cannot shift the layout). Each row
 * has a "Logs" action (shown on hover, always reachable with Tab) that opens its logs.
 */
export function ContainerGroupTable({ group, now, fetchedAt }: { group: ContainerGroup; now: number; fetchedAt: string | null }) {
  // The table always shows the selected host's containers.
  const hostId = useHostsStore((s) => s.selectedId);
  const openLogs = useNavigationStore((s) => s.openContainerLogs);
  const counts = countStates(group.containers);
  const title = group.project ?? 'Standalone containers';
  return (
    <section className="group" aria-label={title} data-testid="container-group" data-project={group.project ?? ''}>
      <header className="group-header">
        <Icon name={group.project === null ? 'box' : 'layers'} size={14} className="group-icon" />
        <h3 className="group-title">{title}</h3>
        <span className="group-count">
          {counts.running}/{counts.total} running
        </span>
        {group.workingDir && (
          <span className="group-dir mono" title={group.configFiles?.join('\n') ?? group.workingDir}>
            {group.workingDir}
          </span>
        )}
      </header>
      <table className="ctable">
        <colgroup>
          <col className="col-name" />
          <col className="col-state" />
          <col className="col-health" />
          <col className="col-image" />
          <col className="col-uptime" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">State</th>
            <th scope="col">Health</th>
            <th scope="col">Image</th>
            <th scope="col" className="num">
              Uptime
            </th>
          </tr>
        </thead>
        <tbody>
          {group.containers.map((c) => {
            const uptime = formatUptime(c, now, fetchedAt);
            return (
              <tr key={c.id} data-testid="container-row" data-container={c.name}>
                <td>
                  <div className="cell-name-row">
                    <div className="cell-name">
                      <span className="cell-primary">{c.service ?? c.name}</span>
                      {c.service !== undefined && <span className="cell-secondary">{c.name}</span>}
                    </div>
                    {hostId !== null && (
                      <button
                        type="button"
                        className="btn btn-ghost row-action"
                        aria-label={`Logs of ${c.name}`}
                        title={`Open the logs of ${c.name}`}
                        onClick={() => openLogs(hostId, [c.id])}
                      >
                        <Icon name="terminal" size={13} />
                        Logs
                      </button>
                    )}
                  </div>
                </td>
                <td>
                  <StateBadge state={c.state} />
                </td>
                <td>
                  <HealthText health={c.health} />
                </td>
                <td className="cell-image mono" title={c.image}>
                  {shortImage(c.image)}
                </td>
                <td className="num cell-uptime" title={c.status}>
                  {uptime ?? <span className="cell-faint">{shortStatus(c.status)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Placeholder rows in the table's exact geometry, shown before the first list arrives. */
export function ContainerTableSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <section className="group" aria-hidden="true">
      <header className="group-header">
        <span className="skeleton skeleton-title" />
      </header>
      <table className="ctable">
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <td colSpan={5}>
                <span className="skeleton skeleton-row" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
