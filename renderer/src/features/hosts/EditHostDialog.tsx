import { useId, useState, type FormEvent } from 'react';
import type { SshHostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { toErrorData } from '../../stores/error-data';
import { useHostsStore } from '../../stores/hosts-store';
import { errorsFromServer, parseHostForm, type HostFormErrors, type HostFormField, type HostFormValues } from './host-form';
import { HostFormFields } from './HostFormFields';

/** The form's strings for a saved host. */
export function formValuesOf(host: SshHostConfig): HostFormValues {
  return {
    name: host.name,
    address: host.address,
    port: String(host.port),
    user: host.user,
    auth: host.auth.kind,
    keyPath: host.auth.kind === 'key' ? host.auth.keyPath : '',
  };
}

/**
 * Edits a saved SSH host, or removes it after an explicit confirmation. The host keeps its id,
 * its ~/.ssh/config alias and ProxyJump; changes apply at the next connection.
 */
export function EditHostDialog({ host, onClose }: { host: SshHostConfig; onClose(): void }) {
  const update = useHostsStore((s) => s.update);
  const remove = useHostsStore((s) => s.remove);
  const [values, setValues] = useState<HostFormValues>(() => formValuesOf(host));
  const [errors, setErrors] = useState<HostFormErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const formId = useId();

  const change = (field: HostFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const fail = (error: unknown) => {
    const data = toErrorData(error);
    const fieldErrors = errorsFromServer(data);
    if (fieldErrors) setErrors(fieldErrors);
    else setBanner(`${describeError(data).what} ${describeError(data).next}`);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseHostForm(values);
    if ('errors' in parsed) return setErrors(parsed.errors);
    if (parsed.draft.kind !== 'ssh') return;
    setBusy(true);
    setBanner(null);
    try {
      const { sshConfigAlias, proxyJump } = host;
      await update({ ...parsed.draft, id: host.id, ...(sshConfigAlias ? { sshConfigAlias } : {}), ...(proxyJump ? { proxyJump } : {}) });
      onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function removeHost() {
    setBusy(true);
    try {
      await remove(host.id);
      onClose();
    } catch (error) {
      fail(error);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={confirmRemove ? `Remove ${host.name}?` : 'Edit host'}
      subtitle={
        host.sshConfigAlias ? (
          <>
            Imported from ~/.ssh/config as <code>{host.sshConfigAlias}</code>: that file still decides the address at connect.
          </>
        ) : (
          'Changes apply the next time Hangar connects.'
        )
      }
      icon={confirmRemove ? 'trash' : 'server'}
      tone={confirmRemove ? 'danger' : 'default'}
      onClose={onClose}
      width={520}
      footer={
        confirmRemove ? (
          <>
            <button type="button" className="btn" onClick={() => setConfirmRemove(false)} disabled={busy} data-autofocus>
              Keep host
            </button>
            <button type="button" className="btn btn-danger-solid" onClick={() => void removeHost()} disabled={busy}>
              {busy ? 'Removing…' : 'Remove host'}
            </button>
          </>
        ) : (
          <>
            {/* Removing sits apart from Save, at the far left, so it is never hit by mistake. */}
            <button
              type="button"
              className="btn btn-ghost btn-danger"
              style={{ marginRight: 'auto' }}
              onClick={() => setConfirmRemove(true)}
              disabled={busy}
            >
              <Icon name="trash" size={14} />
              Remove…
            </button>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" form={formId} className="btn btn-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          </>
        )
      }
    >
      {banner && (
        <div className="banner banner-bad" role="alert">
          {banner}
        </div>
      )}
      {confirmRemove ? (
        <p className="dialog-text" data-testid="remove-host-confirm">
          Hangar forgets <strong>{host.name}</strong> ({host.user}@{host.address}) and closes its connection. Nothing changes on the server,
          and its trusted host key is kept, so adding it again does not ask about the key.
        </p>
      ) : (
        <form id={formId} className="form" onSubmit={save} noValidate aria-label="Edit host">
          <HostFormFields formId={formId} values={values} errors={errors} onChange={change} autoFocus="name" />
        </form>
      )}
    </Dialog>
  );
}
