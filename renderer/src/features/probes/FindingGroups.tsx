import { useState } from 'react';
import type { ProbeReport } from '../../../../shared/schemas/probe';
import { FindingRow } from './FindingRow';
import { groupFindings, groupLabels } from './report-view';
import { StatusBadge } from './StatusBadge';

/**
 * The findings by section (reachability → content), problems first in each. Which rows are open
 * is kept across re-runs by finding id, so fixing something and re-checking keeps the evidence
 * the user was reading in view.
 */
export function FindingGroups({ hostId, report }: { hostId: string; report: ProbeReport }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="probe-finding-groups">
      {groupFindings(report).map((view) => (
        <section
          key={view.group}
          className="group probe-finding-group"
          aria-label={groupLabels[view.group]}
          data-testid="finding-group"
          data-group={view.group}
        >
          <header className="group-header">
            <h3 className="group-title">{groupLabels[view.group]}</h3>
            <span className="group-count">
              {view.findings.length} {view.findings.length === 1 ? 'check' : 'checks'}
            </span>
            <span className="probe-finding-group-status">
              <StatusBadge status={view.worst} />
            </span>
          </header>
          <ul className="probe-finding-list">
            {view.findings.map((finding) => (
              <FindingRow
                key={finding.id}
                hostId={hostId}
                finding={finding}
                open={open.has(finding.id)}
                onToggle={() => toggle(finding.id)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
