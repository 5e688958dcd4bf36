import { useCallback, useEffect, useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { EmptyState } from '../../components/EmptyState';
import { useConnectionsStore } from '../../stores/connections-store';
import { checksOf, selectServiceStatuses, useProbesStore } from '../../stores/probes-store';
import { currentDeployment, statusOf, useStatusStore } from '../../stores/status-store';
import { errorContextOf } from '../hosts/host-label';
import { ArchitectureDiagram } from './ArchitectureDiagram';
import { ArchitectureToolbar } from './ArchitectureToolbar';
import { EdgeLegend } from './EdgeLegend';
import { NodePanel } from './NodePanel';
import { useOverview } from './use-overview';

const NO_STATUSES = {};

/**
 * The Overview (mission item 1): the deployment's architecture, live. Boxes are coloured by their
 * containers' state and health from `status.watch` (Docker events, no polling); lines by the last
 * checks for this deployment. Only Plane deployments are drawn, one at a time.
 */
export function ArchitectureView({ host }: { host: HostConfig }) {
  const status = useStatusStore((s) => statusOf(s, host.id));
  const watch = useStatusStore((s) => s.watch);
  const listDeployments = useStatusStore((s) => s.listDeployments);
  const selectProject = useStatusStore((s) => s.selectProject);
  const checks = useProbesStore((s) => checksOf(s, host.id));
  const probeStatuses = useProbesStore(selectServiceStatuses(host.id));
  const [selected, setSelected] = useState<string | null>(null);
  // Ask Docker only over an established session: a call made while connecting would start a
  // connection of its own next to the one waiting for the user (host key, passphrase). Through a
  // reconnect the stream stays open and says "stale" itself.
  const connection = useConnectionsStore((s) => s.byHost[host.id]?.state);
  const ready = connection === 'connected' || connection === 'reconnecting';
  const needsList = ready && status.deployments === null && !status.listing && status.listError === null;

  useEffect(() => (ready ? watch(host.id) : undefined), [host.id, ready, watch]);
  useEffect(() => {
    if (needsList) void listDeployments(host.id);
  }, [host.id, needsList, listDeployments]);

  const deployment = currentDeployment(status);
  // A report made for another deployment of this host says nothing about this one's routes.
  const checksApply = checks.source === null || checks.source.project === null || checks.source.project === deployment?.project;
  const overview = useOverview(deployment, status.groups, checksApply ? probeStatuses : NO_STATUSES, selected);
  const onSelect = useCallback((id: string | null) => setSelected((current) => (id === null || current === id ? null : id)), []);
  const runChecks = useCallback(async () => {
    if (deployment === undefined) return;
    if (checksOf(useProbesStore.getState(), host.id).source?.project !== deployment.project) {
      await useProbesStore.getState().prefill(host.id, deployment.project);
    }
    await useProbesStore.getState().run(host.id);
  }, [host.id, deployment]);

  const selectedNode = overview?.topology.nodes.find((n) => n.id === selected);
  const selectedState = selectedNode === undefined ? undefined : overview?.states.get(selectedNode.id);

  if (status.listError !== null && status.deployments === null) {
    const text = describeError(status.listError, errorContextOf(host));
    return (
      <div className="arch" data-testid="architecture-view">
        <div className="banner banner-bad" role="alert" data-testid="arch-error">
          <strong>{text.what}</strong> {text.next}{' '}
          <button type="button" className="arch-link-button" onClick={() => void listDeployments(host.id)}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (status.deployments === null || deployment === undefined) {
    return (
      <div className="arch" data-testid="architecture-view">
        {status.deployments === null ? (
          <p className="arch-loading cell-faint">Looking for Plane deployments on {host.name}…</p>
        ) : (
          <EmptyState
            icon="layers"
            title={`No Plane deployment on ${host.name}`}
            action={
              <button type="button" className="btn" onClick={() => void listDeployments(host.id)} disabled={status.listing}>
                Look again
              </button>
            }
          >
            The Overview draws a Plane deployment found among this host’s compose projects; other containers are not drawn. Install Plane
            with its <code>setup.sh</code> (or start the lab with <code>npm run lab:up</code>), then look again.
          </EmptyState>
        )}
      </div>
    );
  }

  return (
    <div className="arch" data-testid="architecture-view">
      <ArchitectureToolbar
        deployments={status.deployments}
        deployment={deployment}
        onSelect={(project) => {
          setSelected(null);
          selectProject(host.id, project);
        }}
        summary={overview?.summary ?? null}
        checks={checks}
        checksApply={checksApply}
        onRunChecks={() => void runChecks()}
      />
      <div className="arch-body">
        {status.groups === null || overview === null ? (
          <div className="arch-canvas arch-canvas-empty">
            {status.error === null ? (
              <p className="cell-faint">Reading container states…</p>
            ) : (
              <p className="banner banner-bad" role="alert" data-testid="arch-error">
                <strong>{describeError(status.error, errorContextOf(host)).what}</strong>{' '}
                {describeError(status.error, errorContextOf(host)).next}
              </p>
            )}
          </div>
        ) : (
          <ArchitectureDiagram nodes={overview.nodes} edges={overview.edges} selected={selected} onSelect={onSelect}>
            {/* While the SSH session reconnects, the pane's own banner already says so: one message, not two. */}
            {connection !== 'reconnecting' && (status.stale !== null || status.error !== null) && (
              <div className="banner banner-warn arch-stale" role="status" data-testid="arch-stale">
                {status.stale ?? `Live status stopped: ${status.error?.message ?? ''} Reconnecting…`}
              </div>
            )}
            <EdgeLegend />
          </ArchitectureDiagram>
        )}
        {overview !== null && selectedNode !== undefined && selectedState !== undefined && (
          <NodePanel
            hostId={host.id}
            project={deployment.project}
            node={selectedNode}
            state={selectedState}
            topology={overview.topology}
            tones={overview.tones}
            fetchedAt={status.at}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </div>
  );
}
