import type { probesContract } from '../../../shared/ipc/contracts/probes';
import type { Services } from '../../app/create-services';
import { probeInputForHost } from '../../services/probes/deployment-input';
import { runProbes } from '../../services/probes/run-probes';
import type { Handlers } from '../router';

/**
 * `probes.run` needs no server access: it runs from this machine against the public URLs.
 * `probes.inputFor` reads the deployment's env over the host's session to prefill the screen.
 */
export function probesHandlers({ hosts, env }: Pick<Services, 'hosts' | 'env'>): Handlers<typeof probesContract> {
  return {
    'probes.run': (input, ctx) => runProbes(input, { signal: ctx.signal }),
    'probes.inputFor': (request, ctx) => probeInputForHost({ hosts, env }, request, ctx.signal),
  };
}
