import { setMaxListeners } from 'node:events';
import type Docker from 'dockerode';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import type { ContainerGroup, ContainerHealth, ContainerSummary } from '../../../shared/schemas/container';
import { mapDockerError, type DockerContext } from './docker-errors';

/** Cancellation, timeout and detail level of one container listing. */
export interface ListContainersOptions {
  signal?: AbortSignal;
  /** Default 15 s: a wedged daemon must not leave the container list spinning. */
  timeoutMs?: number;
  /** Inspect running containers for exact start times (one request each); default false. */
  exactUptime?: boolean;
  /** Names Docker's location in error messages, e.g. "on root@host" (default "on the host"). */
  where?: string;
  now?: () => Date;
}

/** The slice of Docker's `GET /containers/json` Hangar relies on, validated: the daemon is a trust boundary. */
export const apiContainerSchema = z.object({
  Id: z.string(),
  Names: z.array(z.string()).default([]),
  Image: z.string(),
  State: z.string(),
  Status: z.string(),
  Created: z.number(),
  Labels: z.record(z.string(), z.string()).nullable().default({}),
  Ports: z
    .array(z.object({ PrivatePort: z.number(), PublicPort: z.number().optional(), IP: z.string().optional(), Type: z.string() }))
    .nullable()
    .default([]),
});
/** A row of Docker's container list after validation. */
export type ApiContainer = z.infer<typeof apiContainerSchema>;

const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
} as const;

/**
 * All containers (running or not) grouped by compose project, projects sorted by name and
 * loose containers last under `project: null`. Grouping uses compose's own labels, which v1
 * and v2 both set, so it works for any deployment tool built on compose.
 */
export async function listContainerGroups(docker: Docker, options: ListContainersOptions = {}): Promise<ContainerGroup[]> {
  const context: DockerContext = { where: options.where ?? 'on the host' };
  const raw = await withDockerTimeout(context, options, (abortSignal) => docker.listContainers({ all: true, abortSignal }));
  const parsed = z.array(apiContainerSchema).safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'DOCKER_ERROR',
      `Docker ${context.where} sent a container list Hangar does not understand (${parsed.error.issues[0]?.message}). Update Docker or report this.`,
    );
  }
  const now = (options.now ?? (() => new Date()))();
  const startTimes = options.exactUptime ? await inspectStartTimes(docker, parsed.data, context, options) : new Map<string, string>();
  return groupByProject(parsed.data, (c) => summarise(c, now, startTimes.get(c.Id)));
}

/** Runs one dockerode call with the caller's signal plus a timeout, aborting the HTTP request on either. */
export async function withDockerTimeout<T>(
  context: DockerContext,
  options: { signal?: AbortSignal; timeoutMs?: number },
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  try {
    return await call(controller.signal);
  } catch (error) {
    if (timedOut)
      throw new AppError(
        'TIMEOUT',
        `Docker ${context.where} did not answer within ${Math.round(timeoutMs / 1000)} s. Check that the daemon is healthy (docker info).`,
      );
    if (options.signal?.aborted) throw new AppError('CANCELLED', 'Listing containers was cancelled.');
    throw mapDockerError(error, context);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Pure: API rows → summaries. Exported for tests. */
export function summarise(c: ApiContainer, now: Date, startedAt?: string): ContainerSummary {
  const labels = c.Labels ?? {};
  const createdAt = new Date(c.Created * 1000).toISOString();
  const running = c.State === 'running' || c.State === 'restarting' || c.State === 'paused';
  const exactUptime = startedAt !== undefined && running ? Math.max(0, now.getTime() - Date.parse(startedAt)) : undefined;
  const approxUptime = exactUptime === undefined && running ? parseUptime(c.Status) : undefined;
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    ...(labels[LABEL.service] ? { service: labels[LABEL.service] } : {}),
    ...(labels[LABEL.project] ? { project: labels[LABEL.project] } : {}),
    image: c.Image,
    state: c.State,
    status: c.Status,
    health: parseHealth(c.Status),
    createdAt,
    ...(startedAt !== undefined && running ? { startedAt } : {}),
    ...(exactUptime !== undefined ? { uptimeMs: exactUptime } : {}),
    ...(approxUptime !== undefined ? { uptimeMs: approxUptime, uptimeApproximate: true } : {}),
    ports: (c.Ports ?? []).map((p) => ({
      privatePort: p.PrivatePort,
      ...(p.PublicPort !== undefined ? { publicPort: p.PublicPort } : {}),
      ...(p.IP ? { ip: p.IP } : {}),
      type: p.Type,
    })),
  };
}

/** Docker appends "(healthy)", "(unhealthy)" or "(health: starting)" to Status when a healthcheck exists. */
export function parseHealth(status: string): ContainerHealth {
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(health: starting\)/.test(status)) return 'starting';
  return 'none';
}

