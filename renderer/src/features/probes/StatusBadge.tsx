import type { ProbeStatus } from '../../../../shared/schemas/probe';
import { statusLabels } from './report-view';

const tones: Record<ProbeStatus, 'ok' | 'warn' | 'bad' | 'idle'> = { pass: 'ok', warn: 'warn', fail: 'bad', skip: 'idle' };

/** Dot + word; the word carries the meaning (colour alone never does). */
export function StatusBadge({ status }: { status: ProbeStatus }) {
  return (
    <span className={`probe-status probe-status-${tones[status]}`} data-testid="finding-status" data-status={status}>
      <span className={`dot dot-${tones[status]}`} />
      {statusLabels[status]}
    </span>
  );
}
