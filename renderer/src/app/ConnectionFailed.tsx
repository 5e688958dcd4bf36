import type { AppErrorData } from '../../../shared/ipc/errors';
import type { HostConfig } from '../../../shared/schemas/host';
import { describeError } from '../bridge/error-text';
import { Icon } from '../components/Icon';
import { errorContextOf } from '../features/hosts/host-label';
import { useConnectionsStore } from '../stores/connections-store';

/**
 * Why the last attempt failed, in one sentence, and what to do next. Main's own message is kept
 * under "Details" for the cases where the user needs the exact wording (to search it, or report it).
 */
export function ConnectionFailed({ host, error }: { host: HostConfig; error: AppErrorData | undefined }) {
  const connect = useConnectionsStore((s) => s.connect);
  const text = error === undefined ? { what: 'The connection failed.', next: 'Try again.' } : describeError(error, errorContextOf(host));
  return (
    <section className="alert-panel alert-panel-bad" data-testid="connection-failed" data-code={error?.code ?? ''}>
      <div className="alert-panel-head">
        <span className="alert-panel-icon">
          <Icon name="alert" size={18} />
        </span>
        <div>
          <h2 className="alert-panel-title">Could not connect to {host.name}</h2>
          <p className="alert-panel-text" data-testid="error-what">
            {text.what}
          </p>
          <p className="alert-panel-text alert-panel-next" data-testid="error-next">
            {text.next}
          </p>
        </div>
      </div>
      {error && error.message.trim() !== '' && error.message.trim() !== text.what && (
        <details className="details">
          <summary>Details</summary>
          <code className="details-body">
            {error.code}: {error.message}
          </code>
        </details>
      )}
      <div className="alert-panel-actions">
        <button type="button" className="btn btn-primary" onClick={() => void connect(host.id)}>
          <Icon name="refresh" size={14} />
          Try again
        </button>
      </div>
    </section>
  );
}
