import { AppError } from '../../../shared/ipc/errors';

/** Where Docker was being reached, for the sentence: "on this computer" or "on user@host". */
export interface DockerContext {
  where: string;
}

/**
 * Maps socket errors, Docker API errors and `docker` CLI stderr to the codes the UI explains.
 * The stderr patterns are the Docker CLI's own wording (stable across 20.x–28.x).
 */
export function mapDockerError(error: unknown, context: DockerContext): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: unknown; statusCode?: unknown; message?: unknown; json?: unknown; reason?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const text = typeof e.message === 'string' ? e.message : String(error);
  if (error instanceof Error && error.name === 'AbortError') return new AppError('CANCELLED', 'The Docker request was cancelled.');
  if (code === 'ENOENT' || code === 'ECONNREFUSED') return dockerNotFound(context, text);
  if (code === 'EACCES' || code === 'EPERM') return dockerPermissionDenied(context, text);
  if (typeof e.statusCode === 'number') {
    const apiMessage = extractApiMessage(e.json) ?? text;
    return new AppError(
      'DOCKER_ERROR',
      `Docker ${context.where} answered ${e.statusCode}: ${apiMessage}. Check the Docker daemon's log if this persists.`,
      { statusCode: e.statusCode, where: context.where },
    );
  }
  return (
    fromDockerCliStderr(text, context) ??
    new AppError('DOCKER_ERROR', `Talking to Docker ${context.where} failed: ${text}. Try again.`, { where: context.where, reason: text })
  );
}

/** Recognises the Docker CLI's error output (from `docker system dial-stdio` or `docker ps`). */
export function fromDockerCliStderr(stderr: string, context: DockerContext): AppError | undefined {
  if (/command not found|not found.*docker|docker: not found|No such file or directory/i.test(stderr) && !/daemon/i.test(stderr))
    return dockerNotFound(context, stderr);
  if (/permission denied/i.test(stderr)) return dockerPermissionDenied(context, stderr);
  if (
    /Cannot connect to the Docker daemon|Is the docker daemon running|connect: connection refused|no such file or directory/i.test(stderr)
  )
    return dockerNotFound(context, stderr);
  return undefined;
}

/** DOCKER_NOT_FOUND: no docker binary, no socket, or the daemon is down — the fix is the same. */
export function dockerNotFound(context: DockerContext, reason: string): AppError {
  return new AppError(
    'DOCKER_NOT_FOUND',
    `Docker is not installed or not running ${context.where}. Install Docker Engine or start it (sudo systemctl start docker), then retry.`,
    { where: context.where, reason: reason.trim().slice(0, 500) },
  );
}

/** DOCKER_PERMISSION_DENIED: the login user may not open the socket. */
export function dockerPermissionDenied(context: DockerContext, reason: string): AppError {
  return new AppError(
    'DOCKER_PERMISSION_DENIED',
    `Your user may not use the Docker socket ${context.where}. Add it to the "docker" group (sudo usermod -aG docker $USER), log in again, then retry.`,
    { where: context.where, reason: reason.trim().slice(0, 500) },
  );
}

function extractApiMessage(json: unknown): string | undefined {
  if (json && typeof json === 'object' && 'message' in json && typeof (json as { message: unknown }).message === 'string')
    return (json as { message: string }).message;
  return undefined;
}
