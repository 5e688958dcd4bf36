import type { Deployment } from '../../../../shared/schemas/deployment';
import { Icon } from '../../components/Icon';
import { useUiStore } from '../../stores/ui-store';
import type { HostChecks } from '../../stores/probes-store';

const layoutNames = { community: 'Community', split: 'Split domains (Traefik)', dokploy: 'Dokploy' } as const;

/**
 * The Overview's one line: which deployment (a picker when the host runs several), what the
 * diagram adds up to, and "Run checks", which fills the edges in. Fixed height whatever is
 * loaded, so the canvas below never moves.
 */
export function ArchitectureToolbar({
  deployments,
  deployment,
  onSelect,
  summary,
  checks,
  checksApply,
  onRunChecks,
}: {
  deployments: Deployment[];
  deployment: Deployment;
  onSelect: (project: string) => void;
  summary: { parts: number; up: number; warn: number; failing: number } | null;
  checks: HostChecks;
  checksApply: boolean;
  onRunChecks: () => void;
}) {
  const report = checksApply ? checks.report : null;
  const needsInputs = Object.keys(checks.formErrors).length > 0;
  return (
    <div className="arch-toolbar" data-testid="arch-toolbar">
      {deployments.length > 1 ? (
        <label className="arch-picker">
          <Icon name="layers" size={14} />
          <select aria-label="Deployment" value={deployment.project} onChange={(e) => onSelect(e.target.value)}>
            {deployments.map((d) => (
              <option key={d.project} value={d.project}>
                {d.project}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="arch-project" data-testid="arch-project">
          <Icon name="layers" size={14} />
          {deployment.project}
        </span>
      )}
      <span className="arch-meta">
        {layoutNames[deployment.layout]}
        {deployment.version !== undefined && (
          <>
            <span className="summary-sep">·</span>
            {deployment.version}
          </>
        )}
      </span>
      <span className="arch-summary" data-testid="arch-summary" aria-live="polite">
        {summary === null ? (
          <span className="cell-faint">Reading container states…</span>
        ) : (
          <>
            <span className="summary-strong">{summary.up}</span>/{summary.parts} up
            {summary.warn > 0 && (
              <>
                <span className="summary-sep">·</span>
                <span className="summary-warn">{summary.warn} starting or degraded</span>
              </>
            )}
            {summary.failing > 0 && (
              <>
                <span className="summary-sep">·</span>
                <span className="summary-bad">{summary.failing} need attention</span>
              </>
            )}
          </>
        )}
      </span>
      <span className="arch-checks-note" data-testid="arch-checks-note">
        {checks.running ? (
          'Checking from this computer…'
        ) : needsInputs ? (
          <button type="button" className="arch-link-button" onClick={() => useUiStore.getState().setHostView('checks')}>
            The checks need a web URL: open Checks
          </button>
        ) : checks.runError !== null ? (
          <span className="summary-bad">Checks could not run: {checks.runError.message}</span>
        ) : report !== null ? (
          `Checked ${new Date(report.startedAt).toLocaleTimeString()} · ${report.summary.fail} failed, ${report.summary.warn} warnings`
        ) : (
          'Run the checks to colour the routes'
        )}
      </span>
      <button type="button" className="btn" onClick={onRunChecks} disabled={checks.running || checks.prefilling}>
        <Icon name="shield" size={14} />
        Run checks
      </button>
    </div>
  );
}
