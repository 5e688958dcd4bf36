import type { containersContract } from '../../../shared/ipc/contracts/containers';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Containers of a host, grouped by compose project. */
export function containersHandlers({ connections }: Services): Handlers<typeof containersContract> {
  return {
    'containers.list': async ({ hostId }, ctx) => ({ groups: await connections.listContainers(hostId, ctx.signal), fetchedAt: new Date().toISOString() }),
  };
}
