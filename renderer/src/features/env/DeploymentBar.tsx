import type { HostConfig } from '../../../../shared/schemas/host';
import { Icon } from '../../components/Icon';
import { useEnvStore, type EnvSession } from '../../stores/env-store';

const layoutNames = { community: 'Community (setup.sh)', split: 'Split (Traefik)', dokploy: 'Dokploy' } as const;

/**
 * The deployment picker and what Hangar knows about the chosen one: layout, Plane version and
 * the files it edits. Fixed height whatever is loaded, so the form below never moves.
 */
export function DeploymentBar({ host, session }: { host: HostConfig; session: EnvSession }) {
  const select = useEnvStore((s) => s.select);
  const listDeployments = useEnvStore((s) => s.listDeployments);
  const reload = useEnvStore((s) => s.reload);
  const deployment = session.data?.deployment ?? session.deployments?.find((d) => d.project === session.project);
  const busy = session.listing || session.loading;
  return (
    <div className="env-deployment">
      <label className="env-picker">
        <span className="visually-hidden">Deployment</span>
        <Icon name="layers" size={14} />
        <select
          aria-label="Deployment"
          value={session.project ?? ''}
          disabled={session.deployments === null || session.deployments.length === 0}
          onChange={(e) => void select(host.id, e.target.value)}
        >
          {session.deployments === null && <option value="">Looking for Plane…</option>}
          {session.deployments?.map((d) => (
            <option key={d.project} value={d.project}>
              {d.project}
            </option>
          ))}
        </select>
      </label>
      <span className="env-meta" data-testid="deployment-meta">
        {deployment ? (
          <>
            <span>{layoutNames[deployment.layout]}</span>
            <span className="summary-sep">·</span>
            <span title={deployment.versionSource === 'image' ? 'From the api image tag' : 'From APP_RELEASE'}>
              {deployment.version ?? 'version unknown'}
            </span>
            <span className="summary-sep">·</span>
            <span className="mono env-meta-files" title={deployment.envFiles.map((f) => f.path).join('\n')}>
              {deployment.envFiles.map((f) => f.name).join(', ') || 'no env file'}
            </span>
          </>
        ) : (
          <span className="cell-faint"> </span>
        )}
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label="Reload from the server"
        title="Reload from the server (keeps your unsaved edits)"
        disabled={busy}
        onClick={() => void (session.project === null ? listDeployments(host.id) : reload(host.id))}
      >
        <Icon name="refresh" size={14} className={busy ? 'spin' : undefined} />
      </button>
    </div>
  );
}
