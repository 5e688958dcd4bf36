import type { ContainerHealth } from '../../../../shared/schemas/container';

type Tone = 'ok' | 'warn' | 'bad' | 'idle';

const stateTone: Record<string, Tone> = {
  running: 'ok',
  restarting: 'warn',
  paused: 'warn',
  created: 'idle',
  removing: 'warn',
  exited: 'idle',
  dead: 'bad',
};

/** Docker's state word, coloured by what it means for the service; unknown states show as is. */
export function StateBadge({ state }: { state: string }) {
  const tone = stateTone[state] ?? 'idle';
  return (
    <span className={`badge badge-${tone}`} data-testid="container-state">
      <span className={`dot dot-${tone}`} />
      {state}
    </span>
  );
}

const healthText: Record<ContainerHealth, { text: string; tone: Tone }> = {
  healthy: { text: 'Healthy', tone: 'ok' },
  unhealthy: { text: 'Unhealthy', tone: 'bad' },
  starting: { text: 'Starting', tone: 'warn' },
  none: { text: '—', tone: 'idle' },
};

/** Health check result; containers without a healthcheck show a quiet dash, not a status. */
export function HealthText({ health }: { health: ContainerHealth }) {
  const { text, tone } = healthText[health];
  return (
    <span
      className={`health health-${tone}`}
      data-testid="container-health"
      title={health === 'none' ? 'No healthcheck defined' : undefined}
    >
      {text}
    </span>
  );
}
