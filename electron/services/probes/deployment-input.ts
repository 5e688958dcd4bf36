import type { ProbeDraft, ProbeInputForRequest, ProbeInputForResult } from '../../../shared/ipc/contracts/probes';
import { toAppError } from '../../../shared/ipc/errors';
import type { Deployment } from '../../../shared/schemas/deployment';
import { SECRET_MASK, type EnvLoadResult } from '../../../shared/schemas/env-edit';
import type { HostConfig } from '../../../shared/schemas/host';
import { isIpLiteral, probeExpectationsSchema, type ProbeExpectations } from '../../../shared/schemas/probe';
import type { EnvService } from '../env/env-service';
import type { HostStore } from '../hosts/host-store';

/** What {@link probeInputForHost} reads: the saved host (its address) and the env service. */
export interface DeploymentInputDeps {
  readonly hosts: Pick<HostStore, 'get'>;
  readonly env: Pick<EnvService, 'listDeployments' | 'load'>;
}

/** Setup.sh's project name: preferred when a host runs several Plane deployments. */
const DEFAULT_PROJECT = 'plane-app';

/**
 * The Checks screen's starting values for a host: the Plane deployment's WEB_URL, CORS list,
 * split-layout URLs, bucket and release, with the host's address as the server address DNS is
 * compared with. Never invents a URL: what the files do not say stays empty and a note says so,
 * because probing a guessed address would "pass" checks of the wrong site.
 */
export async function probeInputForHost(
  deps: DeploymentInputDeps,
  request: ProbeInputForRequest,
  signal?: AbortSignal,
): Promise<ProbeInputForResult> {
  const host = await deps.hosts.get(request.hostId);
  const deployments = await deps.env.listDeployments(request.hostId, signal);
  const projects = deployments.map((d) => d.project);
  const chosen = pickDeployment(deployments, request.project);
  if (chosen === undefined) {
    const notes =
      request.project !== undefined
        ? [`No Plane deployment named "${request.project}" runs on ${host.name}. Pick another one, or type the web URL.`]
        : [`No Plane deployment was found on ${host.name}. Type the web URL users open to check any Plane site.`];
    return { project: null, projects, draft: emptyDraft(host), notes };
  }
  let loaded: EnvLoadResult;
  try {
    loaded = await deps.env.load({ hostId: request.hostId, project: chosen.project }, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const notes = [`The env files of ${chosen.project} could not be read (${toAppError(error).message}). Type the URLs to check.`];
    return { project: chosen.project, projects, draft: { ...emptyDraft(host), layout: chosen.layout }, notes };
  }
  const { draft, notes } = probeDraftFromEnv(loaded, host);
  return { project: chosen.project, projects, draft, notes };
}

/**
 * The pure half: env values → draft. Values are the ones the api and the frontend containers
 * receive (compose-resolved), falling back to the files when there is no readable compose file.
 * `CORS_ALLOWED_ORIGINS` is split on commas only, so a trailing slash or `*` reaches the checks.
 */
export function probeDraftFromEnv(loaded: EnvLoadResult, host: HostConfig): { draft: ProbeDraft; notes: string[] } {
  const notes: string[] = [];
  const layout = loaded.deployment.layout;
  const api = valueReader(loaded, 'api');
  const frontend = valueReader(loaded, 'frontend');

  const webUrl = api('WEB_URL') ?? '';
  if (webUrl === '') notes.push('WEB_URL is not set in the deployment: type the address users open in the browser.');

  const expected: ProbeExpectations = { bucketName: 'uploads', serverAddresses: serverAddressesOf(host) };
  const cors = api('CORS_ALLOWED_ORIGINS');
  if (cors !== undefined) expected.corsAllowedOrigins = cors.trim() === '' ? [] : cors.split(',');
  else notes.push('CORS_ALLOWED_ORIGINS is not set for the api: the CORS checks judge only what the server answers.');
  const bucket = api('AWS_S3_BUCKET_NAME');
  if (bucket !== undefined && bucket !== '') {
    if (probeExpectationsSchema.shape.bucketName.safeParse(bucket).success) expected.bucketName = bucket;
    else notes.push(`AWS_S3_BUCKET_NAME "${bucket}" is not a valid bucket name; the bucket route is checked at /uploads/.`);
  }
  const release = api('APP_RELEASE') ?? loaded.deployment.version;
  if (release !== undefined && release !== '') expected.appRelease = release;
  if (expected.serverAddresses.length === 0)
    notes.push(`${host.kind === 'ssh' ? host.address : host.name} is not an IP address, so DNS answers are not compared with the server.`);

  const draft: ProbeDraft = { webUrl, layout, expected, resolve: [] };
  if (layout === 'split') {
    const apiUrl = frontend('VITE_API_BASE_URL');
    if (apiUrl) {
      draft.apiUrl = apiUrl;
      expected.frontendApiUrl = apiUrl;
    } else notes.push('VITE_API_BASE_URL is not set in .env.frontend: type the API URL the frontend calls.');
    const liveBase = frontend('VITE_LIVE_BASE_URL');
    if (liveBase) draft.liveUrl = joinPath(liveBase, frontend('VITE_LIVE_BASE_PATH') ?? '/live');
  }
  return { draft, notes };
}

function pickDeployment(deployments: readonly Deployment[], project: string | undefined): Deployment | undefined {
  if (project !== undefined) return deployments.find((d) => d.project === project);
  return deployments.find((d) => d.project === DEFAULT_PROJECT) ?? deployments[0];
}

function emptyDraft(host: HostConfig): ProbeDraft {
  return { webUrl: '', layout: 'community', expected: { bucketName: 'uploads', serverAddresses: serverAddressesOf(host) }, resolve: [] };
}

/** The server as DNS should answer it: an SSH address that is an IP; loopback for "This computer". */
function serverAddressesOf(host: HostConfig): string[] {
  if (host.kind === 'local') return ['127.0.0.1', '::1'];
  const address = host.address.replace(/^\[(.*)\]$/, '$1');
  return isIpLiteral(address) ? [address] : [];
}

const apiService = /(^|[-_])api$/;

/**
 * Looks a key up where the given side of Plane reads it: the api's (or a frontend's) container
 * environment first, then the env files of that role, then the interpolation file. Masked
 * secrets count as unknown (none of the keys read here is a secret).
 */
function valueReader(loaded: EnvLoadResult, side: 'api' | 'frontend'): (key: string) => string | undefined {
  const services = loaded.containerEnv.filter((c) =>
    side === 'api' ? apiService.test(c.service) : /(^|[-_])(web|frontend)$/.test(c.service),
  );
  const roles = side === 'api' ? ['api', 'env'] : ['frontend', 'env'];
  const files = [...loaded.files].filter((f) => roles.includes(f.role)).sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  return (key) => {
    for (const service of services) {
      const found = service.variables.find((v) => v.key === key);
      if (found && found.value !== SECRET_MASK) return found.value;
    }
    for (const file of files) {
      const found = file.entries.find((e) => e.key === key);
      if (found && found.value !== SECRET_MASK) return found.value;
    }
    return undefined;
  };
}

function joinPath(base: string, path: string): string {
  if (path === '') return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
