import { useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Dialog } from '../../components/Dialog';
import { Kbd } from '../../components/Kbd';
import { useEnvStore, type EnvSession } from '../../stores/env-store';
import { errorContextOf } from '../hosts/host-label';
import { DiffLines, KeyChanges } from './DiffLines';
import { WarningList } from './WarningList';

/**
 * The save confirmation: exactly the lines that change in each file (secrets masked), the keys
 * whose values change, findings fixed or introduced, the services to recreate afterwards and
 * anything that needs more than a save. Nothing is written until "Save".
 */
export function ReviewDialog({ host, session }: { host: HostConfig; session: EnvSession }) {
  const close = useEnvStore((s) => s.closeReview);
  const save = useEnvStore((s) => s.save);
  const [ack, setAck] = useState(false);
  const review = session.review;
  if (review === null) return null;
  const preview = review.preview;
  const dokploy = session.data?.deployment.dokployManaged === true;
  const changed = preview?.files.filter((f) => f.changed) ?? [];
  const blocked = preview === null || changed.length === 0 || (dokploy && !ack) || review.saving;
  return (
    <Dialog
      title="Review changes"
      subtitle={
        session.project ? (
          <>
            Deployment <code>{session.project}</code> on {host.name}
          </>
        ) : undefined
      }
      icon="check"
      width={760}
      onClose={() => close(host.id)}
      footer={
        <>
          <span className="dialog-footer-hint">
            A backup of each file is kept next to it. <Kbd keys={['Esc']} /> to go back
          </span>
          <button type="button" className="btn" onClick={() => close(host.id)}>
            Back to editing
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-autofocus
            disabled={blocked}
            onClick={() => void save(host.id, dokploy ? ack : undefined)}
          >
            {review.saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <div className="env-review" data-testid="review-dialog">
        {review.loading && <p className="dialog-text">Computing the diff on the server…</p>}
        {review.error && (
          <div className="banner banner-bad" role="alert">
            <strong>{describeError(review.error, errorContextOf(host)).what}</strong>{' '}
            {describeError(review.error, errorContextOf(host)).next}
          </div>
        )}
        {preview && changed.length === 0 && <p className="dialog-text">These edits leave the files as they are: nothing to save.</p>}
        {changed.map((file) => (
          <section key={file.name} className="env-review-file">
            <h4 className="env-review-heading mono" title={file.path}>
              {file.path}
            </h4>
            <DiffLines hunks={file.hunks} label={`Changes to ${file.name}`} />
          </section>
        ))}
        {preview && <KeyChanges changes={preview.changedKeys} />}
        {preview && (preview.fixed.length > 0 || preview.introduced.length > 0) && (
          <ul className="env-review-findings">
            {preview.fixed.map((f, i) => (
              <li key={`f${i}`} className="env-review-fixed">
                Fixes <span className="mono">{f.ruleId}</span>: {f.message}
              </li>
            ))}
            {preview.introduced.map((f, i) => (
              <li key={`i${i}`} className={`env-review-introduced env-sev-text-${f.severity}`}>
                Introduces <span className="mono">{f.ruleId}</span>: {f.message}
              </li>
            ))}
          </ul>
        )}
        {preview && preview.recreate.services.length > 0 && (
          <p className="dialog-text">
            After saving, apply to recreate <strong>{preview.recreate.services.join(', ')}</strong> so their containers get the new values.
          </p>
        )}
        {preview && <WarningList warnings={preview.warnings} />}
        {dokploy && (
          <label className="check">
            <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <span>
              I understand Dokploy overwrites this file on its next deploy; this change is temporary until I make it in Dokploy too.
            </span>
          </label>
        )}
      </div>
    </Dialog>
  );
}
