import Docker from 'dockerode';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';

const versionSchema = z.object({ Version: z.string(), ApiVersion: z.string().optional() });

/**
 * Fails fast, with the next step spelled out, when no Docker Engine answers on the local socket.
 * The lab cannot run without one, and in CI a missing lab must be a failure rather than a skip,
 * so every lab entry point calls this first.
 */
export async function assertDockerEngine(opts: { timeoutMs?: number } = {}): Promise<{ version: string }> {
  const socketPath = process.env.DOCKER_HOST?.startsWith('unix://')
    ? process.env.DOCKER_HOST.slice('unix://'.length)
    : '/var/run/docker.sock';
  const docker = new Docker({ socketPath, timeout: opts.timeoutMs ?? 5000 });
  let raw: unknown;
  try {
    raw = await docker.version();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const denied = /EACCES|permission denied/i.test(reason);
    throw new AppError(
      denied ? 'DOCKER_PERMISSION_DENIED' : 'DOCKER_NOT_FOUND',
      denied
        ? `The Docker socket ${socketPath} refused this user. Run the lab as root or add the user to the docker group.`
        : `No Docker Engine answers on ${socketPath}. Start it (e.g. \`dockerd >/tmp/dockerd.log 2>&1 &\`) and try again.`,
      { socketPath, reason },
      { cause: error },
    );
  }
  const parsed = versionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('DOCKER_ERROR', `The Docker Engine on ${socketPath} sent an unexpected version reply.`, {
      socketPath,
    });
  }
  return { version: parsed.data.Version };
}
