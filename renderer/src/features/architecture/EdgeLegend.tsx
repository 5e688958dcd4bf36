/**
 * What the line colours mean. Only the checks colour lines; a grey line was not checked, which
 * is not the same as passing.
 */
export function EdgeLegend() {
  return (
    <div className="arch-legend" data-testid="arch-legend" aria-label="Line colours">
      <span className="arch-legend-title">Checks</span>
      <span className="arch-legend-item">
        <span className="arch-legend-line arch-legend-pass" />
        passed
      </span>
      <span className="arch-legend-item">
        <span className="arch-legend-line arch-legend-warn" />
        warning
      </span>
      <span className="arch-legend-item">
        <span className="arch-legend-line arch-legend-fail" />
        failed
      </span>
      <span className="arch-legend-item">
        <span className="arch-legend-line arch-legend-neutral" />
        not checked
      </span>
    </div>
  );
}
