import { spawn } from 'node:child_process';
import { AppError } from '../../../shared/ipc/errors';
import { cancelledError } from '../ssh/deadline';
import { execRemote, spawnRemote } from '../ssh/remote-exec';
import type { SshSession } from '../ssh/ssh-session';

/** Where and for how long a command may run. */
export interface RunOptions {
  /** Directory to run in (compose resolves relative paths from the project directory). */
  readonly cwd?: string;
  readonly signal?: AbortSignal;
  /** Default 60 s for `run`, 10 min for `stream`; the process is stopped when it expires. */
  readonly timeoutMs?: number;
}

/** Exit code (null when killed by a signal) and the collected output; a non-zero exit is a result, not an error. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs argv where the deployment lives: over SSH on a server, as a child process on this
 * computer. argv is never joined into a shell string by callers; `cwd` is applied by a fixed
 * `sh -c 'cd "$1" && shift && exec "$@"'` wrapper remotely, so paths stay single words.
 */
export interface CommandRunner {
  run(argv: readonly string[], options?: RunOptions): Promise<RunResult>;
  /**
   * Streams output line by line (stdout and stderr merged, ANSI colour codes removed) and
   * resolves with the exit code. Cancelling the signal ends the process (a pty on SSH).
   */
  stream(argv: readonly string[], onLine: (line: string) => void, options?: RunOptions): Promise<{ code: number | null }>;
}

const CD_WRAPPER = ['sh', '-c', 'cd "$1" && shift && exec "$@"', 'sh'];

/** Commands on a server over its pooled SSH session. */
export function createRemoteRunner(session: SshSession): CommandRunner {
  const withCwd = (argv: readonly string[], cwd: string | undefined) => (cwd === undefined ? [...argv] : [...CD_WRAPPER, cwd, ...argv]);
  return {
    async run(argv, options = {}) {
      const result = await execRemote(session, withCwd(argv, options.cwd), { signal: options.signal, timeoutMs: options.timeoutMs ?? 60_000 });
      return { code: result.code, stdout: result.stdout, stderr: result.stderr };
    },
    async stream(argv, onLine, options = {}) {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) throw cancelledError(`"${argv[0]}"`);
      const timeoutMs = options.timeoutMs ?? 600_000;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      try {
        const channel = await spawnRemote(session, withCwd(argv, options.cwd), { signal: controller.signal, pty: true });
        const lines = lineSplitter(onLine);
        return await new Promise<{ code: number | null }>((resolve, reject) => {
          let code: number | null = null;
          const offDrop = session.onDrop((error) => reject(error));
          channel.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
          channel.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
          channel.on('exit', (exitCode: number | null) => (code = exitCode));
          channel.on('close', () => {
            offDrop();
            lines.flush();
            if (timedOut) reject(new AppError('TIMEOUT', `"${argv.join(' ')}" did not finish within ${Math.round(timeoutMs / 1000)} s on ${session.label}, so Hangar stopped it. Check the output above and the containers' logs.`));
            else if (controller.signal.aborted) reject(cancelledError(`"${argv[0]}"`));
            else resolve({ code });
          });
        });
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}

/** Commands on this computer (a "This computer" host). */
export function createLocalRunner(): CommandRunner {
  const start = (argv: readonly string[], options: RunOptions, onChunk: (text: string, stream: 'out' | 'err') => void, defaultTimeout: number) =>
    new Promise<{ code: number | null }>((resolve, reject) => {
      const [program, ...args] = argv;
      if (program === undefined) return reject(new AppError('INVALID_INPUT', 'No command to run: the argument list is empty.'));
      if (options.signal?.aborted) return reject(cancelledError(`"${program}"`));
      const child = spawn(program, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let timedOut = false;
      const stop = () => {
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 1000).unref();
      };
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, options.timeoutMs ?? defaultTimeout);
      options.signal?.addEventListener('abort', stop, { once: true });
      child.stdout.on('data', (chunk: Buffer) => onChunk(chunk.toString('utf8'), 'out'));
      child.stderr.on('data', (chunk: Buffer) => onChunk(chunk.toString('utf8'), 'err'));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new AppError('COMPOSE_NOT_FOUND', `"${program}" is not installed on this computer.`, { program }) : error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', stop);
        if (timedOut) reject(new AppError('TIMEOUT', `"${argv.join(' ')}" did not finish in time on this computer, so Hangar stopped it.`));
        else if (options.signal?.aborted) reject(cancelledError(`"${program}"`));
        else resolve({ code });
      });
    });
  return {
    async run(argv, options = {}) {
      let stdout = '';
      let stderr = '';
      const { code } = await start(argv, options, (text, stream) => (stream === 'out' ? (stdout += text) : (stderr += text)), 60_000);
      return { code, stdout, stderr };
    },
    async stream(argv, onLine, options = {}) {
      const lines = lineSplitter(onLine);
      const result = await start(argv, options, (text) => lines.push(text), 600_000);
      lines.flush();
      return result;
    },
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** Cuts a byte stream into lines (\n, \r\n and progress-style \r), without ANSI escapes. */
export function lineSplitter(onLine: (line: string) => void): { push(text: string): void; flush(): void } {
  let pending = '';
  return {
    push(text) {
      pending += text;
      const parts = pending.split(/\r\n|\n|\r/);
      pending = parts.pop() ?? '';
      for (const part of parts) {
        const line = part.replace(ANSI, '').trimEnd();
        if (line !== '') onLine(line);
      }
    },
    flush() {
      const line = pending.replace(ANSI, '').trimEnd();
      pending = '';
      if (line !== '') onLine(line);
    },
  };
}
