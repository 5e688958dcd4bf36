import type { HostKeyPrompt } from '../../../../shared/schemas/connection';
import { Dialog } from '../../components/Dialog';
import { usePromptsStore } from '../../stores/prompts-store';
import { Fingerprint } from './Fingerprint';
import { keygenHint, keyTypeLabel } from './host-key-text';

/**
 * Trust on first use, worded after OpenSSH's own question: the fingerprint exactly as
 * `ssh-keygen -lf` prints it, and the command to print it on the server. Closing the dialog
 * rejects the key; only the explicit button trusts it.
 */
export function HostKeyDialog({ promptId, prompt, hostName }: { promptId: string; prompt: HostKeyPrompt; hostName: string }) {
  const answer = usePromptsStore((s) => s.answer);
  const busy = usePromptsStore((s) => s.answering === promptId);
  const send = (value: 'trust' | 'reject') => void answer({ type: 'host-key', promptId, answer: value });
  return (
    <Dialog
      title={`Verify ${hostName}`}
      subtitle={
        <>
          First connection to <code>{prompt.hostLabel}</code>
        </>
      }
      icon="shield"
      onClose={() => send('reject')}
      width={540}
      footer={
        <>
          <button type="button" className="btn" onClick={() => send('reject')} disabled={busy}>
            Don’t trust
          </button>
          <button type="button" className="btn btn-primary" onClick={() => send('trust')} disabled={busy}>
            Trust and connect
          </button>
        </>
      }
    >
      <p className="dialog-text">
        Hangar has never seen this server’s host key. Compare the fingerprint below with the one the server prints before you trust it: if
        they differ, someone may be between you and the server.
      </p>
      <Fingerprint label={`${keyTypeLabel(prompt.algorithm)} key fingerprint`} value={prompt.fingerprint} testId="host-key-fingerprint" />
      <div className="hint-box">
        <span className="hint-box-label">On the server, run</span>
        <code className="hint-box-command">{keygenHint(prompt.algorithm)}</code>
      </div>
    </Dialog>
  );
}
