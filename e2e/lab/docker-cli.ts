import { spawn } from 'node:child_process';

/** Options shared by every CLI call the lab makes. */
export interface CliOptions {
  /** Bytes fed to stdin (e.g. a rootfs tar for `docker import`). */
  input?: Buffer | NodeJS.ReadableStream;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Default 120 s: long enough for a cold `compose up` on 2 cores, short enough that nothing hangs. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Resolve with the result instead of rejecting on a non-zero exit. */
  allowFailure?: boolean;
}

/** What a finished command produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion with a timeout and cancellation, rejecting with its stderr on a
 * non-zero exit so the lab's errors say what Docker said instead of "exit code 1".
 */
export function runCommand(command: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolveResult, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: Error | null, result?: CliResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else if (result) resolveResult(result);
    };
    const timeoutMs = opts.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`\`${command} ${args.join(' ')}\` timed out after ${timeoutMs} ms.`));
    }, timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(new Error(`\`${command} ${args.join(' ')}\` was cancelled.`));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', (error) => finish(error));
    child.once('close', (code) => {
      const result = { code: code ?? -1, stdout, stderr };
      if (result.code === 0 || opts.allowFailure) finish(null, result);
      else finish(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${result.code}): ${stderr.trim() || stdout.trim()}`));
    });
    child.stdin.on('error', () => undefined);
    if (opts.input === undefined) child.stdin.end();
    else if (Buffer.isBuffer(opts.input)) child.stdin.end(opts.input);
    else opts.input.pipe(child.stdin);
  });
}

/** `docker …` with the lab's defaults. */
export function docker(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return runCommand('docker', args, opts);
}
