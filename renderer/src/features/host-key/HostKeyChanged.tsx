import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/errors';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Icon } from '../../components/Icon';
import { useConnectionsStore } from '../../stores/connections-store';
import { Fingerprint } from './Fingerprint';
import { formatTrustedAt, keygenHint, keyTypeLabel, type HostKeyMismatch } from './host-key-text';

/**
 * The hard stop for a changed host key. Nothing connects from here by accident: replacing the
 * key takes two deliberate steps (open the confirmation, tick that the new fingerprint was
 * checked on the server), and the default action is to try again, which fails the same way
 * until the key is replaced.
 */
export function HostKeyChanged({ host, mismatch }: { host: HostConfig; mismatch: HostKeyMismatch }) {
  const replaceKey = useConnectionsStore((s) => s.replaceKey);
  const replacing = useConnectionsStore((s) => s.replacing[host.id] === true);
  const connect = useConnectionsStore((s) => s.connect);
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const trustedAt = formatTrustedAt(mismatch.previousTrustedAt);
  const label = mismatch.algorithm ? keyTypeLabel(mismatch.algorithm) : 'Host';
  const text = describeError({ code: 'SSH_HOST_KEY_MISMATCH', message: '' });

  async function replace() {
    setError(await replaceKey(host.id, mismatch.fingerprint));
  }

  return (
    <section className="alert-panel alert-panel-bad" aria-labelledby="host-key-changed-title" data-testid="host-key-changed">
      <div className="alert-panel-head">
        <span className="alert-panel-icon">
          <Icon name="shieldAlert" size={18} />
        </span>
        <div>
          <h2 id="host-key-changed-title" className="alert-panel-title">
            The host key of {host.name} has changed
          </h2>
          <p className="alert-panel-text">{text.what}</p>
        </div>
      </div>
      <div className="key-compare">
        <Fingerprint label={`Trusted ${label} key`} value={mismatch.previousFingerprint} tone="old" testId="previous-fingerprint" />
        <div className="key-compare-meta">
          {trustedAt ? <>Trusted on {trustedAt}</> : 'Trusted earlier'}
          {mismatch.previousSource ? <> · recorded in {mismatch.previousSource}</> : null}
        </div>
        <Fingerprint label={`${label} key presented now`} value={mismatch.fingerprint} tone="new" testId="presented-fingerprint" />
      </div>
      <p className="alert-panel-text">{text.next}</p>
      {mismatch.algorithm && (
        <div className="hint-box">
          <span className="hint-box-label">On the server, run</span>
          <code className="hint-box-command">{keygenHint(mismatch.algorithm)}</code>
        </div>
      )}
      {confirming ? (
        <div className="confirm-box">
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            <span>
              I checked on the server that its key is <code>{mismatch.fingerprint}</code>
            </span>
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="alert-panel-actions">
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              Keep the old key
            </button>
            <button type="button" className="btn btn-danger-solid" disabled={!checked || replacing} onClick={() => void replace()}>
              {replacing ? 'Replacing…' : 'Replace key and connect'}
            </button>
          </div>
        </div>
      ) : (
        <div className="alert-panel-actions">
          <button type="button" className="btn" onClick={() => void connect(host.id)}>
            Try again
          </button>
          <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
            Replace key…
          </button>
        </div>
      )}
    </section>
  );
}
