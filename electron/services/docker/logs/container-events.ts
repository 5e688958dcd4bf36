import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { dockerEventSchema } from '../change-gate';
import { mapDockerError, type DockerContext } from '../docker-errors';

/** What a stopped container did next. */
export type ContainerLifecycleEvent = 'start' | 'destroy';

/** A subscription to one container's `start`/`destroy` events. */
export interface ContainerEventWatch {
  /** Resolves with the next event (rejects when the watch fails or is aborted). */
  next(): Promise<ContainerLifecycleEvent>;
  close(): void;
}

const MAX_EVENT_LINE = 64 * 1024;

/**
 * Subscribes to Docker's event stream filtered to one container's `start` and `destroy` — the
 * re-attach trigger (ARCHITECTURE "Streams": no polling loop). Open it *before* inspecting the
 * container, so a restart that happens between the inspect and the subscription is not missed.
 * Resolves once the daemon accepted the subscription.
 */
export async function watchContainerEvents(docker: Docker, containerId: string, context: DockerContext, signal: AbortSignal): Promise<ContainerEventWatch> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  let response: IncomingMessage;
  try {
    response = (await docker.getEvents({
      filters: { container: [containerId], type: ['container'], event: ['start', 'destroy'] },
      abortSignal: controller.signal,
    })) as IncomingMessage;
  } catch (error) {
    signal.removeEventListener('abort', abort);
    throw mapDockerError(error, context);
  }
  const queue: ContainerLifecycleEvent[] = [];
  let waiting: { resolve: (e: ContainerLifecycleEvent) => void; reject: (e: unknown) => void } | undefined;
  let failure: unknown;
  let pending = '';
  const deliver = (event: ContainerLifecycleEvent): void => {
    if (waiting === undefined) queue.push(event);
    else waiting.resolve(event);
    waiting = undefined;
  };
  const fail = (error: unknown): void => {
    failure ??= error;
    waiting?.reject(failure);
    waiting = undefined;
  };
  response.setEncoding('utf8');
  response.on('data', (text: string) => {
    pending = (pending + text).slice(-MAX_EVENT_LINE);
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const action = parseAction(line);
      if (action === 'start' || action === 'destroy') deliver(action);
    }
  });
  response.on('error', (error) => fail(signal.aborted ? new Error('cancelled') : mapDockerError(error, context)));
  const closed = (): void => fail(signal.aborted ? new Error('cancelled') : new Error(`Docker ${context.where} closed its event stream.`));
  response.on('end', closed);
  response.on('close', closed); // destroyed without 'end' or 'error': a waiting next() must still settle
  const close = (): void => {
    fail(new Error('The event watch was closed.'));
    signal.removeEventListener('abort', abort);
    controller.abort();
    response.destroy();
  };
  return {
    next: () =>
      new Promise<ContainerLifecycleEvent>((resolve, reject) => {
        const queued = queue.shift();
        if (queued !== undefined) resolve(queued);
        else if (failure !== undefined) reject(failure);
        else waiting = { resolve, reject };
      }),
    close,
  };
}

function parseAction(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = dockerEventSchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data.Action ?? parsed.data.status) : undefined;
  } catch {
    return undefined;
  }
}
