import type { statusContract } from '../../../shared/ipc/contracts/status';
import { AppError } from '../../../shared/ipc/errors';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Live container state. (Being implemented: electron/services/docker/status-watch.) */
export function statusHandlers(_services: Services): Handlers<typeof statusContract> {
  return {
    'status.watch': () => {
      throw new AppError('INTERNAL', 'Live status is not available yet.');
    },
  };
}
