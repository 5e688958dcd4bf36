import { AppError } from '../../../shared/ipc/errors';
import type { DeploymentService } from '../../../shared/schemas/deployment';
import type { EnvApplyEvent } from '../../../shared/schemas/env-edit';
import { detectComposeTool, upCommand } from '../deployment/compose-command';
import { findDeployment } from '../deployment/discover-deployments';
import type { HostAccess } from '../deployment/host-access';
import { composeServices, dependencyOrder } from './recreate-plan';

/** Cancellation and time limits of one apply. */
export interface ApplyOptions {
  readonly signal?: AbortSignal | undefined;
  /** How long to wait for the recreated containers to settle (default 30 s). */
  readonly settleMs?: number;
  /** Compose run timeout (default 10 min). */
  readonly timeoutMs?: number;
}

/**
 * Recreates `services` of a deployment so a saved env change reaches them: `up -d --no-deps`
 * with the project's own `-p`/`-f`/`--env-file`, services listed dependencies first, output
 * streamed line by line; then waits until each recreated service runs (or a one-shot like the
 * migrator exited 0) and reports the states. A non-zero exit or a service that does not come
 * up ends with `ok: false` and says which, rather than throwing, so the UI keeps the output.
 */
export async function* applyServices(host: HostAccess, project: string, services: readonly string[], options: ApplyOptions = {}): AsyncGenerator<EnvApplyEvent> {
  const { deployment, composeTexts } = await findDeployment(host, project, options.signal);
  const compose = composeTexts.length > 0 ? composeServices(composeTexts) : undefined;
  const known = new Set([...(compose?.order ?? []), ...deployment.services.map((s) => s.service)]);
  const unknown = services.filter((s) => !known.has(s));
  if (unknown.length > 0) throw new AppError('INVALID_INPUT', `${deployment.project} has no service ${unknown.join(', ')}. Its services are: ${[...known].join(', ')}.`, { unknown });
  const ordered = dependencyOrder(services, compose);
  const tool = await detectComposeTool(host.commands, options.signal);
  const argv = upCommand({ tool, deployment, services: ordered, compatibility: composeTexts.some((t) => /^\s+deploy:/m.test(t)) });
  yield { type: 'start', tool, argv };

  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let finished: { code: number | null } | undefined;
  let failed: unknown;
  const run = host.commands
    .stream(argv, (line) => {
      queue.push(line);
      wake?.();
    }, { cwd: deployment.workingDir || undefined, signal: options.signal, timeoutMs: options.timeoutMs })
    .then((r) => (finished = r), (e: unknown) => (failed = e ?? new Error('compose failed')))
    .finally(() => wake?.());
  while (finished === undefined && failed === undefined) {
    if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    while (queue.length > 0) yield { type: 'line', line: queue.shift() as string };
  }
  await run;
  while (queue.length > 0) yield { type: 'line', line: queue.shift() as string };
  if (failed !== undefined) throw failed;
  const exitCode = finished?.code ?? null;
  const states = await settle(host, project, ordered, exitCode === 0 ? options.settleMs ?? 30_000 : 0, options.signal);
  const down = states.filter((s) => !isUp(s));
  const ok = exitCode === 0 && down.length === 0;
  yield {
    type: 'done',
    exitCode,
    ok,
    services: states,
    message: ok
      ? `Recreated ${ordered.join(', ')}; all are up.`
      : exitCode !== 0
        ? `${tool} exited with code ${exitCode ?? 'unknown'}; read its output above. Nothing else was changed.`
        : `${down.map((s) => s.service).join(', ')} did not come up. Open their logs to see why; History can restore the previous env file.`,
  };
}

/** Polls the services' containers until every one is up twice in a row or `ms` passes; returns the last states. */
async function settle(host: HostAccess, project: string, services: readonly string[], ms: number, signal?: AbortSignal): Promise<DeploymentService[]> {
  const deadline = Date.now() + ms;
  let upInARow = 0;
  for (;;) {
    const { deployment } = await findDeployment(host, project, signal);
    const states = services.map((service) => deployment.services.find((s) => s.service === service) ?? { service, containers: [] });
    upInARow = states.every(isUp) ? upInARow + 1 : 0;
    // Two polls a second apart: a container that crashes right after starting is not "up".
    if (upInARow >= 2 || Date.now() >= deadline || signal?.aborted === true) return states;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Running (and not unhealthy), or a one-shot that exited 0 (the migrator). */
function isUp(service: DeploymentService): boolean {
  return service.containers.length > 0 && service.containers.every((c) => (c.state === 'running' && c.health !== 'unhealthy' && c.health !== 'starting') || (c.state === 'exited' && /^Exited \(0\)/.test(c.status)));
}
