import { AppError } from '../../shared/ipc/errors';
import { hostDraftSchema, type HostConfig } from '../../shared/schemas/host';
import type { HostStore } from '../services/hosts/host-store';

const ONE_OFF_ID = 'cli-one-off';

/**
 * `--host` is a saved host (id or name) or, for one-off use, `user@address[:port]` with
 * `--identity FILE` (else ssh-agent). The one-off host is validated like the app's form.
 */
export async function resolveCliHost(store: HostStore, value: string, identity: string | undefined): Promise<HostConfig> {
  const saved = await store.find(value);
  if (saved !== undefined) return saved;
  const match = /^([^@\s]+)@(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(value);
  if (match === null) {
    throw new AppError('HOST_NOT_FOUND', `No saved host is called "${value}". Run "hangar hosts" to see them, or pass user@address[:port].`);
  }
  const [, user, address = '', port] = match;
  const draft = hostDraftSchema.safeParse({
    kind: 'ssh',
    name: value,
    address: address.replace(/^\[|\]$/g, ''),
    port: port === undefined ? 22 : Number(port),
    user,
    auth: identity === undefined ? { kind: 'agent' } : { kind: 'key', keyPath: identity },
  });
  if (!draft.success) throw new AppError('INVALID_INPUT', `--host ${value}: ${draft.error.issues[0]?.message ?? 'invalid'}`, { usage: true });
  return { ...draft.data, id: ONE_OFF_ID } as HostConfig;
}

/** The saved hosts plus a one-off host, without writing it to the user's store. */
export function withOneOffHost(store: HostStore, host: HostConfig): HostStore {
  if (host.id !== ONE_OFF_ID) return store;
  return {
    ...store,
    list: async () => [...(await store.list()), host],
    get: async (id) => (id === ONE_OFF_ID ? host : store.get(id)),
    find: async (idOrName) => (idOrName === ONE_OFF_ID ? host : store.find(idOrName)),
    setLastUsedHostId: async () => undefined,
  };
}
