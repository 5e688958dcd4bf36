import type { ReactNode } from 'react';
import type { HostFormErrors, HostFormField, HostFormValues } from './host-form';

const authOptions: { value: HostFormValues['auth']; label: string; hint: string }[] = [
  { value: 'agent', label: 'ssh-agent', hint: 'Uses the keys loaded in your agent (ssh-add -l lists them).' },
  { value: 'key', label: 'Key file', hint: 'A private key on this computer; Hangar asks for its passphrase if it has one.' },
  { value: 'password', label: 'Password', hint: 'Asked each time you connect and never stored. Prefer a key.' },
];

/**
 * The fields of an SSH host (address, port, user, name, authentication), with each message
 * under its field. Shared by the add and edit dialogs so both ask the same questions in the same
 * words; `autoFocus` names the field the dialog opens on (the address when adding, the name when
 * editing).
 */
export function HostFormFields({
  formId,
  values,
  errors,
  onChange,
  autoFocus,
}: {
  formId: string;
  values: HostFormValues;
  errors: HostFormErrors;
  onChange(field: HostFormField, value: string): void;
  autoFocus: HostFormField;
}) {
  const idOf = (name: HostFormField, part: 'input' | 'note' = 'input') => `${formId}-${name}-${part}`;
  const field = (name: HostFormField, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label className="field-label" htmlFor={idOf(name)}>
        {label}
      </label>
      {input}
      {errors[name] ? (
        <span className="field-error" id={idOf(name, 'note')} role="alert">
          {errors[name]}
        </span>
      ) : (
        hint && (
          <span className="field-hint" id={idOf(name, 'note')}>
            {hint}
          </span>
        )
      )}
    </div>
  );
  const text = (
    name: HostFormField,
    placeholder: string,
    extra: { className?: string; inputMode?: 'numeric' } = {},
  ) => (
    <input
      id={idOf(name)}
      className={`input ${extra.className ?? ''}`}
      name={name}
      value={values[name]}
      placeholder={placeholder}
      onChange={(e) => onChange(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={idOf(name, 'note')}
      data-autofocus={name === autoFocus ? true : undefined}
      inputMode={extra.inputMode}
      spellCheck={false}
      autoComplete="off"
    />
  );
  return (
    <>
      <div className="form-row form-row-address">
        {field('address', 'Address', text('address', 'plane.example.com'))}
        {field('port', 'Port', text('port', '22', { inputMode: 'numeric', className: 'input-port' }))}
      </div>
      <div className="form-row">
        {field('user', 'User', text('user', 'root'))}
        {field('name', 'Name', text('name', values.address.trim() || 'Production'), 'Shown in the host list.')}
      </div>
      <fieldset className="field">
        <legend className="field-label">Authentication</legend>
        <div className="segmented" role="radiogroup" aria-label="Authentication">
          {authOptions.map((option) => (
            <label key={option.value} className={`segment${values.auth === option.value ? ' segment-on' : ''}`}>
              <input
                type="radio"
                name="auth"
                value={option.value}
                checked={values.auth === option.value}
                onChange={() => onChange('auth', option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
        <span className="field-hint">{authOptions.find((o) => o.value === values.auth)?.hint}</span>
      </fieldset>
      {values.auth === 'key' && field('keyPath', 'Private key file', text('keyPath', '~/.ssh/id_ed25519', { className: 'mono' }))}
    </>
  );
}
