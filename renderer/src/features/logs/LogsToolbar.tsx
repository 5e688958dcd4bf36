import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import type { LogsStatus } from '../../stores/logs-store';
import { rangeFollows, windowLabel, type LogRange } from './log-range';
import { RangePicker } from './RangePicker';

interface LogsToolbarProps {
  range: LogRange;
  status: LogsStatus;
  following: boolean;
  wrap: boolean;
  timestamps: boolean;
  canExport: boolean;
  onRange(range: LogRange): void;
  onFollow(): void;
  onWrap(on: boolean): void;
  onTimestamps(on: boolean): void;
  onClear(): void;
  onExport(): void;
}

const statusText: Record<LogsStatus, string> = {
  idle: '',
  connecting: 'Connecting…',
  live: 'Live',
  paused: 'Paused',
  complete: 'End of range',
  ended: 'Stopped',
  failed: 'Failed',
};

/** What is read and how it is shown: range, follow, wrap, timestamps, clear and export. */
export function LogsToolbar(props: LogsToolbarProps) {
  const { range, status, following, wrap, timestamps, canExport } = props;
  const closed = !rangeFollows(range);
  return (
    <div className="logs-toolbar">
      <RangePicker range={range} onChange={props.onRange} />
      <button
        type="button"
        className={following ? 'btn logs-follow logs-follow-on' : 'btn logs-follow'}
        aria-pressed={following}
        onClick={props.onFollow}
        title={closed ? 'Switch to the live tail (F)' : following ? 'Pause following (F)' : 'Follow new lines (F)'}
        data-testid="log-follow"
      >
        <Icon name={following ? 'pause' : 'play'} size={12} />
        {closed ? 'Follow live' : following ? 'Following' : 'Follow'}
        <Kbd keys={['F']} />
      </button>
      <span className={`logs-status logs-status-${status}`} data-testid="log-status" aria-live="polite">
        {status !== 'idle' && <span className={`dot ${status === 'live' ? 'dot-ok' : status === 'failed' ? 'dot-bad' : 'dot-idle'}`} />}
        {statusText[status]}
      </span>
      <span className="logs-toolbar-spacer" />
      <button
        type="button"
        className="btn btn-ghost logs-toggle"
        aria-pressed={wrap}
        onClick={() => props.onWrap(!wrap)}
        title="Wrap long lines"
      >
        <Icon name="wrap" size={14} />
        Wrap
      </button>
      <button
        type="button"
        className="btn btn-ghost logs-toggle"
        aria-pressed={timestamps}
        onClick={() => props.onTimestamps(!timestamps)}
        title="Show timestamps"
      >
        <Icon name="clock" size={14} />
        Time
      </button>
      <button type="button" className="btn btn-ghost" onClick={props.onClear} title="Empty the list (new lines keep coming)">
        <Icon name="trash" size={14} />
        Clear
      </button>
      <button type="button" className="btn" onClick={props.onExport} disabled={!canExport} title="Download the lines shown as a .log file">
        <Icon name="download" size={14} />
        Export
      </button>
    </div>
  );
}

/**
 * The closed window a jump opened, said in words, with the way back to live: "Showing
 * 12:01–12:07 around the check at 12:06:12 · Follow live".
 */
export function WindowBanner({ range, onFollowLive }: { range: LogRange; onFollowLive(): void }) {
  if (range.kind !== 'window' || range.to === undefined) return null;
  const around = range.around === undefined ? null : new Date(range.around);
  return (
    <div className="logs-window" data-testid="log-window" role="status">
      <Icon name="clock" size={13} />
      <span>
        Showing <strong>{windowLabel(range.from, range.to, Date.now())}</strong>
        {around && (
          <>
            {' '}
            around {range.reason ?? 'the moment'} at {around.toLocaleTimeString('en-GB')}
          </>
        )}
      </span>
      <span className="logs-window-sep">·</span>
      <button type="button" className="btn btn-ghost logs-window-live" onClick={onFollowLive}>
        Follow live
      </button>
    </div>
  );
}
