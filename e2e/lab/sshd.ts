import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { freeLoopbackPort, waitForSshBanner, waitForExit } from './process-wait';

const run = promisify(execFile);

/**
 * A disposable OpenSSH server on 127.0.0.1, owned by the lab. Everything Hangar does to a real
 * server goes through one of these, so its config mirrors a stock Debian sshd except that every
 * path (keys, pid, log, authorized_keys) lives in `dir`: restarting with the same `dir` and
 * `port` yields the same host key, which is what "sshd restarted mid-session" tests need.
 */
export interface LabSshd {
  host: '127.0.0.1';
  port: number;
  /** The login user: whoever runs the lab (root in CI), since sshd without PAM can only be that user. */
  user: string;
  dir: string;
  pid: number;
  /** Unencrypted ed25519 private key authorised for `user`. */
  clientKeyPath: string;
  /** Host private key; `hostPublicKey` is its public half. */
  hostKeyPath: string;
  /** "ssh-ed25519 AAAA…" without a comment, as a known_hosts entry carries it. */
  hostPublicKey: string;
  /** "[127.0.0.1]:PORT ssh-ed25519 AAAA…" — a ready known_hosts line for this server. */
  knownHostsLine: string;
  /** Path of sshd's VERBOSE log (auth attempts, forwarding refusals). */
  logPath: string;
  /** Kills sshd by PID and resolves once it has exited (SIGKILL after 3 s). */
  stop(): Promise<void>;
}

/** Options for {@link startSshd}. */
export interface StartSshdOptions {
  /** Fixed port (e.g. to restart on the same one); a free loopback port otherwise. */
  port?: number;
  /** Reuse keys from this directory (created if missing); a fresh temp dir otherwise. */
  dir?: string;
  /** `AllowStreamLocalForwarding` — on by default; off to exercise the dial-stdio fallback. */
  allowStreamLocalForwarding?: boolean;
  /** Appended verbatim to sshd_config. */
  extraConfig?: string;
  /** Leave sshd running after this Node process exits (used by `npm run lab:up`). */
  detached?: boolean;
  /** Give up waiting for the port after this long (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const SSHD = '/usr/sbin/sshd';
const publicKeyLine = z
  .string()
  .trim()
  .regex(/^ssh-ed25519 [A-Za-z0-9+/=]+(\s.*)?$/, 'expected an ssh-ed25519 public key line');

/**
 * Starts sshd in the foreground (`-D -e`) with the lab's own config and resolves once it sends
 * its SSH banner, so callers can connect immediately. Rejects with sshd's log if it exits first.
 */
export async function startSshd(opts: StartSshdOptions = {}): Promise<LabSshd> {
  if (!existsSync(SSHD)) {
    throw new Error(`${SSHD} is missing: install the openssh-server package (apt-get install openssh-server).`);
  }
  const dir = resolve(opts.dir ?? (await mkdtemp(join(tmpdir(), 'hangar-lab-sshd-'))));
  await mkdir(dir, { recursive: true });
  await mkdir('/run/sshd', { recursive: true }).catch(() => undefined);

  const hostKeyPath = join(dir, 'ssh_host_ed25519_key');
  const clientKeyPath = join(dir, 'client_ed25519');
  await ensureKey(hostKeyPath, 'hangar-lab-host');
  await ensureKey(clientKeyPath, 'hangar-lab-client');
  const clientPub = publicKeyLine.parse(readFileSync(`${clientKeyPath}.pub`, 'utf8'));
  await writeFile(join(dir, 'authorized_keys'), `${clientPub}\n`, { mode: 0o600 });

  const port = opts.port ?? (await freeLoopbackPort());
  const user = userInfo().username;
  const configPath = join(dir, 'sshd_config');
  const logPath = join(dir, 'sshd.log');
  await writeFile(configPath, renderConfig({ dir, port, hostKeyPath, user, opts }), { mode: 0o600 });

  const logFd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(SSHD, ['-D', '-e', '-f', configPath], {
      stdio: ['ignore', logFd, logFd],
      detached: opts.detached === true,
    });
  } finally {
    closeSync(logFd);
  }
  if (child.pid === undefined) throw new Error(`Could not start ${SSHD}; see ${logPath}.`);
  const pid = child.pid;
  if (opts.detached === true) child.unref();

  const exited = waitForExit(pid, child);
  try {
    await waitForSshBanner(port, { timeoutMs: opts.timeoutMs ?? 15_000, signal: opts.signal, exited });
  } catch (error) {
    await stopPid(pid, child);
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8').slice(-2000) : '';
    throw new Error(`The lab sshd did not come up on 127.0.0.1:${port}: ${(error as Error).message}\n${log}`, {
      cause: error,
    });
  }

  const hostPublicKey = twoFields(publicKeyLine.parse(readFileSync(`${hostKeyPath}.pub`, 'utf8')));
  return {
    host: '127.0.0.1',
    port,
    user,
    dir,
    pid,
    clientKeyPath,
    hostKeyPath,
    hostPublicKey,
    knownHostsLine: `[127.0.0.1]:${port} ${hostPublicKey}`,
    logPath,
    stop: () => stopPid(pid, child),
  };
}

/**
 * Stops a process by PID (SIGTERM, then SIGKILL after `graceMs`) and resolves when it is gone.
 * Used for sshd started by another Node process (`lab:down` reads the PID from the state file).
 */
export async function stopPid(pid: number, child?: ChildProcess, graceMs = 3000): Promise<void> {
  if (!isAlive(pid)) return;
  const gone = waitForExit(pid, child);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }, graceMs);
  try {
    await gone;
  } finally {
    clearTimeout(timer);
  }
}

/** True while a process with this PID exists (and is not a zombie we already reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureKey(path: string, comment: string): Promise<void> {
  if (existsSync(path) && existsSync(`${path}.pub`)) return;
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { timeout: 10_000 });
}

function twoFields(line: string): string {
  return line.split(/\s+/).slice(0, 2).join(' ');
}

function renderConfig(a: { dir: string; port: number; hostKeyPath: string; user: string; opts: StartSshdOptions }): string {
  const lines = [
    `Port ${a.port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${a.hostKeyPath}`,
    `PidFile ${join(a.dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(a.dir, 'authorized_keys')}`,
    `AllowUsers ${a.user}`,
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'AllowTcpForwarding yes',
    `AllowStreamLocalForwarding ${a.opts.allowStreamLocalForwarding === false ? 'no' : 'yes'}`,
    'PrintMotd no',
    'LogLevel VERBOSE',
    'Subsystem sftp internal-sftp',
  ];
  if (a.opts.extraConfig) lines.push(a.opts.extraConfig);
  return `${lines.join('\n')}\n`;
}
