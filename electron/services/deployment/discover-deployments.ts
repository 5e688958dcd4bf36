import { posix } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { readComposeFile } from '../../../shared/plane/env/compose-model';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../shared/plane/env/resolve-env-file';
import type { ContainerHealth } from '../../../shared/schemas/container';
import type { Deployment, DeploymentService, EnvFileRef, EnvFileRole } from '../../../shared/schemas/deployment';
import { apiContainerSchema, withDockerTimeout, type ApiContainer } from '../docker/containers';
import { detectLayout, dokployAppOf, dokployEditHint, isPlaneProject, splitEnvFileNames } from './detect-layout';
import type { HostAccess } from './host-access';

const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
} as const;

/** A deployment plus the compose texts read while discovering it (the env service reuses them). */
export interface DiscoveredDeployment {
  readonly deployment: Deployment;
  /** Text of each compose file that could be read, in `-f` order. */
  readonly composeTexts: readonly string[];
}

/**
 * Every Plane deployment on the host, found from the labels compose v1 and v2 put on containers
 * (running or not), so a crashed stack is still found. Non-Plane projects are skipped.
 */
export async function discoverDeployments(host: HostAccess, signal?: AbortSignal): Promise<DiscoveredDeployment[]> {
  const raw = await withDockerTimeout({ where: host.docker.where }, { signal }, (abortSignal) => host.docker.docker.listContainers({ all: true, abortSignal }));
  const parsed = z.array(apiContainerSchema).safeParse(raw);
  if (!parsed.success) throw new AppError('DOCKER_ERROR', `Docker ${host.docker.where} sent a container list Hangar does not understand. Update Docker or report this.`);
  const byProject = new Map<string, ApiContainer[]>();
  for (const c of parsed.data) {
    const project = c.Labels?.[LABEL.project];
    if (project === undefined) continue;
    byProject.set(project, [...(byProject.get(project) ?? []), c]);
  }
  const out: DiscoveredDeployment[] = [];
  for (const [project, containers] of [...byProject].sort(([a], [b]) => a.localeCompare(b))) {
    const services = [...new Set(containers.map((c) => c.Labels?.[LABEL.service] ?? ''))].filter((s) => s !== '');
    if (!isPlaneProject(services, containers.map((c) => c.Image))) continue;
    out.push(await describe(host, project, containers, signal));
  }
  return out;
}

/** One deployment by compose project name; NOT_FOUND with the names that exist otherwise. */
export async function findDeployment(host: HostAccess, project: string, signal?: AbortSignal): Promise<DiscoveredDeployment> {
  const all = await discoverDeployments(host, signal);
  const found = all.find((d) => d.deployment.project === project);
  if (found !== undefined) return found;
  const names = all.map((d) => d.deployment.project);
  throw new AppError('NOT_FOUND', `No Plane deployment "${project}" ${host.docker.where}. ${names.length > 0 ? `Found: ${names.join(', ')}.` : 'No Plane containers exist there; start the deployment first.'}`, { project, found: names });
}

async function describe(host: HostAccess, project: string, containers: ApiContainer[], signal?: AbortSignal): Promise<DiscoveredDeployment> {
  const labels = containers[0]?.Labels ?? {};
  const workingDir = labels[LABEL.workingDir] ?? '';
  const absolute = (p: string) => (posix.isAbsolute(p) ? posix.normalize(p) : posix.join(workingDir, p));
  const composeFiles = splitList(labels[LABEL.configFiles]).map(absolute);
  const composeTexts: string[] = [];
  for (const file of composeFiles) {
    const text = await host.files.read(file, { signal }).then((f) => f.text, () => undefined);
    if (text !== undefined) composeTexts.push(text);
  }
  const usedBy = new Map<string, string[]>();
  for (const text of composeTexts) {
    for (const service of readComposeFile(text).services.values()) {
      for (const file of service.envFiles) usedBy.set(absolute(file), [...(usedBy.get(absolute(file)) ?? []), service.name]);
    }
  }
  const present = workingDir === '' ? [] : await host.files.list(workingDir, { signal }).then((entries) => entries.filter((e) => e.isFile).map((e) => e.name), () => []);
  // An env_file the compose names but the disk lacks is not offered for editing (compose itself would fail on it).
  for (const path of [...usedBy.keys()]) if (!(await host.files.exists(path, { signal }).catch(() => false))) usedBy.delete(path);
  const services = groupServices(containers);
  const layout = detectLayout({ workingDir, services: services.map((s) => s.service), envFileNames: present, composeEnvFiles: [...usedBy.keys()] });
  const envFiles = envFileRefs({ workingDir, present, usedBy, labelled: splitList(labels[LABEL.environmentFile]).map(absolute) });
  const app = dokployAppOf(workingDir);
  const version = await detectVersion(host, envFiles, containers, signal);
  const deployment: Deployment = {
    project,
    layout,
    workingDir,
    composeFiles,
    envFiles,
    ...version,
    dokployManaged: app !== undefined,
    ...(app !== undefined ? { editElsewhere: dokployEditHint(app, envFiles.map((f) => f.name).join(', ') || '.env') } : {}),
    services,
  };
  return { deployment, composeTexts };
}

