import { AppError } from '../../../shared/ipc/errors';
import type { Deployment } from '../../../shared/schemas/deployment';
import type { CommandRunner } from './command-runner';

/** The compose the server has: the v2 plugin (`docker compose`) or the v1 binary (`docker-compose`). */
export type ComposeTool = 'docker compose' | 'docker-compose';

/**
 * Asks the server which compose it has, v2 first (what setup.sh and Dokploy use), then v1
 * (still the only one some distributions package). COMPOSE_NOT_FOUND names both.
 */
export async function detectComposeTool(commands: CommandRunner, signal?: AbortSignal): Promise<ComposeTool> {
  const v2 = await commands.run(['docker', 'compose', 'version'], { signal, timeoutMs: 15_000 }).catch(() => undefined);
  if (v2?.code === 0) return 'docker compose';
  const v1 = await commands.run(['docker-compose', 'version'], { signal, timeoutMs: 15_000 }).catch(() => undefined);
  if (v1?.code === 0) return 'docker-compose';
  throw new AppError('COMPOSE_NOT_FOUND', 'Neither "docker compose" nor "docker-compose" works on this host, so Hangar cannot recreate the services. Install the Docker Compose plugin (docker-compose-plugin) and try again.');
}

/** What `upCommand` needs to reproduce how the deployment was started. */
export interface UpCommandInput {
  readonly tool: ComposeTool;
  readonly deployment: Pick<Deployment, 'project' | 'composeFiles' | 'envFiles'>;
  /** Services in the order they should come up (dependencies first). */
  readonly services: readonly string[];
  /** v1 only: the compose files use `deploy:` (Plane's do), which v1 honours only with --compatibility. */
  readonly compatibility: boolean;
}

/**
 * `up -d --no-deps <services>` for exactly this project, the way it was started: the same
 * `-p`, `-f` files in order and `--env-file`, so compose computes the same configuration and
 * recreates only what changed. `--no-deps` keeps Postgres and friends untouched.
 */
export function upCommand(input: UpCommandInput): string[] {
  const interpolation = input.deployment.envFiles.find((f) => f.interpolation);
  const project = ['-p', input.deployment.project, ...input.deployment.composeFiles.flatMap((f) => ['-f', f]), ...(interpolation ? ['--env-file', interpolation.path] : [])];
  const up = ['up', '-d', '--no-deps', ...input.services];
  return input.tool === 'docker compose'
    ? ['docker', 'compose', '--ansi', 'never', ...project, ...up]
    : ['docker-compose', '--ansi', 'never', ...(input.compatibility ? ['--compatibility'] : []), ...project, ...up];
}
