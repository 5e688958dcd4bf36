import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { Kbd } from '../../components/Kbd';
import { describeError } from '../../bridge/error-text';
import { openHost } from '../../stores/boot';
import { toErrorData } from '../../stores/error-data';
import { useHostsStore } from '../../stores/hosts-store';
import { useUiStore } from '../../stores/ui-store';
import { emptyHostForm, errorsFromServer, parseHostForm, type HostFormErrors, type HostFormField, type HostFormValues } from './host-form';

const authOptions: { value: HostFormValues['auth']; label: string; hint: string }[] = [
  { value: 'agent', label: 'ssh-agent', hint: 'Uses the keys loaded in your agent (ssh-add -l lists them).' },
  { value: 'key', label: 'Key file', hint: 'A private key on this computer; Hangar asks for its passphrase if it has one.' },
  { value: 'password', label: 'Password', hint: 'Asked each time you connect and never stored. Prefer a key.' },
];

/** The add-host form. Saving selects the host and connects, which starts trust on first use. */
export function AddHostDialog() {
  const close = useUiStore((s) => s.closeAddHost);
  const add = useHostsStore((s) => s.add);
  const [values, setValues] = useState<HostFormValues>(emptyHostForm);
  const [errors, setErrors] = useState<HostFormErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formId = useId();

  const update = (field: HostFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseHostForm(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setBanner(null);
    try {
      const host = await add(parsed.draft);
      close();
      openHost(host.id);
    } catch (error) {
      const data = toErrorData(error);
      const fieldErrors = errorsFromServer(data);
      if (fieldErrors) setErrors(fieldErrors);
      else {
        const text = describeError(data);
        setBanner(`${text.what} ${text.next}`);
      }
    } finally {
      setSaving(false);
    }
  }

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
    extra: { autoFocus?: boolean; className?: string; inputMode?: 'numeric' } = {},
  ) => (
    <input
      id={idOf(name)}
      className={`input ${extra.className ?? ''}`}
      name={name}
      value={values[name]}
      placeholder={placeholder}
      onChange={(e) => update(name, e.target.value)}
      aria-invalid={errors[name] ? true : undefined}
      aria-describedby={idOf(name, 'note')}
      data-autofocus={extra.autoFocus ? true : undefined}
      inputMode={extra.inputMode}
      spellCheck={false}
      autoComplete="off"
    />
  );

  return (
    <Dialog
      title="Add host"
      subtitle="A server you reach over SSH. Docker is used through the same connection."
      icon="server"
      onClose={close}
      width={520}
      footer={
        <>
          <span className="dialog-footer-hint">
            <Kbd keys={['Esc']} /> to cancel
          </span>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Add and connect'}
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate aria-label="Add host">
        {banner && (
          <div className="banner banner-bad" role="alert">
            {banner}
          </div>
        )}
        <div className="form-row form-row-address">
          {field('address', 'Address', text('address', 'plane.example.com', { autoFocus: true }))}
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
                  onChange={() => update('auth', option.value)}
                />
                {option.label}
              </label>
            ))}
          </div>
          <span className="field-hint">{authOptions.find((o) => o.value === values.auth)?.hint}</span>
        </fieldset>
        {values.auth === 'key' && field('keyPath', 'Private key file', text('keyPath', '~/.ssh/id_ed25519', { className: 'mono' }))}
      </form>
    </Dialog>
  );
}
