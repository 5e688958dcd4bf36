import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A peer process owned by a test: stopped with SIGTERM, then SIGKILL after 1 s. */
export interface PeerProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote, for assertion messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a process and keeps its output; it never outlives `stop()`. */
export function startProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): PeerProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A free TCP port on 127.0.0.1 (the only address these peers ever use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once 127.0.0.1:port accepts connections; rejects when the process exits or time runs out. */
export async function waitForPort(port: number, peer: PeerProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (peer.child.exitCode !== null)
      throw new Error(`peer exited with ${peer.child.exitCode} before listening on ${port}:\n${peer.output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms:\n${peer.output()}`);
}

/** Resolves once the process has exited (for peers expected to refuse to start). */
export async function waitForExit(peer: PeerProcess, timeoutMs = 15_000): Promise<number | null> {
  if (peer.child.exitCode !== null) return peer.child.exitCode;
  return Promise.race([
    new Promise<number | null>((resolve) => peer.child.once('exit', (code) => resolve(code))),
    sleep(timeoutMs).then(() => {
      throw new Error(`peer still running after ${timeoutMs} ms`);
    }),
  ]);
}
