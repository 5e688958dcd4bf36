import { runCommand, type CliOptions, type CliResult } from './docker-cli';

/**
 * The Compose found on this machine. Debian ships only v1 (`docker-compose` 1.29) while real
 * servers usually have the v2 plugin; the lab works with either, which is also the proof that
 * the lab's files are valid for both.
 */
export interface ComposeTool {
  version: 1 | 2;
  /** Runs `compose <project options> <args>` for one project. */
  run(project: ComposeProject, args: string[], opts?: CliOptions): Promise<CliResult>;
  /** Container name compose gives replica 1 of `service` (v1: `p_s_1`, v2: `p-s-1`). */
  containerName(projectName: string, service: string): string;
}

/** What identifies a compose project on disk. */
export interface ComposeProject {
  name: string;
  dir: string;
  files: string[];
  envFile?: string;
}

let cached: ComposeTool | undefined;

/** Finds `docker compose` (v2) or falls back to `docker-compose` (v1); throws when neither exists. */
export async function findCompose(): Promise<ComposeTool> {
  if (cached) return cached;
  const v2 = await runCommand('docker', ['compose', 'version'], { allowFailure: true, timeoutMs: 10_000 }).catch(() => undefined);
  if (v2?.code === 0) {
    cached = tool(2, 'docker', ['compose']);
    return cached;
  }
  const v1 = await runCommand('docker-compose', ['version', '--short'], { allowFailure: true, timeoutMs: 10_000 }).catch(() => undefined);
  if (v1?.code === 0) {
    cached = tool(1, 'docker-compose', []);
    return cached;
  }
  throw new Error('Neither `docker compose` nor `docker-compose` is installed: install docker-compose (apt-get install docker-compose).');
}

function tool(version: 1 | 2, command: string, prefix: string[]): ComposeTool {
  return {
    version,
    run(project, args, opts = {}) {
      const base = [...prefix, '-p', project.name];
      for (const file of project.files) base.push('-f', file);
      if (project.envFile) base.push('--env-file', project.envFile);
      // v1 maps deploy.replicas / deploy.restart_policy (Plane's files use them) only in
      // compatibility mode; v2 honours them natively and --compatibility would rename containers.
      if (version === 1) base.splice(prefix.length, 0, '--compatibility');
      return runCommand(command, [...base, ...args], { cwd: project.dir, ...opts });
    },
    containerName(projectName, service) {
      return version === 1 ? `${projectName.replace(/[^-_a-z0-9]/g, '')}_${service}_1` : `${projectName}-${service}-1`;
    },
  };
}
