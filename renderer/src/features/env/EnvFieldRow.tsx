import { useState } from 'react';
import type { Finding } from '../../../../shared/schemas/env';
import type { HostConfig } from '../../../../shared/schemas/host';
import { useEnvStore } from '../../stores/env-store';
import { editFor, type FieldEdit } from './env-edits';
import type { EnvField } from './env-fields';
import { validateValue } from './field-validation';
import { generateSecret } from './secret-generator';

interface Props {
  host: HostConfig;
  field: EnvField;
  edit: FieldEdit | undefined;
  revealed: string | undefined;
  findings: Finding[];
  /** The file is being edited as text: the form shows the value but does not edit it. */
  lockedByText: boolean;
}

/**
 * One key: label, typed input, the schema's note, and what is wrong with it — first the check as
 * you type (origin shape, port range), then the rules' findings for this key. Secrets are never
 * shown unless the user reveals them; "Generate" writes a CSPRNG value of the key's length and
 * alphabet, and a secret several files share is one field that writes all of them.
 */
export function EnvFieldRow({ host, field, edit, revealed, findings, lockedByText }: Props) {
  const setEdit = useEnvStore((s) => s.setEdit);
  const reveal = useEnvStore((s) => s.reveal);
  const hide = useEnvStore((s) => s.hide);
  const [show, setShow] = useState(false);
  const inputId = `env-${field.id}`;
  const hintId = `${inputId}-hint`;
  const spec = field.spec;

  const secretHidden = field.secret && field.present && field.value !== '' && revealed === undefined;
  const value = edit !== undefined ? (edit.value ?? '') : field.secret ? (revealed ?? '') : field.value;
  const problem = edit?.value !== null && edit !== undefined ? validateValue(spec, edit.value) : validateValue(spec, value);
  const change = (next: string | null) => setEdit(host.id, field.id, editFor(field, next));
  const severity =
    findings.some((f) => f.severity === 'error') || problem !== null
      ? 'error'
      : findings.some((f) => f.severity === 'warning')
        ? 'warning'
        : null;
  const placeholder =
    secretHidden && edit === undefined
      ? 'Set (hidden) — type to replace, or Reveal'
      : spec?.default
        ? `empty → ${field.secret ? 'default' : spec.default}`
        : 'empty';

  return (
    <div
      className={`env-field${severity ? ` env-field-${severity}` : ''}${edit ? ' env-field-edited' : ''}`}
      data-testid="env-field"
      data-key={field.key}
    >
      <div className="env-field-label">
        <label htmlFor={inputId} className="mono env-key">
          {field.key}
        </label>
        <span className="env-tags">
          {field.targets.length > 1 && (
            <span className="env-tag" title={field.targets.map((t) => t.file).join(', ')}>{`${field.targets.length} files`}</span>
          )}
          {!field.present && <span className="env-tag">not in file</span>}
          {field.group === 'unknown' && <span className="env-tag">unknown key</span>}
          {field.reachesContainer === false && (
            <span
              className="env-tag env-tag-warn"
              title="No service of the compose file reads this key, so changing it changes nothing (invariant 23)."
            >
              no container receives it
            </span>
          )}
          {edit && <span className="env-tag env-tag-accent">edited</span>}
        </span>
      </div>
      <div className="env-field-control">
        {spec?.type === 'enum' && spec.enumValues ? (
          <select
            id={inputId}
            className="input"
            value={value}
            disabled={lockedByText}
            onChange={(e) => change(e.target.value)}
            aria-describedby={hintId}
          >
            {!spec.enumValues.includes(value) && <option value={value}>{value === '' ? '(empty)' : value}</option>}
            {spec.enumValues.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={inputId}
            className="input mono"
            type={field.secret && !show ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={placeholder}
            disabled={lockedByText}
            aria-invalid={problem !== null}
            aria-describedby={hintId}
            onChange={(e) => change(e.target.value)}
          />
        )}
        {field.secret && (
          <>
            <button
              type="button"
              className="btn"
              disabled={lockedByText}
              onClick={() => {
                if (show) {
                  setShow(false);
                  hide(host.id, field.id);
                } else {
                  setShow(true);
                  const target = field.targets[0];
                  if (secretHidden && edit === undefined && target !== undefined) void reveal(host.id, field.id, target.file, field.key);
                }
              }}
            >
              {show ? 'Hide' : 'Reveal'}
            </button>
            <button
              type="button"
              className="btn"
              disabled={lockedByText}
              title={
                spec?.generator ? `${spec.generator.length} random ${spec.generator.alphabet} characters` : '48 random letters and digits'
              }
              onClick={() => change(generateSecret(spec?.generator))}
            >
              Generate
            </button>
          </>
        )}
        {edit && (
          <button type="button" className="btn btn-ghost" onClick={() => setEdit(host.id, field.id, undefined)} title="Undo this edit">
            Undo
          </button>
        )}
        {field.present && !edit && field.group === 'unknown' && (
          <button
            type="button"
            className="btn btn-ghost"
            disabled={lockedByText}
            onClick={() => change(null)}
            title="Remove the key from the file"
          >
            Remove
          </button>
        )}
      </div>
      <div className="env-field-notes" id={hintId}>
        {problem !== null && (
          <p className="field-error" role="alert" data-testid="field-error">
            {problem}
          </p>
        )}
        {findings
          .filter((f) => f.message !== problem)
          .map((f, i) => (
            <p key={`${f.ruleId}-${i}`} className={`env-inline-finding env-inline-${f.severity}`} data-testid="inline-finding">
              <span className="mono">{f.ruleId}</span> {f.message}
            </p>
          ))}
        {edit?.value === null && <p className="field-hint">Will be removed from {edit.files.join(', ')}.</p>}
        {spec?.notes && <p className="field-hint">{spec.notes}</p>}
        {lockedByText && <p className="field-hint">This file is being edited as text; save or discard that first.</p>}
      </div>
    </div>
  );
}
