import type { logsContract } from '../../../shared/ipc/contracts/logs';
import { AppError } from '../../../shared/ipc/errors';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';

/** Log streams. (Being implemented: electron/services/docker/logs.) */
export function logsHandlers(_services: Services): Handlers<typeof logsContract> {
  return {
    'logs.tail': () => {
      throw new AppError('INTERNAL', 'Log streaming is not available yet.');
    },
  };
}
