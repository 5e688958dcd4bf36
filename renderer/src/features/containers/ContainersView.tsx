import { useEffect, useMemo, useRef, useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useShortcut } from '../../components/shortcuts';
import { useNow } from '../../components/use-now';
import { containersOf, useContainersStore } from '../../stores/containers-store';
import { errorContextOf } from '../hosts/host-label';
import { ContainerGroupTable, ContainerTableSkeleton } from './ContainerTable';
import { countStates, filterGroups, sortGroups } from './format';
import { useNavigationStore } from '../../stores/navigation-store';

/**
 * A connected host's containers by compose project. Fetches on mount, refreshes every 15 s while
 * visible and on R; the previous list stays on screen during a refresh (no blanking, no jump).
 */
export function ContainersView({ host, live }: { host: HostConfig; live: boolean }) {
  const data = useContainersStore((s) => containersOf(s, host.id));
  const refresh = useContainersStore((s) => s.refresh);
  const autoRefresh = useContainersStore((s) => s.autoRefresh);
  const [query, setQuery] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const now = useNow(30_000);
  const target = useNavigationStore((s) => s.containersFilter);
  const clearTarget = useNavigationStore((s) => s.clearContainersFilter);
  useEffect(() => {
    // "Show logs of <service>" from a Checks finding: narrow the list to that service.
    if (target === null || target.hostId !== host.id) return;
    setQuery(target.service);
    clearTarget();
  }, [target, host.id, clearTarget]);

  useEffect(() => {
    if (!live) return;
    void refresh(host.id);
    return autoRefresh(host.id);
  }, [host.id, live, refresh, autoRefresh]);
  useShortcut('r', () => void refresh(host.id), live);
  useShortcut('/', () => filterRef.current?.focus());

  const groups = useMemo(() => filterGroups(sortGroups(data.groups), query), [data.groups, query]);
  const all = data.groups.flatMap((g) => g.containers);
  const counts = countStates(all);
  const projects = data.groups.filter((g) => g.project !== null).length;
  const firstLoad = data.fetchedAt === null;

  return (
    <div className="containers" data-testid="containers-view">
      <div className="containers-scroll">
        <div className="toolbar">
          <div className="toolbar-summary" aria-live="polite">
            {firstLoad ? (
              <span className="cell-faint">{data.loading ? 'Loading containers…' : ' '}</span>
            ) : (
              <>
                <span className="summary-strong">{counts.total}</span> containers
                <span className="summary-sep">·</span>
                <span className="summary-strong">{projects}</span> {projects === 1 ? 'project' : 'projects'}
                <span className="summary-sep">·</span>
                <span className="summary-ok">{counts.running} running</span>
                {counts.unhealthy > 0 && (
                  <>
                    <span className="summary-sep">·</span>
                    <span className="summary-bad">{counts.unhealthy} need attention</span>
                  </>
                )}
              </>
            )}
          </div>
          <label className="filter">
            <Icon name="search" size={14} />
            <input
              ref={filterRef}
              className="filter-input"
              placeholder="Filter containers"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
              spellCheck={false}
            />
            <Kbd keys={['/']} />
          </label>
          <button type="button" className="btn" onClick={() => void refresh(host.id)} disabled={!live} title="Refresh (R)">
            <Icon name="refresh" size={14} className={data.loading ? 'spin' : undefined} />
            Refresh
            <Kbd keys={['R']} />
          </button>
        </div>
        {data.error && (
          <div className="banner banner-bad" role="alert" data-testid="containers-error">
            <strong>{describeError(data.error, errorContextOf(host)).what}</strong> {describeError(data.error, errorContextOf(host)).next}
          </div>
        )}
        {firstLoad && !data.error && (
          <>
            <ContainerTableSkeleton rows={4} />
            <ContainerTableSkeleton rows={2} />
          </>
        )}
        {!firstLoad && all.length === 0 && (
          <EmptyState icon="box" title="No containers on this host">
            Deploy Plane with <code>docker compose up -d</code> in its directory, then press <Kbd keys={['R']} /> to refresh.
          </EmptyState>
        )}
        {!firstLoad && all.length > 0 && groups.length === 0 && (
          <EmptyState icon="search" title={`Nothing matches “${query}”`}>
            Search by container, service, image or project name. Press Esc to clear the filter.
          </EmptyState>
        )}
        {groups.map((group) => (
          <ContainerGroupTable key={group.project ?? '(none)'} group={group} now={now} fetchedAt={data.fetchedAt} />
        ))}
      </div>
    </div>
  );
}
