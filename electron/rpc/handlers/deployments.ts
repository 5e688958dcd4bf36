import type { deploymentsContract } from '../../../shared/ipc/contracts/deployments';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Plane deployments of a host. */
export function deploymentsHandlers({ env }: Services): Handlers<typeof deploymentsContract> {
  return {
    'deployments.list': async ({ hostId }, ctx) => ({ deployments: await env.listDeployments(hostId, ctx.signal), fetchedAt: new Date().toISOString() }),
  };
}
