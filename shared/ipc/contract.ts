import type { ContractShape } from './define';
import { connectionsContract } from './contracts/connections';
import { containersContract } from './contracts/containers';
import { envContract } from './contracts/env';
import { hostsContract } from './contracts/hosts';
import { logsContract } from './contracts/logs';
import { probesContract } from './contracts/probes';
import { statusContract } from './contracts/status';

/**
 * Every method the renderer can call, as data. Channels, the preload allow-list, the router's
 * handler table and the renderer client's types all derive from this object (ARCHITECTURE §1).
 * Each domain keeps its part in `contracts/<domain>.ts`.
 */
export const contract = {
  ...hostsContract,
  ...connectionsContract,
  ...containersContract,
  ...probesContract,
  ...envContract,
  ...logsContract,
  ...statusContract,
} satisfies ContractShape;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
