import type { Contract } from '../../shared/ipc/contract';
import type { Services } from '../app/create-services';
import { connectionsHandlers } from './handlers/connections';
import { containersHandlers } from './handlers/containers';
import { envHandlers } from './handlers/env';
import { hostsHandlers } from './handlers/hosts';
import { logsHandlers } from './handlers/logs';
import { probesHandlers } from './handlers/probes';
import { statusHandlers } from './handlers/status';
import type { Handlers } from './router';

/**
 * The contract's handler table, one file per domain in `handlers/`: thin adapters from validated
 * input to services (logic lives in services so the CLI shares it). A domain missing here is a
 * compile error because the result must cover every contract method.
 */
export function createHandlers(services: Services): Handlers<Contract> {
  return {
    ...hostsHandlers(services),
    ...connectionsHandlers(services),
    ...containersHandlers(services),
    ...probesHandlers(services),
    ...envHandlers(services),
    ...logsHandlers(services),
    ...statusHandlers(services),
  };
}
