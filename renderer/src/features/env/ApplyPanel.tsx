import { useEffect, useRef } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Icon } from '../../components/Icon';
import { useEnvStore, type EnvSession } from '../../stores/env-store';
import { StateBadge, HealthText } from '../containers/StateBadge';
import { errorContextOf } from '../hosts/host-label';
import { WarningList } from './WarningList';

/**
 * After a save: which services must be recreated and why (the keys each one reads), "Apply"
 * streaming compose's output, then the containers' states. Saving alone changes no container.
 */
export function ApplyPanel({ host, session }: { host: HostConfig; session: EnvSession }) {
  const apply = useEnvStore((s) => s.apply);
  const dismiss = useEnvStore((s) => s.dismissSaved);
  const logRef = useRef<HTMLPreElement>(null);
  const saved = session.saved;
  const run = session.apply;
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [run?.lines.length]);
  if (saved === null) return null;
  const written = saved.files.filter((f) => f.changed);
  const plan = saved.recreate;
  return (
    <section className="env-apply" aria-label="Apply the saved change" data-testid="apply-panel">
      <header className="env-apply-header">
        <span className="env-apply-icon">
          <Icon name="check" size={14} />
        </span>
        <div className="env-apply-titles">
          <h3 className="env-apply-title">
            Saved {written.map((f) => f.name).join(', ') || 'nothing (the files already had these values)'}
          </h3>
          {written[0]?.backupPath && <span className="env-apply-sub mono">Backup: {written[0].backupPath}</span>}
        </div>
        <button
          type="button"
          className="btn btn-ghost btn-icon"
          aria-label="Dismiss"
          onClick={() => dismiss(host.id)}
          disabled={run?.running === true}
        >
          <Icon name="x" size={14} />
        </button>
      </header>
      {plan.services.length === 0 ? (
        <p className="env-apply-text">No running service reads the changed keys; nothing needs to be recreated.</p>
      ) : (
        <>
          <p className="env-apply-text">
            The containers still run with the old values. Recreate these services, in this order, for the change to reach them:
          </p>
          <ul className="env-apply-reasons" data-testid="recreate-plan">
            {plan.reasons.map((r) => (
              <li key={r.service}>
                <span className="mono env-apply-service">{r.service}</span>
                <span className="env-apply-why">reads {r.keys.join(', ')}</span>
              </li>
            ))}
          </ul>
          <div className="env-apply-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={run?.running === true}
              onClick={() => apply(host.id, plan.services)}
            >
              <Icon name="refresh" size={14} className={run?.running ? 'spin' : undefined} />
              {run?.running
                ? 'Applying…'
                : run?.done
                  ? 'Apply again'
                  : `Apply: recreate ${plan.services.length} ${plan.services.length === 1 ? 'service' : 'services'}`}
            </button>
            {run && run.argv.length > 0 && <code className="env-apply-argv">{run.argv.join(' ')}</code>}
          </div>
        </>
      )}
      <WarningList warnings={saved.warnings} />
      {run && (run.lines.length > 0 || run.running) && (
        <pre className="env-apply-log" ref={logRef} data-testid="apply-log">
          {run.lines.join('\n') || 'Starting…'}
        </pre>
      )}
      {run?.error && (
        <div className="banner banner-bad" role="alert">
          <strong>{describeError(run.error, errorContextOf(host)).what}</strong> {describeError(run.error, errorContextOf(host)).next}
        </div>
      )}
      {run?.done && (
        <div className="env-apply-result" data-testid="apply-result">
          <p className={run.done.ok ? 'env-apply-ok' : 'env-apply-bad'} role="status">
            {run.done.message}
          </p>
          <table className="env-apply-states">
            <tbody>
              {run.done.services.flatMap((svc) =>
                svc.containers.map((c) => (
                  <tr key={c.id} data-testid="applied-container" data-service={svc.service}>
                    <td className="mono">{svc.service}</td>
                    <td>
                      <StateBadge state={c.state} />
                    </td>
                    <td>
                      <HealthText health={c.health} />
                    </td>
                    <td className="cell-faint">{c.status}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
