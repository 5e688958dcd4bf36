import type { logsContract } from '../../../shared/ipc/contracts/logs';
import type { Services } from '../../app/create-services';
import { createLogsService } from '../../services/docker/logs/logs-service';
import type { Handlers } from '../router';

/** Log streams: the router pumps the events in batches and cancels the Docker requests through ctx.signal. */
export function logsHandlers({ connections }: Services): Handlers<typeof logsContract> {
  const logs = createLogsService({ connections });
  return {
    'logs.tail': (input, ctx) => logs.tail(input, ctx.signal),
  };
}
