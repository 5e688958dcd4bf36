import { useState } from 'react';
import { rangeLabel, rangePresets, sameRange, type LogRange } from './log-range';

/**
 * The time range: presets in a native select (keyboard and screen-reader friendly), plus
 * "Custom…" which opens from/to fields in local time. A custom range without an end follows
 * new lines; with an end it is a closed window.
 */
export function RangePicker({ range, onChange }: { range: LogRange; onChange(range: LogRange): void }) {
  const [custom, setCustom] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const preset = rangePresets.find((p) => sameRange(p.range, range));
  const value = custom ? 'custom' : (preset?.id ?? 'current');

  const apply = (): void => {
    const start = Date.parse(from);
    const end = to === '' ? undefined : Date.parse(to);
    if (Number.isNaN(start)) return setError('Choose when the range starts.');
    if (end !== undefined && (Number.isNaN(end) || end <= start)) return setError('The end must be after the start.');
    setError(null);
    setCustom(false);
    onChange({ kind: 'window', from: new Date(start).toISOString(), ...(end !== undefined ? { to: new Date(end).toISOString() } : {}) });
  };

  return (
    <div className="logs-range">
      <select
        className="input logs-range-select"
        aria-label="Time range"
        value={value}
        onChange={(e) => {
          const next = rangePresets.find((p) => p.id === e.target.value);
          if (next) {
            setCustom(false);
            onChange(next.range);
          } else if (e.target.value === 'custom') {
            if (range.kind === 'window') {
              setFrom(toLocalInput(range.from));
              setTo(range.to ? toLocalInput(range.to) : '');
            }
            setCustom(true);
          }
        }}
      >
        {!preset && <option value="current">{rangeLabel(range, Date.now())}</option>}
        {rangePresets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {custom && (
        <form
          className="logs-range-custom"
          aria-label="Custom range"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setCustom(false);
          }}
        >
          <input
            className="input"
            type="datetime-local"
            step={1}
            aria-label="From"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <span className="logs-range-dash">–</span>
          <input
            className="input"
            type="datetime-local"
            step={1}
            aria-label="To (empty: now, and follow)"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <span className="logs-range-hint">Leave the end empty to keep following.</span>
          <button type="submit" className="btn">
            Apply
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => setCustom(false)}>
            Cancel
          </button>
          {error && (
            <span className="logs-range-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}

/** An ISO instant as a `datetime-local` value (local time, seconds). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
