import type { connectionsContract } from '../../../shared/ipc/contracts/connections';
import { AppError } from '../../../shared/ipc/errors';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Connecting, state and prompt streams, and the deliberate "replace host key" action. */
/** `host` or `[host]:port` (known_hosts naming) back to host and port. */
function parseKnownHostsName(label: string): { host: string; port: number } {
  const bracketed = /^\[(.+)\]:(\d+)$/.exec(label);
  return bracketed === null ? { host: label, port: 22 } : { host: bracketed[1] ?? label, port: Number(bracketed[2]) };
}

export function connectionsHandlers({ hosts, connections, prompts, knownHosts }: Services): Handlers<typeof connectionsContract> {
  return {
    'connections.connect': ({ hostId }, ctx) => connections.connect(hostId, ctx.signal),
    'connections.disconnect': ({ hostId }) => connections.disconnect(hostId),
    'connections.watch': (_input, ctx) => connections.watch(ctx.signal),
    'prompts.watch': (_input, ctx) => prompts.watch(ctx.signal),
    'prompts.answer': (answer) => ({ accepted: prompts.answer(answer) }),
    /**
     * Accepts exactly the key the last refusal showed, and only if the user confirmed that
     * fingerprint: the renderer never sends key material. The refusal names the endpoint whose
     * key changed, which may be a ProxyJump hop rather than the host itself.
     */
    'hostKeys.replace': async ({ hostId, fingerprint }) => {
      await hosts.get(hostId);
      const refused = connections.states().find((s) => s.hostId === hostId)?.error;
      const details = refused?.code === 'SSH_HOST_KEY_MISMATCH' ? refused.details : undefined;
      if (details?.fingerprint !== fingerprint || typeof details.hostLabel !== 'string') {
        throw new AppError('INVALID_INPUT', 'That key is not the one Hangar refused for this host. Connect again and confirm the fingerprint shown in the refusal.');
      }
      const { host, port } = parseKnownHostsName(details.hostLabel);
      await knownHosts.replace(host, port, fingerprint);
      return { replaced: true };
    },
  };
}
