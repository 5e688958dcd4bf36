import type { Contract } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import type { Services } from '../app/create-services';
import type { Handlers } from './router';

/**
 * The contract's handler table: thin adapters from validated input to services. Business logic
 * lives in services so the CLI shares it; a handler only picks the service and shapes the answer.
 */
export function createHandlers(services: Services): Handlers<Contract> {
  const { hosts, connections, prompts, knownHosts } = services;
  return {
    'hosts.list': async () => ({ hosts: await hosts.list(), lastUsedHostId: (await hosts.lastUsedHostId()) ?? null }),
    'hosts.add': (draft) => hosts.add(draft),
    'hosts.update': (host) => hosts.update(host),
    'hosts.remove': async ({ hostId }) => {
      connections.disconnect(hostId);
      await hosts.remove(hostId);
      return { removed: true };
    },

    'connections.connect': ({ hostId }, ctx) => connections.connect(hostId, ctx.signal),
    'connections.disconnect': ({ hostId }) => connections.disconnect(hostId),
    'connections.watch': (_input, ctx) => connections.watch(ctx.signal),
    'prompts.watch': (_input, ctx) => prompts.watch(ctx.signal),
    'prompts.answer': (answer) => ({ accepted: prompts.answer(answer) }),
    'hostKeys.replace': async ({ hostId }) => {
      const host = await hosts.get(hostId);
      if (host.kind !== 'ssh') throw new AppError('INVALID_INPUT', '"This computer" has no SSH host key to replace.');
      const refused = connections.states().find((s) => s.hostId === hostId)?.error;
      const fingerprint = refused?.code === 'SSH_HOST_KEY_MISMATCH' ? refused.details?.fingerprint : undefined;
      if (typeof fingerprint !== 'string') {
        throw new AppError('INVALID_INPUT', 'There is no refused key to accept for this host. Connect first; if its key changed, the refusal offers "Replace key".');
      }
      await knownHosts.replace(host.address, host.port, fingerprint);
      return { replaced: true };
    },

    'containers.list': async ({ hostId }, ctx) => ({ groups: await connections.listContainers(hostId, ctx.signal), fetchedAt: new Date().toISOString() }),
  };
}
