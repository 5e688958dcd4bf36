import type { ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/**
 * Asks the kernel for a free port on 127.0.0.1. There is a short window in which another process
 * could take it; the lab only uses it for its own listeners right away, which is good enough.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePort(port) : reject(new Error('No free loopback port.'))));
    });
  });
}

/**
 * Resolves when the process has exited. For our own child the `exit` event is authoritative
 * (polling the PID would see an unreaped zombie); for anyone else's PID we poll.
 */
export function waitForExit(pid: number, child?: ChildProcess): Promise<void> {
  if (child) {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => child.once('exit', () => done()));
  }
  return new Promise((done) => {
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        done();
      }
    }, 50);
  });
}

interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Stop waiting early (and fail) when this settles — e.g. the server process died. */
  exited?: Promise<void>;
}

/**
 * Waits until something on 127.0.0.1:`port` greets with "SSH-2.0", i.e. sshd is not only bound
 * but ready to run the key exchange. A bare TCP accept is not enough: the listen socket appears
 * before sshd has loaded its host keys.
 */
export function waitForSshBanner(port: number, opts: WaitOptions): Promise<void> {
  return pollUntil(() => readsBanner(port, 'SSH-2.0'), `SSH banner on port ${port}`, opts);
}

/** Waits until 127.0.0.1:`port` accepts a TCP connection. */
export function waitForPort(port: number, opts: WaitOptions): Promise<void> {
  return pollUntil(() => readsBanner(port, ''), `port ${port} to accept connections`, opts);
}

async function pollUntil(probe: () => Promise<boolean>, what: string, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let died = false;
  void opts.exited?.then(() => {
    died = true;
  });
  for (;;) {
    if (opts.signal?.aborted) throw new Error(`Cancelled while waiting for ${what}.`);
    if (died) throw new Error(`The process exited while waiting for ${what}.`);
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${opts.timeoutMs} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readsBanner(port: number, prefix: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = '';
    const finish = (ok: boolean): void => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => {
      if (prefix === '') finish(true);
    });
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      if (buffer.startsWith(prefix)) finish(true);
      else if (buffer.length >= prefix.length) finish(false);
    });
  });
}
