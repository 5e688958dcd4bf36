import { useEffect, useRef } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { Dialog } from '../../components/Dialog';
import { useEnvStore, type EnvConflict } from '../../stores/env-store';

/** One column of the three-way view; lines that differ from the base are marked. */
function Column({
  title,
  text,
  base,
  tone,
  testId,
}: {
  title: string;
  text: string | undefined;
  base: Set<string> | null;
  tone: 'mine' | 'theirs' | 'base';
  testId: string;
}) {
  const lines = text === undefined ? null : text.replace(/\n$/, '').split('\n');
  const box = useRef<HTMLDivElement>(null);
  // Open each column at its first difference (with a little context above), not at line 1.
  useEffect(() => {
    // After the dialog has opened (its showModal runs in the parent's effect, after this one).
    const frame = requestAnimationFrame(() => {
      const el = box.current;
      const first = el?.querySelector<HTMLElement>('[data-changed]');
      if (el && first) el.scrollTop = Math.max(0, first.offsetTop - 60);
    });
    return () => cancelAnimationFrame(frame);
  }, [text]);
  return (
    <section className="env-three-col" data-testid={testId}>
      <h4 className="env-three-title">{title}</h4>
      <div className="env-three-text mono" ref={box}>
        {lines === null ? (
          <p className="cell-faint env-three-missing">Not available: Hangar no longer has the text you loaded.</p>
        ) : (
          lines.map((line, i) => (
            <div
              key={i}
              className={base !== null && !base.has(line) ? `env-three-line env-three-changed-${tone}` : 'env-three-line'}
              data-changed={base !== null && !base.has(line) ? '' : undefined}
            >
              {line === '' ? ' ' : line}
            </div>
          ))
        )}
      </div>
    </section>
  );
}

/**
 * The file changed on the server after it was loaded, so nothing was written. Shows the version
 * loaded, the user's version and the server's (secrets masked), and lets the user choose: reload
 * and re-apply their form edits on top of the server's file, or take the server's file as is.
 */
export function ConflictDialog({ host, conflict }: { host: HostConfig; conflict: EnvConflict }) {
  const resolve = useEnvStore((s) => s.resolveConflict);
  const base = conflict.base === undefined ? null : new Set(conflict.base.split('\n'));
  return (
    <Dialog
      title="The file changed on the server"
      subtitle={<code>{conflict.path}</code>}
      icon="alert"
      tone="warning"
      width={1040}
      onClose={() => void resolve(host.id, 'cancel')}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void resolve(host.id, 'cancel')}>
            Close
          </button>
          <button type="button" className="btn" onClick={() => void resolve(host.id, 'take-theirs')}>
            Discard my edits, use the server’s file
          </button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => void resolve(host.id, 'keep-mine')}>
            Reload and keep my edits
          </button>
        </>
      }
    >
      <div data-testid="conflict-dialog" className="env-conflict">
        <p className="dialog-text">
          Someone changed <code>{conflict.file}</code> after you opened it, so Hangar wrote nothing.
          {conflict.changedOnServer.length > 0 && (
            <>
              {' '}
              Changed on the server: <strong className="mono">{conflict.changedOnServer.join(', ')}</strong>.
            </>
          )}{' '}
          “Reload and keep my edits” loads their version and puts your form edits on top; you review the result before anything is saved.
        </p>
        <div className="env-three">
          <Column title="When you loaded it" text={conflict.base} base={null} tone="base" testId="conflict-base" />
          <Column title="Yours" text={conflict.mine} base={base} tone="mine" testId="conflict-mine" />
          <Column title="On the server now" text={conflict.theirs} base={base} tone="theirs" testId="conflict-theirs" />
        </div>
      </div>
    </Dialog>
  );
}
