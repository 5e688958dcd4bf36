import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCompose, type ComposeProject, type ComposeTool } from './compose';
import { assertDockerEngine } from './docker-check';
import { assertFaultsFit, type FaultName, type Layout } from './faults';
import { ensureImage } from './image-build';
import { writeLayout, type LayoutFiles } from './layouts';
import { planeImageSpecs } from './plane-images';
import { freeLoopbackPort } from './process-wait';
import { startSshd, type LabSshd } from './sshd';
import { acquireLabLock } from './lab-lock';
import { waitForHttp } from './http-wait';

/** Options for {@link startLab}. */
export interface StartLabOptions {
  layout: Layout;
  faults?: FaultName[];
  /** Start the lab's sshd too (default true): Hangar reaches the lab only through it. */
  sshd?: boolean;
  /** Where the layout's files go (the "server's" disk); a temp dir by default. */
  root?: string;
  /** sshd's directory and port, to keep its keys (and the host entry in Hangar) across runs. */
  sshdDir?: string;
  sshdPort?: number;
  /** Keep sshd alive after this process exits (`npm run lab:up`). */
  detached?: boolean;
  /** Give up after this long (default 150 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A running lab: a Plane deployment on the local Docker Engine plus the sshd that reaches it. */
export interface Lab {
  sshd?: LabSshd;
  layout: Layout;
  faults: FaultName[];
  projectName: string;
  /** Folder holding the compose files, on the "server" (this machine). */
  composeDir: string;
  composeFiles: string[];
  /** Env files a user edits in this layout, by file name → absolute path. */
  envFiles: Record<string, string>;
  services: string[];
  httpPort: number;
  httpsPort?: number;
  /** Root CA of the split layout's TLS; pass it to clients as a trusted CA. */
  caCertPath?: string;
  /** Host names the proxy routes by (e.g. plane.lab.test); resolve them to 127.0.0.1. */
  hostNames: string[];
  /** The Django api service of this layout (`api`, or `plane-api` in split/dokploy). */
  apiService: string;
  urls: { web: string; api: string; live: string };
  compose: ComposeTool;
  /** `compose <args>` for this project (e.g. ['ps'], ['logs', 'api']). */
  composeRun(args: string[]): Promise<string>;
  /** Rewrites the layout with these faults and lets compose recreate only what changed. */
  applyFaults(next: FaultName[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Brings a layout up from locally built images and waits until it answers: the proxy port and,
 * unless a fault is meant to break it, `/api/instances/` through the proxy. A previous lab of the
 * same project is torn down first, so a crashed test run never poisons the next one.
 */
export async function startLab(opts: StartLabOptions): Promise<Lab> {
  const release = await acquireLabLock(opts.layout, opts.signal);
  try {
    const lab = await startLabUnlocked(opts);
    const stop = lab.stop.bind(lab);
    lab.stop = async () => {
      try {
        await stop();
      } finally {
        release();
      }
    };
    return lab;
  } catch (error) {
    release();
    throw error;
  }
}

async function startLabUnlocked(opts: StartLabOptions): Promise<Lab> {
  const faults = [...new Set(opts.faults ?? [])];
  assertFaultsFit(opts.layout, faults);
  await assertDockerEngine();
  const compose = await findCompose();
  const timeoutMs = opts.timeoutMs ?? 150_000;
  const ownsRoot = opts.root === undefined;
  const root = resolve(opts.root ?? (await mkdtemp(join(tmpdir(), `hangar-lab-${opts.layout}-`))));
  const httpPort = await freeLoopbackPort();
  const httpsPort = await freeLoopbackPort();

  let files = await writeLayout(opts.layout, root, { httpPort, httpsPort, faults: new Set(faults), existingData: false });
  await buildImages(files, opts.signal);

  const project = (f: LayoutFiles): ComposeProject => ({
    name: f.projectName,
    dir: f.composeDir,
    files: f.composeFiles,
    ...(f.interpolationEnvFile ? { envFile: f.interpolationEnvFile } : {}),
  });
  const run = async (args: string[], t = timeoutMs): Promise<string> =>
    (await compose.run(project(files), args, { timeoutMs: t, signal: opts.signal })).stdout;

  await run(['down', '-v', '--remove-orphans'], 60_000).catch(() => undefined);
  await run(['up', '-d']);
  await settle(files, faults, { httpPort, httpsPort }, timeoutMs, run);

  const sshd =
    opts.sshd === false
      ? undefined
      : await startSshd({
          detached: opts.detached === true,
          signal: opts.signal,
          ...(opts.sshdDir ? { dir: opts.sshdDir } : {}),
          ...(opts.sshdPort ? { port: opts.sshdPort } : {}),
        });
  let current = faults;
  const lab: Lab = {
    ...(sshd ? { sshd } : {}),
    layout: opts.layout,
    faults: current,
    projectName: files.projectName,
    composeDir: files.composeDir,
    composeFiles: files.composeFiles.map((f) => join(files.composeDir, f)),
    envFiles: files.envFiles,
    services: files.services,
    httpPort,
    ...(files.tls ? { httpsPort, caCertPath: files.tls.caCertPath } : {}),
    hostNames: files.hostNames,
    apiService: files.apiService,
    urls: files.urls,
    compose,
    composeRun: (args) => run(args),
    async applyFaults(next) {
      assertFaultsFit(opts.layout, next);
      current = [...new Set(next)];
      files = await writeLayout(opts.layout, root, { httpPort, httpsPort, faults: new Set(current), existingData: true });
      await buildImages(files, opts.signal);
      await run(['up', '-d', '--remove-orphans']);
      lab.faults = current;
      await settle(files, current, { httpPort, httpsPort }, timeoutMs, run);
    },
    async stop() {
      await run(['down', '-v', '--remove-orphans'], 90_000).catch(() => undefined);
      await sshd?.stop();
      if (ownsRoot) await rm(root, { recursive: true, force: true });
    },
  };
  return lab;
}

/** Faults after which the api is not expected to answer through the proxy. */
const apiBreaking: ReadonlySet<FaultName> = new Set([
  'cors-trailing-slash',
  'cors-wildcard',
  'db-password-drift',
  'migrator-fails',
  'api-down',
]);

async function buildImages(files: LayoutFiles, signal?: AbortSignal): Promise<void> {
  for (const spec of [...planeImageSpecs(files.imageOptions), ...(files.extraImages ?? [])]) await ensureImage(spec, signal);
}

async function settle(
  files: LayoutFiles,
  faults: FaultName[],
  ports: { httpPort: number; httpsPort: number },
  timeoutMs: number,
  run: (a: string[]) => Promise<string>,
): Promise<void> {
  if (faults.includes('api-down')) await run(['stop', files.apiService]);
  else await run(['start', files.apiService]).catch(() => undefined);
  const healthy = !faults.some((f) => apiBreaking.has(f));
  const probe = files.readinessProbe;
  await waitForHttp(
    { port: probe.tls ? ports.httpsPort : ports.httpPort, path: healthy ? probe.path : '/', headers: probe.headers, tls: probe.tls },
    (status) => (healthy ? status === 200 : status > 0),
    { timeoutMs },
  );
}