function envFileRefs(a: { workingDir: string; present: string[]; usedBy: Map<string, string[]>; labelled: string[] }): EnvFileRef[] {
  const refs = new Map<string, EnvFileRef>();
  const nameOf = (path: string) => (path.startsWith(`${a.workingDir}/`) ? path.slice(a.workingDir.length + 1) : path);
  const add = (path: string, role: EnvFileRole, interpolation: boolean) => {
    const existing = refs.get(path);
    refs.set(path, { name: nameOf(path), path, role: existing?.role ?? role, interpolation: interpolation || existing?.interpolation === true, usedBy: a.usedBy.get(path) ?? [] });
  };
  // The interpolation file: compose v2 records it; v1 does not, so follow setup.sh's plane.env, then compose's default .env.
  const interpolation = a.labelled[0] ?? (a.present.includes('plane.env') ? posix.join(a.workingDir, 'plane.env') : a.present.includes('.env') ? posix.join(a.workingDir, '.env') : undefined);
  if (interpolation !== undefined) add(interpolation, 'env', true);
  for (const name of splitEnvFileNames) {
    if (a.present.includes(name)) add(posix.join(a.workingDir, name), name.slice('.env.'.length) as EnvFileRole, false);
  }
  for (const path of a.usedBy.keys()) {
    const base = posix.basename(path);
    add(path, splitEnvFileNames.includes(base) ? (base.slice('.env.'.length) as EnvFileRole) : 'env', false);
  }
  return [...refs.values()];
}

async function detectVersion(host: HostAccess, envFiles: EnvFileRef[], containers: ApiContainer[], signal?: AbortSignal): Promise<Pick<Deployment, 'version' | 'versionSource'>> {
  const source = envFiles.find((f) => f.interpolation);
  if (source !== undefined) {
    const text = await host.files.read(source.path, { signal }).then((f) => f.text, () => '');
    const release = resolveEnvFile(parseEnvFile(text)).values.get('APP_RELEASE');
    if (release !== undefined && /^v?\d+\.\d+\.\d+$/.test(release)) return { version: release, versionSource: 'APP_RELEASE' };
  }
  for (const c of containers) {
    const tag = /plane-(backend|frontend|live|proxy)[^:]*:(v?\d+\.\d+\.\d+)$/.exec(c.Image)?.[2];
    if (tag !== undefined) return { version: tag, versionSource: 'image' };
  }
  return {};
}

function groupServices(containers: ApiContainer[]): DeploymentService[] {
  const map = new Map<string, DeploymentService>();
  for (const c of containers) {
    const service = c.Labels?.[LABEL.service] ?? '';
    if (service === '') continue;
    const entry = map.get(service) ?? { service, containers: [] };
    entry.containers.push({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, ''), state: c.State, status: c.Status, health: healthOf(c.Status), image: c.Image });
    map.set(service, entry);
  }
  return [...map.values()].sort((a, b) => a.service.localeCompare(b.service));
}

function healthOf(status: string): ContainerHealth {
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/health: starting/.test(status)) return 'starting';
  return 'none';
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
