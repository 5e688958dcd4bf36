import { useId, useState, type FormEvent } from 'react';
import type { PassphrasePrompt } from '../../../../shared/schemas/connection';
import { Dialog } from '../../components/Dialog';
import { usePromptsStore } from '../../stores/prompts-store';

/**
 * Asks for a key's passphrase. The passphrase goes to main in the answer and is dropped from
 * component state right after; "remember" is offered only when main says a keychain exists.
 */
export function PassphraseDialog({ promptId, prompt, hostName }: { promptId: string; prompt: PassphrasePrompt; hostName: string }) {
  const answer = usePromptsStore((s) => s.answer);
  const busy = usePromptsStore((s) => s.answering === promptId);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const formId = useId();
  const retry = prompt.attempt > 1;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = passphrase;
    setPassphrase('');
    void answer({ type: 'passphrase', promptId, answer: { passphrase: value, remember: prompt.canRemember && remember } });
  }

  return (
    <Dialog
      title="Unlock SSH key"
      subtitle={<>to connect to {hostName}</>}
      icon="key"
      tone={retry ? 'warning' : 'default'}
      onClose={() => void answer({ type: 'passphrase', promptId, answer: null })}
      footer={
        <>
          <span className="dialog-footer-hint" data-testid="passphrase-attempt">
            Attempt {prompt.attempt} of {prompt.maxAttempts}
          </span>
          <button type="button" className="btn" onClick={() => void answer({ type: 'passphrase', promptId, answer: null })} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy || passphrase === ''}>
            Unlock
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} aria-label="Passphrase">
        {retry && (
          <div className="banner banner-warn" role="alert">
            That passphrase did not unlock the key. Check the keyboard layout and Caps Lock.
          </div>
        )}
        <label className="field">
          <span className="field-label">
            Passphrase for <code>{prompt.keyPath}</code>
          </span>
          <input
            className="input"
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-autofocus
            autoComplete="off"
          />
        </label>
        {prompt.canRemember && (
          <label className="check">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <span>Remember in the system keychain</span>
          </label>
        )}
      </form>
    </Dialog>
  );
}
