import { Icon } from '../../components/Icon';
import type { ChecksFormErrors, ResolveRow } from './checks-form';

/**
 * "Resolve this host to this address" rows, like curl's --resolve: probe a site before its DNS
 * is switched, or the lab's plane.lab.test on 127.0.0.1. Rows are edited in place; an empty row
 * is ignored when the checks run.
 */
export function ResolveOverrides({
  rows,
  errors,
  onChange,
}: {
  rows: ResolveRow[];
  errors: ChecksFormErrors;
  onChange(rows: ResolveRow[]): void;
}) {
  const update = (index: number, patch: Partial<ResolveRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="probe-resolve" aria-label="Resolve overrides">
      <legend className="field-label">Resolve host → IP</legend>
      {rows.length === 0 && <span className="field-hint">None: names resolve through this computer’s DNS.</span>}
      {rows.map((row, index) => {
        const error = errors[`resolve.${index}`];
        return (
          <div key={index} className="probe-resolve-row-wrap">
            <div className="probe-resolve-row">
              <input
                className="input mono"
                aria-label={`Host name ${index + 1}`}
                placeholder="plane.example.com"
                value={row.host}
                onChange={(e) => update(index, { host: e.target.value })}
                aria-invalid={error ? true : undefined}
                spellCheck={false}
              />
              <span className="probe-resolve-arrow" aria-hidden="true">
                →
              </span>
              <input
                className="input mono"
                aria-label={`Address ${index + 1}`}
                placeholder="127.0.0.1"
                value={row.address}
                onChange={(e) => update(index, { address: e.target.value })}
                aria-invalid={error ? true : undefined}
                spellCheck={false}
              />
              <button
                type="button"
                className="btn btn-ghost btn-icon"
                aria-label={`Remove override ${index + 1}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                <Icon name="x" size={14} />
              </button>
            </div>
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-ghost probe-resolve-add"
        onClick={() => onChange([...rows, { host: '', address: '' }])}
        disabled={rows.length >= 16}
      >
        <Icon name="plus" size={13} />
        Add override
      </button>
    </fieldset>
  );
}
