import type { ContainerGroup, ContainerSummary } from '../../../../shared/schemas/container';
import { Icon } from '../../components/Icon';
import type { LogSource } from '../../stores/logs-store';
import { sortGroups } from '../containers/format';
import { shortContainerName } from './log-target';

interface SourcePickerProps {
  groups: readonly ContainerGroup[];
  selected: readonly LogSource[];
  loading: boolean;
  onToggle(container: ContainerSummary): void;
  onSelect(containers: ContainerSummary[]): void;
  onRefresh(): void;
}

/**
 * The host's containers by compose project, each with a checkbox: one ticked shows its logs,
 * several are merged. "All" takes a whole project in one click (and clears it when it already
 * is the selection). Selected rows carry the colour their lines are striped with.
 */
export function SourcePicker({ groups, selected, loading, onToggle, onSelect, onRefresh }: SourcePickerProps) {
  const byId = new Map(selected.map((s) => [s.id, s]));
  const sorted = sortGroups([...groups]);
  return (
    <nav className="logs-sources" aria-label="Log sources" data-testid="log-sources">
      <header className="logs-sources-header">
        <span className="logs-sources-title">Containers</span>
        <span className="logs-sources-count">{selected.length > 0 ? `${selected.length} selected` : ''}</span>
        <button
          type="button"
          className="btn btn-ghost btn-icon logs-sources-refresh"
          onClick={onRefresh}
          title="Refresh the container list"
        >
          <Icon name="refresh" size={13} className={loading ? 'spin' : undefined} />
          <span className="visually-hidden">Refresh the container list</span>
        </button>
      </header>
      <div className="logs-sources-scroll">
        {sorted.map((group) => {
          const title = group.project ?? 'Standalone';
          const all = group.containers;
          const isAll = all.length > 0 && all.length === selected.length && all.every((c) => byId.has(c.id));
          const perService = new Map<string, number>();
          for (const c of all) if (c.service !== undefined) perService.set(c.service, (perService.get(c.service) ?? 0) + 1);
          // A scaled service (api-1, api-2) shows replica names; otherwise the service name says it.
          const label = (c: ContainerSummary) =>
            c.service !== undefined && perService.get(c.service) === 1 ? c.service : shortContainerName(c);
          return (
            <section key={group.project ?? '(none)'} className="logs-sources-group" data-project={group.project ?? ''}>
              <div className="logs-sources-project">
                <span className="logs-sources-project-name" title={title}>
                  {title}
                </span>
                {all.length > 1 && (
                  <button
                    type="button"
                    className="logs-sources-all"
                    aria-pressed={isAll}
                    aria-label={`All of ${title}`}
                    onClick={() => onSelect(isAll ? [] : all)}
                  >
                    All
                  </button>
                )}
              </div>
              <ul className="logs-sources-list">
                {all.map((c) => {
                  const source = byId.get(c.id);
                  return (
                    <li key={c.id}>
                      <label
                        className={source ? 'logs-source logs-source-on' : 'logs-source'}
                        data-testid="log-source"
                        data-container={c.name}
                      >
                        <input type="checkbox" checked={source !== undefined} onChange={() => onToggle(c)} aria-label={c.name} />
                        <span className={`logs-source-swatch${source ? ` src-${source.colour}` : ''}`} aria-hidden="true" />
                        <span className="logs-source-name">{label(c)}</span>
                        <span className={`logs-source-state state-${c.state === 'running' ? 'up' : 'down'}`} title={c.status}>
                          {c.state === 'running' ? '' : c.state}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
        {sorted.length === 0 && <p className="logs-sources-empty">{loading ? 'Loading containers…' : 'No containers on this host.'}</p>}
      </div>
    </nav>
  );
}
