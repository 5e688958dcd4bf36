import type { ChangeWarning } from '../../../../shared/schemas/env-edit';

/**
 * What a save alone does not do: values only read when a volume is first initialised (Postgres,
 * RabbitMQ, MinIO credentials), a changed SECRET_KEY, Dokploy regenerating files — with the steps.
 */
export function WarningList({ warnings }: { warnings: ChangeWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="env-warnings" data-testid="change-warnings">
      {warnings.map((w) => (
        <div key={w.id} className={`banner ${w.severity === 'error' ? 'banner-bad' : 'banner-warn'}`} role="note">
          <strong>{w.message}</strong>
          {w.steps.length > 0 && (
            <ol className="env-warning-steps">
              {w.steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </div>
  );
}
