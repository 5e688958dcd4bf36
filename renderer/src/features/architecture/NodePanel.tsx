import type { EdgeTone } from '../../../../shared/plane/topology/edge-status';
import type { NodeState } from '../../../../shared/plane/topology/node-status';
import type { Topology, TopologyNode } from '../../../../shared/plane/topology/topology-types';
import { Icon } from '../../components/Icon';
import { useNow } from '../../components/use-now';
import { useNavigationStore } from '../../stores/navigation-store';
import { formatUptime } from '../containers/format';
import { HealthText, StateBadge } from '../containers/StateBadge';
import { statusTones, statusWords } from './diagram-model';

const toneWords: Record<EdgeTone, string> = { pass: 'checks passed', warn: 'checks warn', fail: 'checks failed', neutral: 'not checked' };
const toneClass: Record<EdgeTone, string> = { pass: 'ok', warn: 'warn', fail: 'bad', neutral: 'idle' };

/**
 * The side panel of one node: what it is, its containers (state, health, uptime, image), what it
 * talks to with the checks' verdict per hop, and the two ways on: its logs or its containers.
 */
export function NodePanel({
  hostId,
  project,
  node,
  state,
  topology,
  tones,
  fetchedAt,
  onClose,
}: {
  hostId: string;
  /** The deployment shown, so "Logs" opens this deployment's containers of the role, not another's. */
  project: string;
  node: TopologyNode;
  state: NodeState;
  topology: Topology;
  tones: Readonly<Record<string, EdgeTone>>;
  fetchedAt: string | null;
  onClose: () => void;
}) {
  const now = useNow(10_000);
  const labelOf = (id: string) => topology.nodes.find((n) => n.id === id)?.label ?? id;
  const links = topology.edges.filter((e) => e.source === node.id || e.target === node.id);
  const target = node.roles[0] ?? node.services[0];
  const firstService = node.services[0];

  return (
    <aside className="arch-panel" data-testid="arch-panel" aria-label={`${node.label} details`}>
      <header className="arch-panel-head">
        <span className={`dot dot-${statusTones[state.status]}`} />
        <h2 className="arch-panel-title">{node.label}</h2>
        <span className={`arch-panel-status arch-state-${statusTones[state.status]}`} data-testid="arch-panel-status">
          {statusWords[state.status]}
        </span>
        <button type="button" className="btn btn-ghost btn-icon arch-panel-close" aria-label="Close details" onClick={onClose}>
          <Icon name="x" size={14} />
        </button>
      </header>
      <p className="arch-panel-text">{node.description}</p>
      {node.services.length > 0 && (
        <p className="arch-panel-services">
          <span className="arch-panel-key">Service{node.services.length > 1 ? 's' : ''}</span>
          <span className="mono">{node.services.join(', ')}</span>
        </p>
      )}

      <h3 className="arch-panel-section">Containers</h3>
      {state.containers.length === 0 ? (
        <p className="arch-panel-text arch-panel-faint" data-testid="arch-panel-no-containers">
          {state.status === 'external'
            ? node.kind === 'client'
              ? 'Browsers reach Plane from the Internet; the checks on the Checks tab see it the way they do.'
              : 'Runs outside this compose project (Dokploy’s Traefik); its own logs are on that host.'
            : node.services.length === 0
              ? 'No service of this deployment plays this role.'
              : `No container of ${node.services.join(', ')} exists. Start it with docker compose up -d.`}
        </p>
      ) : (
        <ul className="arch-containers">
          {state.containers.map((c) => (
            <li key={c.id} className="arch-container" data-testid="arch-container">
              <div className="arch-container-row">
                <span className="mono arch-container-name" title={c.name}>
                  {c.name}
                </span>
                <StateBadge state={c.state} />
              </div>
              <div className="arch-container-row arch-container-meta">
                <HealthText health={c.health} />
                <span>{formatUptime(c, now, fetchedAt) ?? c.status}</span>
              </div>
              <div className="mono arch-container-image" title={c.image}>
                {c.image}
              </div>
            </li>
          ))}
        </ul>
      )}

      {links.length > 0 && (
        <>
          <h3 className="arch-panel-section">Connections</h3>
          <ul className="arch-links">
            {links.map((e) => {
              const tone = tones[e.id] ?? 'neutral';
              return (
                <li key={e.id} className="arch-link" data-testid="arch-link" data-edge={e.id} data-tone={tone}>
                  <span className="arch-link-dir">{e.source === node.id ? `→ ${labelOf(e.target)}` : `← ${labelOf(e.source)}`}</span>
                  <span className="arch-link-what">{e.label}</span>
                  <span className={`arch-link-tone arch-state-${toneClass[tone]}`}>
                    {e.probes.length > 0 ? toneWords[tone] : 'internal'}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}

      <div className="arch-panel-actions">
        <button
          type="button"
          className="btn"
          disabled={target === undefined || node.external}
          onClick={() => target !== undefined && useNavigationStore.getState().openServiceLogs(hostId, target, { project })}
        >
          <Icon name="terminal" size={14} />
          Logs
        </button>
        <button
          type="button"
          className="btn"
          disabled={firstService === undefined}
          onClick={() => firstService !== undefined && useNavigationStore.getState().openContainersOf(hostId, firstService)}
        >
          <Icon name="box" size={14} />
          Containers
        </button>
      </div>
    </aside>
  );
}
