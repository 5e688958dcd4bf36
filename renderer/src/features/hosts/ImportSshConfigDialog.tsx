import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/errors';
import type { HostConfig, HostDraft } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Dialog } from '../../components/Dialog';
import { toErrorData } from '../../stores/error-data';
import { useHostsStore, type SshConfigImport } from '../../stores/hosts-store';
import { SshConfigIssues } from './SshConfigIssues';

/** A draft is "already added" when a saved host uses its alias or its name (main would refuse the name). */
function alreadySaved(draft: HostDraft, hosts: readonly HostConfig[]): boolean {
  if (draft.kind !== 'ssh') return false;
  return hosts.some(
    (h) => (h.kind === 'ssh' && h.sshConfigAlias === draft.sshConfigAlias) || h.name.toLowerCase() === draft.name.toLowerCase(),
  );
}

/**
 * Hosts from ~/.ssh/config as checkboxes, and every line Hangar did not apply (Include, Match,
 * unknown directives) with its line number: an import that silently drops a ProxyCommand would
 * connect somewhere else than `ssh alias` does, so the issues are always listed, never folded away.
 */
export function ImportSshConfigDialog({ onClose }: { onClose(): void }) {
  const readSshConfig = useHostsStore((s) => s.readSshConfig);
  const importHosts = useHostsStore((s) => s.importHosts);
  const hosts = useHostsStore((s) => s.hosts);
  const [result, setResult] = useState<SshConfigImport | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [refused, setRefused] = useState<{ name: string; error: AppErrorData }[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    readSshConfig().then(
      (read) => {
        if (!live) return;
        setResult(read);
        setChosen(new Set(read.drafts.filter((d) => !alreadySaved(d, useHostsStore.getState().hosts)).map((d) => d.name)));
      },
      (e: unknown) => live && setError(toErrorData(e)),
    );
    return () => {
      live = false;
    };
  }, [readSshConfig]);

  const toggle = (name: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  async function submit() {
    if (result === null) return;
    setBusy(true);
    const outcome = await importHosts(result.drafts.filter((d) => chosen.has(d.name)));
    setBusy(false);
    if (outcome.refused.length === 0) onClose();
    else setRefused(outcome.refused);
  }

  return (
    <Dialog
      title="Import from ~/.ssh/config"
      subtitle={result ? <code>{result.path}</code> : 'Reading your ssh config…'}
      icon="terminal"
      onClose={onClose}
      width={620}
      footer={
        <>
          <span className="dialog-footer-hint">Imported hosts keep their alias: later edits to the file apply at the next connect.</span>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void submit()}
            disabled={busy || chosen.size === 0}
            data-autofocus
          >
            {busy ? 'Importing…' : `Import ${chosen.size} ${chosen.size === 1 ? 'host' : 'hosts'}`}
          </button>
        </>
      }
    >
      {error && (
        <div className="banner banner-bad" role="alert">
          {describeError(error).what} {describeError(error).next}
        </div>
      )}
      {refused.map((r) => (
        <div key={r.name} className="banner banner-bad" role="alert">
          {r.name}: {describeError(r.error).what}
        </div>
      ))}
      {result && result.drafts.length === 0 && (
        <p className="dialog-text">
          No Host entries with a concrete name were found (patterns such as <code>Host *</code> are not hosts).
        </p>
      )}
      {result && result.drafts.length > 0 && (
        <ul
          className="import-list"
          aria-label="Hosts in ~/.ssh/config"
          style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {result.drafts.map((draft) => {
            const saved = alreadySaved(draft, hosts);
            return (
              <li key={draft.name}>
                <label className="check" data-testid="import-draft">
                  <input
                    type="checkbox"
                    checked={chosen.has(draft.name)}
                    disabled={saved}
                    onChange={() => toggle(draft.name)}
                    aria-label={draft.name}
                  />
                  <span>
                    <strong>{draft.name}</strong>{' '}
                    {draft.kind === 'ssh' && <code>{`${draft.user}@${draft.address}${draft.port !== 22 ? `:${draft.port}` : ''}`}</code>}
                    {draft.kind === 'ssh' && draft.proxyJump && <span className="field-hint"> via {draft.proxyJump}</span>}
                    {draft.kind === 'ssh' && (
                      <span className="field-hint">
                        {' '}
                        · {draft.auth.kind === 'key' ? draft.auth.keyPath : draft.auth.kind === 'agent' ? 'ssh-agent' : 'password'}
                      </span>
                    )}
                    {saved && <span className="field-hint"> · already added</span>}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {result && <SshConfigIssues issues={result.issues} />}
    </Dialog>
  );
}
