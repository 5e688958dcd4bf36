import { hostDraftSchema, type HostDraft } from '../../../../shared/schemas/host';
import type { AppErrorData } from '../../../../shared/ipc/errors';

/** What the add-host form holds: strings as typed, converted only on submit. */
export interface HostFormValues {
  name: string;
  address: string;
  port: string;
  user: string;
  auth: 'agent' | 'key' | 'password';
  keyPath: string;
}

/** A field of the form, the key errors are attached to. */
export type HostFormField = keyof HostFormValues;
/** At most one message per field, shown under it. */
export type HostFormErrors = Partial<Record<HostFormField, string>>;

/** A new form: port 22 and ssh-agent, the most common setup. */
export const emptyHostForm: HostFormValues = { name: '', address: '', port: '22', user: '', auth: 'agent', keyPath: '' };

/**
 * Turns the form into a draft with the same zod schema main uses, so the messages under the
 * fields are the ones main would send. The name defaults to the address: most people name a
 * server by its address until they have several.
 */
export function parseHostForm(values: HostFormValues): { draft: HostDraft } | { errors: HostFormErrors } {
  const errors: HostFormErrors = {};
  const port = Number(values.port.trim());
  if (!/^\d+$/.test(values.port.trim()) || port < 1 || port > 65535)
    errors.port = 'Enter a port between 1 and 65535 (SSH uses 22 by default).';
  const auth =
    values.auth === 'key'
      ? { kind: 'key' as const, keyPath: values.keyPath.trim() }
      : values.auth === 'password'
        ? { kind: 'password' as const }
        : { kind: 'agent' as const };
  const candidate = {
    kind: 'ssh' as const,
    name: values.name.trim() === '' ? values.address.trim() : values.name.trim(),
    address: values.address,
    port: Number.isFinite(port) ? port : 22,
    user: values.user,
    auth,
  };
  const parsed = hostDraftSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.map(String));
      if (field && errors[field] === undefined) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success)
    return { errors: Object.keys(errors).length > 0 ? errors : { address: 'Check the values and try again.' } };
  return { draft: parsed.data };
}

/** Puts a server-side error next to the field it concerns, when it concerns one. */
export function errorsFromServer(error: AppErrorData): HostFormErrors | null {
  if (error.code === 'HOST_EXISTS') return { name: error.message };
  if (error.code !== 'INVALID_INPUT') return null;
  const issues = (error.details?.issues ?? []) as { path?: unknown; message?: unknown }[];
  const errors: HostFormErrors = {};
  for (const issue of Array.isArray(issues) ? issues : []) {
    const field = typeof issue.path === 'string' ? fieldOf(issue.path.split('.')) : undefined;
    if (field && typeof issue.message === 'string') errors[field] ??= issue.message;
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

function fieldOf(path: string[]): HostFormField | undefined {
  const [head, sub] = path;
  if (head === 'auth') return sub === 'keyPath' ? 'keyPath' : 'auth';
  if (head === 'name' || head === 'address' || head === 'port' || head === 'user') return head;
  return undefined;
}
