import type { statusContract } from '../../../shared/ipc/contracts/status';
import type { Services } from '../../app/create-services';
import { dockerStatusSource, watchStatus } from '../../services/docker/status-watch';
import type { Handlers } from '../router';

/**
 * Live container state of a host for the architecture view. Docker comes from the connection
 * manager on every attempt, so a retry after a dropped session uses the reconnected one; a host
 * the user disconnected is not reconnected behind their back (the watch ends instead).
 */
export function statusHandlers({ connections }: Services): Handlers<typeof statusContract> {
  return {
    'status.watch': ({ hostId }, ctx) =>
      watchStatus({
        signal: ctx.signal,
        connect: async (signal) => dockerStatusSource(await connections.docker(hostId, signal)),
        shouldRetry: () => connections.states().find((s) => s.hostId === hostId)?.state !== 'idle',
      }),
  };
}
