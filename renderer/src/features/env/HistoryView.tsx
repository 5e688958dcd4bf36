import { useEffect, useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useEnvStore, type EnvSession } from '../../stores/env-store';
import { errorContextOf } from '../hosts/host-label';
import { DiffLines, KeyChanges } from './DiffLines';

const when = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';

/**
 * The backups Hangar kept next to each env file (newest first, last 20): pick any two versions
 * (or the current file) to diff, or restore one — itself a safe save, so the current text is
 * backed up first and a concurrent change is refused.
 */
export function HistoryView({ host, session }: { host: HostConfig; session: EnvSession }) {
  const load = useEnvStore((s) => s.loadHistory);
  const diff = useEnvStore((s) => s.diffVersions);
  const restore = useEnvStore((s) => s.restore);
  const history = session.history;
  const [pick, setPick] = useState<{ file: string; a: string; b: string } | null>(null);
  const [confirm, setConfirm] = useState<{ file: string; backup: string } | null>(null);

  useEffect(() => {
    if (history.files === null && !history.loading) void load(host.id);
  }, [history.files, history.loading, load, host.id]);
  useEffect(() => {
    const first = history.files?.find((f) => f.backups.length > 0);
    const newest = first?.backups[0];
    if (pick === null && first && newest) setPick({ file: first.name, a: newest.name, b: 'current' });
  }, [history.files, pick]);
  useEffect(() => {
    if (pick !== null && pick.a !== pick.b) void diff(host.id, pick.file, pick.a, pick.b);
  }, [pick, diff, host.id]);

  const choose = (file: string, side: 'a' | 'b', version: string) =>
    setPick((p) =>
      p === null || p.file !== file
        ? { file, a: side === 'a' ? version : 'current', b: side === 'b' ? version : 'current' }
        : { ...p, [side]: version },
    );
  const shown =
    history.diff !== null && pick !== null && history.diff.file === pick.file && history.diff.a === pick.a && history.diff.b === pick.b
      ? history.diff
      : null;

  if (history.files === null) return <p className="cell-faint env-loading">{history.error ? '' : 'Loading backups…'}</p>;
  const total = history.files.reduce((n, f) => n + f.backups.length, 0);
  return (
    <div className="env-history" data-testid="history-view">
      {history.error && (
        <div className="banner banner-bad" role="alert">
          <strong>{describeError(history.error, errorContextOf(host)).what}</strong>{' '}
          {describeError(history.error, errorContextOf(host)).next}
        </div>
      )}
      {total === 0 && (
        <EmptyState icon="layers" title="No backups yet">
          Every save and restore keeps the previous version next to the file as <code>&lt;file&gt;.hangar-backup-&lt;time&gt;</code>.
        </EmptyState>
      )}
      {history.files
        .filter((f) => f.backups.length > 0)
        .map((f) => (
          <section key={f.name} className="env-group" aria-label={`Backups of ${f.name}`}>
            <header className="env-group-header">
              <h3 className="env-group-title mono">{f.name}</h3>
              <span className="env-group-count">{f.backups.length} backups · pick A and B to compare</span>
            </header>
            <table className="env-history-table">
              <thead>
                <tr>
                  <th scope="col" className="env-history-pick">
                    A
                  </th>
                  <th scope="col" className="env-history-pick">
                    B
                  </th>
                  <th scope="col">Version</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {[{ name: 'current', createdAt: '', size: -1, mode: 0 }, ...f.backups].map((b) => (
                  <tr key={b.name} data-testid="backup-row" data-backup={b.name}>
                    {(['a', 'b'] as const).map((side) => (
                      <td key={side} className="env-history-pick">
                        <input
                          type="radio"
                          name={`${f.name}-${side}`}
                          aria-label={`Compare ${b.name === 'current' ? 'the current file' : b.name} as ${side.toUpperCase()}`}
                          checked={pick?.file === f.name && pick[side] === b.name}
                          onChange={() => choose(f.name, side, b.name)}
                        />
                      </td>
                    ))}
                    <td>
                      {b.name === 'current' ? (
                        <span className="cell-primary">Current file</span>
                      ) : (
                        <div className="cell-name">
                          <span className="cell-primary">{when(b.createdAt)}</span>
                          <span className="cell-secondary mono">{b.name}</span>
                        </div>
                      )}
                    </td>
                    <td className="num cell-faint">{b.size >= 0 ? `${b.size} B` : ''}</td>
                    <td className="num">
                      {b.name !== 'current' && (
                        <button type="button" className="btn" onClick={() => setConfirm({ file: f.name, backup: b.name })}>
                          Restore…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      {pick !== null && (
        <section className="env-group env-history-diff" aria-label="Comparison">
          <header className="env-group-header">
            <h3 className="env-group-title">
              {pick.a === 'current' ? 'Current' : 'A'} → {pick.b === 'current' ? 'Current' : 'B'}
            </h3>
            <span className="env-group-count">
              {history.diffLoading ? 'Comparing…' : pick.a === pick.b ? 'Pick two different versions.' : ''}
            </span>
          </header>
          <div className="env-history-diff-body">
            {shown && <KeyChanges changes={shown.changedKeys} />}
            {shown && <DiffLines hunks={shown.hunks} label="Differences between the two versions" />}
          </div>
        </section>
      )}
      {confirm && (
        <Dialog
          title="Restore this backup?"
          subtitle={<code>{confirm.backup}</code>}
          icon="refresh"
          tone="warning"
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-autofocus
                onClick={() => {
                  const c = confirm;
                  setConfirm(null);
                  setPick(null);
                  void restore(host.id, c.file, c.backup);
                }}
              >
                Restore
              </button>
            </>
          }
        >
          <p className="dialog-text">
            <code>{confirm.file}</code> gets this backup’s text back. Like any save, the current text is backed up first, and if the file
            changed on the server since you loaded it, nothing is written. Afterwards, apply to recreate the services that read the changed
            keys.
          </p>
          {session.data?.deployment.dokployManaged && (
            <p className="dialog-text">Dokploy regenerates this file on its next deploy: restore it in Dokploy too.</p>
          )}
        </Dialog>
      )}
    </div>
  );
}
