import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { Kbd } from '../../components/Kbd';
import { describeError } from '../../bridge/error-text';
import { openHost } from '../../stores/boot';
import { toErrorData } from '../../stores/error-data';
import { useHostsStore } from '../../stores/hosts-store';
import { useUiStore } from '../../stores/ui-store';
import { emptyHostForm, errorsFromServer, parseHostForm, type HostFormErrors, type HostFormField, type HostFormValues } from './host-form';
import { HostFormFields } from './HostFormFields';

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
        <HostFormFields formId={formId} values={values} errors={errors} onChange={update} autoFocus="address" />
      </form>
    </Dialog>
  );
}
