import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { findCompose } from './compose';
import { faultSchema, layoutSchema } from './faults';
import type { Lab } from './lab';
import { stopPid } from './sshd';

/** `.lab/` at the repository root (git-ignored): where `npm run lab:up` keeps the server's files. */
export const LAB_HOME = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.lab');
const STATE_FILE = join(LAB_HOME, 'state.json');

/**
 * What `lab:down` needs to stop a lab started by another process: the compose project (by its
 * files) and sshd (by PID). Written after a successful `lab:up`, validated when read back.
 */
export const labStateSchema = z.object({
  layout: layoutSchema,
  faults: z.array(faultSchema),
  projectName: z.string().min(1),
  composeDir: z.string().min(1),
  composeFiles: z.array(z.string()),
  interpolationEnvFile: z.string().optional(),
  httpPort: z.number().int(),
  sshd: z
    .object({ pid: z.number().int().positive(), port: z.number().int(), user: z.string(), dir: z.string(), clientKeyPath: z.string(), knownHostsLine: z.string() })
    .optional(),
});
export type LabState = z.infer<typeof labStateSchema>;

/** Records a running lab so a later `lab:down` can stop it. */
export async function saveLabState(lab: Lab): Promise<LabState> {
  const state: LabState = {
    layout: lab.layout,
    faults: lab.faults,
    projectName: lab.projectName,
    composeDir: lab.composeDir,
    composeFiles: lab.composeFiles,
    ...(lab.envFiles['plane.env'] ? { interpolationEnvFile: lab.envFiles['plane.env'] } : {}),
    httpPort: lab.httpPort,
    ...(lab.sshd
      ? { sshd: { pid: lab.sshd.pid, port: lab.sshd.port, user: lab.sshd.user, dir: lab.sshd.dir, clientKeyPath: lab.sshd.clientKeyPath, knownHostsLine: lab.sshd.knownHostsLine } }
      : {}),
  };
  await mkdir(LAB_HOME, { recursive: true });
  await writeFile(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

/** The recorded lab, or undefined when none was started (or the file is not ours). */
export function readLabState(): LabState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  const parsed = labStateSchema.safeParse(JSON.parse(readFileSync(STATE_FILE, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Stops the lab recorded by `lab:up`: `compose down -v` on its files (containers, networks,
 * volumes) and sshd by its PID. Returns false when no lab was recorded.
 */
export async function stopLab(): Promise<boolean> {
  const state = readLabState();
  if (!state) return false;
  const compose = await findCompose();
  await compose.run(
    { name: state.projectName, dir: state.composeDir, files: state.composeFiles, ...(state.interpolationEnvFile ? { envFile: state.interpolationEnvFile } : {}) },
    ['down', '-v', '--remove-orphans'],
    { timeoutMs: 120_000, allowFailure: true },
  );
  if (state.sshd && isOurSshd(state.sshd.pid, state.sshd.dir)) await stopPid(state.sshd.pid);
  await rm(STATE_FILE, { force: true });
  return true;
}

/** Guards against PID reuse: only a process running sshd with our config is ours to kill. */
function isOurSshd(pid: number, dir: string): boolean {
  try {
    // sshd rewrites its title ("sshd: /usr/sbin/sshd -D … [listener]"), so match substrings.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return cmdline.includes('/usr/sbin/sshd') && cmdline.includes(join(dir, 'sshd_config'));
  } catch {
    return false;
  }
}
