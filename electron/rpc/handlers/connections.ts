import type { connectionsContract } from '../../../shared/ipc/contracts/connections';
import { AppError } from '../../../shared/ipc/errors';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Connecting, state and prompt streams, and the deliberate "replace host key" action. */
export function connectionsHandlers({ hosts, connections, prompts, knownHosts }: Services): Handlers<typeof connectionsContract> {
  return {
    'connections.connect': ({ hostId }, ctx) => connections.connect(hostId, ctx.signal),
    'connections.disconnect': ({ hostId }) => connections.disconnect(hostId),
    'connections.watch': (_input, ctx) => connections.watch(ctx.signal),
    'prompts.watch': (_input, ctx) => prompts.watch(ctx.signal),
    'prompts.answer': (answer) => ({ accepted: prompts.answer(answer) }),
    /**
     * Accepts exactly the key the last refusal showed: the renderer never sends key material,
     * so a replace can only confirm what the user saw in the refusal dialog.
     */
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
  };
}
