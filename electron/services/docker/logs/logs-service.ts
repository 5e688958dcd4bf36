import type { LogsEvent, LogsTailInput } from '../../../../shared/schemas/logs';
import type { ConnectionManager } from '../../connections/connection-manager';
import { tailLogs } from './tail-logs';

/** Log streams of a host's containers, for the router (`logs.tail`) and the CLI (`hangar logs`). */
export interface LogsService {
  /** The `logs.tail` stream; ends when every container has ended, throws AppError on failure. */
  tail(input: LogsTailInput, signal: AbortSignal): AsyncIterable<LogsEvent>;
}

/**
 * Resolves the host's Docker through the connection manager (connecting first when needed, so the
 * CLI and a refreshed window work alike) and streams with `tailLogs`. The connection is borrowed,
 * not owned: the subscription's end releases only its own HTTP streams.
 */
export function createLogsService(deps: { connections: Pick<ConnectionManager, 'docker'> }): LogsService {
  return {
    async *tail(input, signal) {
      const { docker, streaming, where } = await deps.connections.docker(input.hostId, signal);
      yield* tailLogs(docker, input, { signal, where, streaming });
    },
  };
}
