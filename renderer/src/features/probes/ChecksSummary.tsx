import type { ProbeReport } from '../../../../shared/schemas/probe';
import { Icon } from '../../components/Icon';
import { formatDuration } from './report-view';

/**
 * One line over the results: counts per status and how long the run took. While a run is in
 * flight the line says so but keeps its height, and the old results stay underneath.
 */
export function ChecksSummary({ report, running }: { report: ProbeReport | null; running: boolean }) {
  return (
    <div className="checks-summary" aria-live="polite" data-testid="checks-summary">
      {running && (
        <span className="checks-running">
          <Icon name="refresh" size={13} className="spin" />
          Checking the deployment…
        </span>
      )}
      {!running && report === null && <span className="cell-faint">No checks run yet.</span>}
      {!running && report !== null && (
        <>
          <span className="summary-ok">
            <span className="summary-strong">{report.summary.pass}</span> passed
          </span>
          <span className="summary-sep">·</span>
          <span className={report.summary.warn > 0 ? 'summary-warn' : undefined}>
            <span className="summary-strong">{report.summary.warn}</span> {report.summary.warn === 1 ? 'warning' : 'warnings'}
          </span>
          <span className="summary-sep">·</span>
          <span className={report.summary.fail > 0 ? 'summary-bad' : undefined}>
            <span className="summary-strong">{report.summary.fail}</span> failed
          </span>
          {report.summary.skip > 0 && (
            <>
              <span className="summary-sep">·</span>
              <span className="cell-faint">{report.summary.skip} not judged</span>
            </>
          )}
          <span className="summary-sep">·</span>
          <span className="cell-faint">
            {formatDuration(report.durationMs)} ·{' '}
            {new Date(report.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
          </span>
          <span className="checks-target mono" title="What was checked">
            {report.target.webUrl}
          </span>
        </>
      )}
    </div>
  );
}
