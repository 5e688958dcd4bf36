import type Docker from 'dockerode';
import { z } from 'zod';
import { AppError } from '../../../../shared/ipc/errors';
import { withDockerTimeout } from '../containers';
import type { DockerContext } from '../docker-errors';
import type { LogSource } from './log-decoder';

/** A container whose logs are read: who it is, whether Docker multiplexes its output, and its state. */
export interface LogTarget extends LogSource {
  tty: boolean;
}

/** What `GET /containers/{id}/json` must contain for logs; the daemon is a trust boundary. */
const inspectSchema = z.object({
  Id: z.string().min(1),
  Name: z.string().default(''),
  Config: z.object({ Tty: z.boolean().default(false), Labels: z.record(z.string(), z.string()).nullable().default({}) }).default({ Tty: false, Labels: {} }),
  State: z.object({
    Status: z.string().default(''),
    Running: z.boolean().default(false),
    Restarting: z.boolean().default(false),
    StartedAt: z.string().default(''),
  }),
});

/** The live state of a container, or `removed`. */
export type ContainerLiveState = { removed: true } | { removed: false; running: boolean; restarting: boolean; startedAt: string; target: LogTarget };

/**
 * Inspects a container by id or name. A missing one is NOT_FOUND with a sentence naming it (the
 * user typed or picked that name); other failures go through `mapDockerError`.
 */
export async function inspectForLogs(docker: Docker, idOrName: string, context: DockerContext, signal?: AbortSignal): Promise<ContainerLiveState> {
  let raw: unknown;
  try {
    raw = await withDockerTimeout(context, { signal, timeoutMs: 15_000 }, (abortSignal) => docker.getContainer(idOrName).inspect({ abortSignal }));
  } catch (error) {
    if (error instanceof AppError && error.details?.statusCode === 404) return { removed: true };
    throw error;
  }
  const parsed = inspectSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('DOCKER_ERROR', `Docker ${context.where} described container ${idOrName} in a form Hangar does not understand (${parsed.error.issues[0]?.message}).`);
  const info = parsed.data;
  const service = info.Config.Labels?.['com.docker.compose.service'];
  const target: LogTarget = {
    containerId: info.Id,
    container: info.Name.replace(/^\//, '') || info.Id.slice(0, 12),
    ...(service !== undefined ? { service } : {}),
    tty: info.Config.Tty,
  };
  return { removed: false, running: info.State.Running, restarting: info.State.Restarting, startedAt: info.State.StartedAt, target };
}

/**
 * The containers a subscription names, resolved in parallel and de-duplicated (an id and the same
 * container's name count once). Fails as a whole when one is missing: the user must fix the list.
 */
export async function resolveLogTargets(docker: Docker, idsOrNames: readonly string[], context: DockerContext, signal?: AbortSignal): Promise<LogTarget[]> {
  const states = await Promise.all(idsOrNames.map((name) => inspectForLogs(docker, name, context, signal)));
  const targets = new Map<string, LogTarget>();
  states.forEach((state, i) => {
    if (state.removed) {
      const name = idsOrNames[i] ?? '';
      throw new AppError('NOT_FOUND', `There is no container "${name}" ${context.where}. It may have been removed or renamed: pick it again from the container list.`, {
        container: name,
      });
    }
    if (!targets.has(state.target.containerId)) targets.set(state.target.containerId, state.target);
  });
  return [...targets.values()];
}
