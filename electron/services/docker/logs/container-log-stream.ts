import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { AppError } from '../../../../shared/ipc/errors';
import type { LogLine } from '../../../../shared/schemas/logs';
import { mapDockerError, type DockerContext } from '../docker-errors';
import type { LogTarget } from './container-target';
import { createLogDecoder } from './log-decoder';

/** One `GET /containers/{id}/logs` request. Times are Docker's `<seconds>.<nanoseconds>` form. */
export interface LogRequest {
  follow: boolean;
  since?: string;
  until?: string;
  /** Last N lines; omitted = all. */
  tail?: number;
}

/**
 * Reads one container's log response as batches of finished lines (one batch per network chunk).
 * The request carries `signal` (dockerode's `abortSignal`), and leaving the loop early or aborting
 * destroys the response, so a cancelled subscription leaves no socket or SSH channel behind. A
 * daemon that does not answer within `openTimeoutMs` is a TIMEOUT, never a silent hang.
 * Ends normally when Docker ends the response (non-follow: backlog done; follow: the container stopped).
 */
export async function* readContainerLogs(
  docker: Docker,
  target: LogTarget,
  request: LogRequest,
  context: DockerContext,
  signal: AbortSignal,
  openTimeoutMs = 15_000,
): AsyncGenerator<LogLine[]> {
  // One controller for the request's whole life: the caller's signal, or the open timeout.
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  if (signal.aborted) controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, openTimeoutMs);
  let response: IncomingMessage | undefined;
  try {
    response = await openLogs(docker, target, request, context, controller.signal).catch((error: unknown) => {
      if (timedOut)
        throw new AppError('TIMEOUT', `Docker ${context.where} did not start sending the logs of ${target.container} within ${openTimeoutMs / 1000} s. Check that the daemon is healthy (docker info).`);
      throw error;
    });
    clearTimeout(timer);
    const decoder = createLogDecoder(target, { tty: target.tty });
    for await (const chunk of response as AsyncIterable<Uint8Array>) {
      const lines = decoder.push(chunk);
      if (lines.length > 0) yield lines;
    }
    const last = decoder.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (signal.aborted) throw new AppError('CANCELLED', 'The log stream was cancelled.');
    throw mapDockerError(error, context);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
    controller.abort();
    response?.destroy();
  }
}

function openLogs(docker: Docker, target: LogTarget, request: LogRequest, context: DockerContext, signal: AbortSignal): Promise<IncomingMessage> {
  const query: Record<string, string | number | boolean> = { stdout: true, stderr: true, timestamps: true, follow: request.follow };
  if (request.since !== undefined) query.since = request.since;
  if (request.until !== undefined) query.until = request.until;
  query.tail = request.tail === undefined ? 'all' : request.tail;
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(target.containerId)}/logs?`,
        method: 'GET',
        options: query,
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error', 501: 'logging driver does not support reading' },
      },
      (error, result) => {
        if (error !== null) {
          const status = (error as { statusCode?: unknown }).statusCode;
          if (status === 404) reject(new AppError('NOT_FOUND', `Container ${target.container} no longer exists ${context.where}.`, { container: target.container }));
          else if (status === 501)
            reject(new AppError('DOCKER_ERROR', `Container ${target.container} ${context.where} logs to a driver Docker cannot read back (e.g. syslog): read its logs where that driver sends them.`, { container: target.container }));
          else reject(signal.aborted ? new AppError('CANCELLED', 'The log stream was cancelled.') : mapDockerError(error, context));
          return;
        }
        resolve(result as IncomingMessage);
      },
    );
  });
}
