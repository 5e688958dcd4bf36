import type { ConnectionState } from '../../../../shared/schemas/connection';
import { useNow } from '../../components/use-now';
import { statusLine } from './status-text';

/** Dot + words for one host's connection; ticks each second only while a countdown runs. */
export function ConnectionStatus({ state, compact = false }: { state: ConnectionState | undefined; compact?: boolean }) {
  const now = useNow(1000, state?.state === 'reconnecting');
  const { text, tone } = statusLine(state, now);
  return (
    <span className={`conn conn-${tone}${compact ? ' conn-compact' : ''}`} data-state={state?.state ?? 'idle'}>
      <span className={`dot dot-${tone}${state?.state === 'connecting' || state?.state === 'reconnecting' ? ' dot-pulse' : ''}`} />
      <span className="conn-text">{text}</span>
    </span>
  );
}
