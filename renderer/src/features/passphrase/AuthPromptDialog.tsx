import { useId, useState, type FormEvent } from 'react';
import type { AuthPrompt } from '../../../../shared/schemas/connection';
import { Dialog } from '../../components/Dialog';
import { usePromptsStore } from '../../stores/prompts-store';

/**
 * Keyboard-interactive (and password) questions, shown as the server words them; answers whose
 * prompt says `echo: false` are masked. Nothing is kept after sending.
 */
export function AuthPromptDialog({ promptId, prompt, hostName }: { promptId: string; prompt: AuthPrompt; hostName: string }) {
  const answer = usePromptsStore((s) => s.answer);
  const busy = usePromptsStore((s) => s.answering === promptId);
  const [values, setValues] = useState<string[]>(() => prompt.prompts.map(() => ''));
  const formId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const sent = values;
    setValues(prompt.prompts.map(() => ''));
    void answer({ type: 'auth', promptId, answer: sent });
  }

  return (
    <Dialog
      title={prompt.name.trim() || 'The server asks'}
      subtitle={<>while logging in to {hostName}</>}
      icon="lock"
      onClose={() => void answer({ type: 'auth', promptId, answer: null })}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void answer({ type: 'auth', promptId, answer: null })} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy}>
            Continue
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} aria-label="Server questions">
        {prompt.instructions.trim() !== '' && <p className="dialog-text dialog-pre">{prompt.instructions}</p>}
        {prompt.prompts.map((question, index) => (
          <label className="field" key={index}>
            <span className="field-label">{question.prompt.trim()}</span>
            <input
              className="input"
              type={question.echo ? 'text' : 'password'}
              value={values[index] ?? ''}
              onChange={(e) => setValues((v) => v.map((old, i) => (i === index ? e.target.value : old)))}
              data-autofocus={index === 0 ? true : undefined}
              autoComplete="off"
            />
          </label>
        ))}
      </form>
    </Dialog>
  );
}
