import type { Finding } from '../../../../shared/schemas/env';
import { Icon } from '../../components/Icon';

const rank = { error: 0, warning: 1, info: 2 } as const;

/**
 * Every finding of the rules (plane-reference.md §8) with its id, severity, message and fix,
 * errors first. `pending`: edits were made and their findings are being computed.
 */
export function FindingsList({ findings, loading, pending }: { findings: Finding[]; loading: boolean; pending: boolean }) {
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.ruleId.localeCompare(b.ruleId));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <div className="env-findings" data-testid="findings">
      <header className="env-findings-header">
        <h3 className="env-findings-title">Findings</h3>
        <span className="env-findings-count" aria-live="polite">
          {loading
            ? ''
            : pending
              ? 'Checking…'
              : findings.length === 0
                ? 'None'
                : `${errors} ${errors === 1 ? 'error' : 'errors'} · ${findings.length - errors} other`}
        </span>
      </header>
      {!loading && findings.length === 0 && (
        <p className="env-findings-empty">
          <Icon name="check" size={14} /> The files pass every rule Hangar knows for this layout.
        </p>
      )}
      <ol className="env-findings-list">
        {sorted.map((f, i) => (
          <li
            key={`${f.ruleId}-${f.keys.join()}-${i}`}
            className={`env-finding env-finding-${f.severity}`}
            data-testid="finding"
            data-rule={f.ruleId}
          >
            <div className="env-finding-head">
              <span className={`env-sev env-sev-${f.severity}`}>{f.severity}</span>
              <span className="mono env-finding-id">{f.ruleId}</span>
              <span className="mono env-finding-keys">{f.keys.join(', ')}</span>
            </div>
            <p className="env-finding-message">{f.message}</p>
            <p className="env-finding-fix">
              <span className="env-finding-fix-label">Fix</span> {f.fix}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
