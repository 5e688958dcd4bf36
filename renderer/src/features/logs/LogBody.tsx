import { useShallow } from 'zustand/react/shallow';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { LOG_CAPACITY, useLogsStore, type LogSource } from '../../stores/logs-store';
import { errorContextOf } from '../hosts/host-label';
import { rangeFollows, windowLabel } from './log-range';
import { LogList } from './LogList';

/**
 * Everything under the toolbars: the stream's trouble (in words, with Retry), the state that
 * explains an empty list, the list itself and a status line (counts, dropped lines). The list
 * keeps its place in the layout in every state, so nothing jumps when lines start to arrive.
 */
export function LogBody({ host, sources, jump }: { host: HostConfig; sources: ReadonlyMap<string, LogSource>; jump: number }) {
  const s = useLogsStore(
    useShallow((state) => ({
      view: state.view,
      status: state.status,
      error: state.error,
      notice: state.notice,
      range: state.range,
      filterText: state.filter.text,
      dropped: state.dropped,
      wrap: state.wrap,
      timestamps: state.timestamps,
      highlight: state.highlight,
      selected: state.sources,
    })),
  );
  const retry = useLogsStore((state) => state.retry);
  const { view, status } = s;
  const names = s.selected.map((x) => x.short).join(', ');

  let empty: { title: string; text: string } | null = null;
  if (s.selected.length === 0)
    empty = {
      title: 'Pick containers to read their logs',
      text: s.notice ?? 'Tick one or more containers on the left; several are merged in time order, each with its own colour.',
    };
  else if (view.rows.length > 0) empty = null;
  else if (status === 'connecting' || status === 'idle') empty = { title: 'Opening the log stream…', text: `Reading ${names}.` };
  else if (view.total > 0)
    empty = {
      title: 'No line matches the filter',
      text: 'Lines are hidden by the filter or the level toggles. Press Esc to clear the filter.',
    };
  else if (s.range.kind === 'window' && s.range.to !== undefined)
    empty = {
      title: `No lines between ${windowLabel(s.range.from, s.range.to, Date.now()).replace('–', ' and ')}`,
      text: `${names} wrote nothing in this window. Follow live, or choose a wider range.`,
    };
  else empty = { title: 'No lines yet', text: `${names} wrote nothing in this range. New lines appear here as they are written.` };

  return (
    <div className="logs-body">
      {(status === 'failed' || status === 'ended') && (
        <div className={`banner ${status === 'failed' ? 'banner-bad' : 'banner-warn'} logs-banner`} role="alert" data-testid="log-error">
          <span>
            {status === 'failed' && s.error ? (
              <>
                <strong>{describeError(s.error, errorContextOf(host)).what}</strong> {describeError(s.error, errorContextOf(host)).next}
              </>
            ) : (
              <>
                <strong>The log stream stopped.</strong> The containers may have been removed, or the connection dropped.
              </>
            )}
          </span>
          <button type="button" className="btn" onClick={retry}>
            Retry
          </button>
        </div>
      )}
      {s.dropped > 0 && (
        <div className="logs-dropped" role="status" data-testid="log-dropped">
          Older lines dropped ({s.dropped.toLocaleString('en-US')}): the viewer keeps the newest {LOG_CAPACITY.toLocaleString('en-US')}.
          Export or narrow the range to see them.
        </div>
      )}
      {empty ? (
        <div className="logs-empty" data-testid="log-empty">
          <EmptyState icon={s.selected.length === 0 ? 'terminal' : 'search'} title={empty.title}>
            {empty.text}
          </EmptyState>
        </div>
      ) : (
        <LogList
          key={`${s.wrap}`}
          rows={view.rows}
          sources={sources}
          merged={s.selected.length > 1}
          wrap={s.wrap}
          timestamps={s.timestamps}
          highlight={s.highlight}
          appended={view.appended}
          jump={jump}
        />
      )}
      <footer className="logs-footer" data-testid="log-footer">
        <span>
          <strong>{view.shownLines.toLocaleString('en-US')}</strong> {view.shownLines === 1 ? 'line' : 'lines'}
          {view.shownLines !== view.total && <> of {view.total.toLocaleString('en-US')}</>}
          {s.selected.length > 1 && <> · {s.selected.length} containers merged</>}
        </span>
        <span className="logs-footer-keys">
          <Kbd keys={['/']} /> filter <Kbd keys={['F']} /> follow <Kbd keys={['End']} /> latest
        </span>
        {!rangeFollows(s.range) && status === 'complete' && <span className="logs-footer-end">End of the window</span>}
      </footer>
    </div>
  );
}
