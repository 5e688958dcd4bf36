import { docker } from '../lab/docker-cli';
import { assertDockerEngine } from '../lab/docker-check';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../lab/image-build';

/** A compose-labelled project of real containers on the lab's Docker Engine. */
export interface SliceProject {
  name: string;
  workingDir: string;
  /** Container name → compose service. */
  containers: Record<string, string>;
  /** Containers that run a healthcheck which passes (they turn "healthy" within seconds). */
  healthy: string[];
  /** Containers that ran and exited 0, like Plane's migrator. */
  exited: string[];
  /** A container outside any compose project (it lands in the "standalone" group). */
  standalone: string;
}

/** Marks every container the harness starts, so teardown removes exactly those. */
const RUN_LABEL = 'dev.hangar.e2e.project';

/** Plane's services by name and role; images are tags of the lab's base image. */
const services: { service: string; image: string; health?: true; exits?: true }[] = [
  { service: 'web', image: 'plane-frontend:v1.3.1' },
  { service: 'space', image: 'plane-space:v1.3.1' },
  { service: 'admin', image: 'plane-admin:v1.3.1' },
  { service: 'live', image: 'plane-live:v1.3.1' },
  { service: 'api', image: 'plane-backend:v1.3.1', health: true },
  { service: 'worker', image: 'plane-backend:v1.3.1' },
  { service: 'beat-worker', image: 'plane-backend:v1.3.1' },
  { service: 'migrator', image: 'plane-backend:v1.3.1', exits: true },
  { service: 'plane-db', image: 'postgres:15.7-alpine', health: true },
  { service: 'plane-redis', image: 'valkey:7.2.11-alpine' },
  { service: 'proxy', image: 'plane-proxy:v1.3.1' },
];

/**
 * Starts a project shaped like a Plane deployment (long-running services, a migrator that exited,
 * healthchecks on api and db) labelled exactly as Docker Compose labels one, plus a container
 * outside any project. Images hold no binaries: the host's /usr is mounted read-only, so `sleep`
 * exists inside. Containers left by a crashed earlier run of the same name are removed first.
 */
export async function startSliceProject(name: string): Promise<SliceProject> {
  await assertDockerEngine();
  await removeSliceProject(name);
  const base = await ensureImage(baseImageSpec());
  const workingDir = `/opt/${name}`;
  const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
  const project: SliceProject = { name, workingDir, containers: {}, healthy: [], exited: [], standalone: `${name}-portainer` };
  for (const spec of services) {
    const image = `hangar-e2e/${spec.image}`;
    await docker(['tag', base.ref, image], { timeoutMs: 30_000 });
    const container = `${name}-${spec.service}-1`;
    const labels = {
      'com.docker.compose.project': name,
      'com.docker.compose.service': spec.service,
      'com.docker.compose.project.working_dir': workingDir,
      'com.docker.compose.project.config_files': `${workingDir}/docker-compose.yml`,
      'com.docker.compose.container-number': '1',
      [RUN_LABEL]: name,
    };
    const health = spec.health ? ['--health-cmd', 'true', '--health-interval', '1s', '--health-start-period', '0s'] : [];
    const command = spec.exits ? ['true'] : ['sleep', '3600'];
    await docker(['run', '-d', '--name', container, ...labelArgs(labels), ...mounts, ...health, image, ...command], { timeoutMs: 60_000 });
    project.containers[container] = spec.service;
    if (spec.health) project.healthy.push(container);
    if (spec.exits) project.exited.push(container);
  }
  const standaloneImage = 'hangar-e2e/portainer-ce:2.21.0';
  await docker(['tag', base.ref, standaloneImage], { timeoutMs: 30_000 });
  await docker(
    ['run', '-d', '--name', project.standalone, ...labelArgs({ [RUN_LABEL]: name }), ...mounts, standaloneImage, 'sleep', '3600'],
    {
      timeoutMs: 60_000,
    },
  );
  return project;
}

/** Removes every container the harness started for this project (by its run label). */
export async function removeSliceProject(name: string): Promise<void> {
  const { stdout } = await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${name}`], { timeoutMs: 30_000 });
  const ids = stdout.split(/\s+/).filter((id) => id !== '');
  if (ids.length > 0) await docker(['rm', '-f', ...ids], { timeoutMs: 60_000, allowFailure: true });
}

function labelArgs(labels: Record<string, string>): string[] {
  return Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
}

/**
 * Writes lines into a running container's own log, as if its main process printed them: `docker
 * exec` writes to PID 1's stdout (or stderr), which is the pipe `docker logs` reads. One exec per
 * call, so lines of one call keep their order and calls made one after another are in time order
 * across containers. The slice containers run `sleep` as PID 1, so their logs hold nothing else.
 */
export async function printToLogs(container: string, lines: readonly string[], options: { stderr?: boolean } = {}): Promise<void> {
  const fd = options.stderr ? 2 : 1;
  await docker(['exec', container, 'sh', '-c', `for line in "$@"; do printf '%s\\n' "$line"; done > /proc/1/fd/${fd}`, 'sh', ...lines], {
    timeoutMs: 30_000,
  });
}
