import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HostConfig } from '../../../../shared/schemas/host';
import { useShortcut } from '../../components/shortcuts';
import { containersOf, useContainersStore } from '../../stores/containers-store';
import { isFollowing, useLogsStore } from '../../stores/logs-store';
import { useNavigationStore } from '../../stores/navigation-store';
import { FilterBar } from './FilterBar';
import { exportFileName, exportText } from './log-export';
import { defaultRange } from './log-range';
import { downloadText } from './download-text';
import { LogBody } from './LogBody';
import { LogsToolbar, WindowBanner } from './LogsToolbar';
import { SourcePicker } from './SourcePicker';

/**
 * Logs of one or many containers of a host, Dozzle-style: pick containers on the left (several
 * merge in time order), filter (text or regex, levels), choose a range, follow or not, export
 * what is shown. Keys: `/` filter, Esc clear it, `F` follow, `End` latest. The store owns the
 * stream; this screen attaches it while mounted and consumes "open the logs of …" jumps.
 */
export function LogsView({ host }: { host: HostConfig }) {
  const attach = useLogsStore((s) => s.attach);
  useEffect(() => attach(host.id), [host.id, attach]);

  const containers = useContainersStore((s) => containersOf(s, host.id));
  const refreshContainers = useContainersStore((s) => s.refresh);
  useEffect(() => {
    // Fresh ids on every visit: a container recreated since the last list has a new one.
    void refreshContainers(host.id);
  }, [host.id, refreshContainers]);

  const target = useNavigationStore((s) => s.logsTarget);
  const clearTarget = useNavigationStore((s) => s.clearLogsTarget);
  const openTarget = useLogsStore((s) => s.openTarget);
  useEffect(() => {
    if (target === null || target.hostId !== host.id) return;
    clearTarget();
    void openTarget(target);
  }, [target, host.id, clearTarget, openTarget]);

  const store = useLogsStore(
    useShallow((s) => ({
      sources: s.sources,
      range: s.range,
      status: s.status,
      filter: s.filter,
      filterError: s.filterError,
      wrap: s.wrap,
      timestamps: s.timestamps,
      counts: s.view.counts,
      shownLines: s.view.shownLines,
      following: isFollowing(s),
    })),
  );
  const actions = useLogsStore.getState();
  const filterRef = useRef<HTMLInputElement>(null);
  const [jump, setJump] = useState(0);
  const sourceMap = useMemo(() => new Map(store.sources.map((s) => [s.id, s])), [store.sources]);

  useShortcut('/', () => filterRef.current?.focus());
  useShortcut('f', actions.toggleFollow, store.sources.length > 0);
  useShortcut('end', () => setJump((n) => n + 1));
  useShortcut('escape', () => actions.setFilter({ text: '' }), store.filter.text !== '');

  const onExport = (): void => {
    const { view, sources } = useLogsStore.getState();
    downloadText(
      exportFileName(
        host.name,
        sources.map((s) => s.short),
        new Date(),
      ),
      exportText(view.rows),
    );
  };

  return (
    <div className="logs" data-testid="logs-view">
      <SourcePicker
        groups={containers.groups}
        selected={store.sources}
        loading={containers.loading}
        onToggle={actions.toggleSource}
        onSelect={actions.select}
        onRefresh={() => void refreshContainers(host.id)}
      />
      <section className="logs-main" aria-label="Logs">
        <LogsToolbar
          range={store.range}
          status={store.status}
          following={store.following}
          wrap={store.wrap}
          timestamps={store.timestamps}
          canExport={store.shownLines > 0}
          onRange={actions.setRange}
          onFollow={actions.toggleFollow}
          onWrap={actions.setWrap}
          onTimestamps={actions.setTimestamps}
          onClear={actions.clear}
          onExport={onExport}
        />
        <FilterBar
          filter={store.filter}
          error={store.filterError}
          counts={store.counts}
          inputRef={filterRef}
          onChange={actions.setFilter}
          onToggleLevel={actions.toggleLevel}
        />
        <WindowBanner range={store.range} onFollowLive={() => actions.setRange(defaultRange)} />
        <LogBody host={host} sources={sourceMap} jump={jump} />
      </section>
    </div>
  );
}
