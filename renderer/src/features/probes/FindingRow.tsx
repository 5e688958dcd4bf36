import { useId } from 'react';
import type { ProbeFinding } from '../../../../shared/schemas/probe';
import { Icon } from '../../components/Icon';
import { FindingDetails } from './FindingDetails';
import { formatDuration } from './report-view';
import { StatusBadge } from './StatusBadge';

/** One check: status, title and stable id; opens in place to its explanation, fix and evidence. */
export function FindingRow({
  hostId,
  finding,
  open,
  onToggle,
}: {
  hostId: string;
  finding: ProbeFinding;
  open: boolean;
  onToggle(): void;
}) {
  const detailsId = useId();
  return (
    <li
      className={`probe-finding probe-finding-${finding.status}${open ? ' probe-finding-open' : ''}`}
      data-testid="finding"
      data-finding-id={finding.id}
      data-status={finding.status}
    >
      <button type="button" className="probe-finding-head" aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
        <Icon name="chevronDown" size={14} className="probe-finding-chevron" />
        <StatusBadge status={finding.status} />
        <span className="probe-finding-title" data-testid="finding-title">
          {finding.title}
        </span>
        <span className="probe-finding-id mono">
          {finding.diagnostic ? `${finding.diagnostic} · ` : ''}
          {finding.id}
        </span>
        <span className="probe-finding-time">{formatDuration(finding.durationMs)}</span>
      </button>
      {open && <FindingDetails id={detailsId} hostId={hostId} finding={finding} />}
    </li>
  );
}