/** Reads Docker's human uptime ("Up 5 minutes", "Up About an hour", "Up Less than a second"). */
export function parseUptime(status: string): number | undefined {
  const match = /^Up (Less than a second|About an? (\w+)|(\d+) (\w+?)s?)\b/.exec(status);
  if (!match) return undefined;
  if (match[1] === 'Less than a second') return 0;
  const unit = match[2] ?? match[4] ?? '';
  const count = match[3] !== undefined ? Number(match[3]) : 1;
  const ms: Record<string, number> = { second: 1e3, minute: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8, month: 2.592e9, year: 3.1536e10 };
  const factor = ms[unit];
  return factor === undefined ? undefined : count * factor;
}

/** Pure: groups rows by compose project; the first container naming a working dir / config files describes the project. */
export function groupByProject(rows: ApiContainer[], toSummary: (row: ApiContainer) => ContainerSummary): ContainerGroup[] {
  const groups = new Map<string | null, ContainerGroup>();
  for (const row of rows) {
    const labels = row.Labels ?? {};
    const project = labels[LABEL.project] ?? null;
    const group = groups.get(project) ?? { project, containers: [] };
    const workingDir = labels[LABEL.workingDir];
    const configFiles = labels[LABEL.configFiles];
    if (project !== null && group.workingDir === undefined && workingDir) group.workingDir = workingDir;
    if (project !== null && group.configFiles === undefined && configFiles)
      group.configFiles = configFiles
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
    group.containers.push(toSummary(row));
    groups.set(project, group);
  }
  for (const group of groups.values()) group.containers.sort((x, y) => (x.service ?? x.name).localeCompare(y.service ?? y.name));
  return [...groups.values()].sort((a, b) => (a.project === null ? 1 : b.project === null ? -1 : a.project.localeCompare(b.project)));
}

async function inspectStartTimes(
  docker: Docker,
  containers: ApiContainer[],
  context: DockerContext,
  options: ListContainersOptions,
): Promise<Map<string, string>> {
  const running = containers.filter((c) => c.State === 'running');
  // One listener on the caller's signal for the whole fan-out (a project has a dozen containers).
  const batch = new AbortController();
  const onAbort = (): void => batch.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) batch.abort();
  const batchOptions = { ...options, signal: batch.signal };
  setMaxListeners(INSPECT_CONCURRENCY + 10, batch.signal);
  const startTimes = new Map<string, string>();
  // A few at a time, below the SSH agent's 6 pooled channels: a burst of a dozen inspects made the
  // agent open more channels than its cap (they open asynchronously) and stall later requests.
  const queue = [...running];
  const worker = async (): Promise<void> => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      const id = c.Id;
      await withDockerTimeout(context, batchOptions, (abortSignal) => docker.getContainer(id).inspect({ abortSignal })).then(
        (info) => startTimes.set(id, info.State.StartedAt),
        () => undefined, // removed between list and inspect: keep the approximate uptime
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(INSPECT_CONCURRENCY, running.length) }, worker));
  options.signal?.removeEventListener('abort', onAbort);
  return startTimes;
}

/** Inspects in flight at once when listing with exact uptimes. */
const INSPECT_CONCURRENCY = 4;
