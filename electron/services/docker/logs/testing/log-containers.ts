import { docker } from '../../../../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../../../../e2e/lab/image-build';

/**
 * Lab helpers: tiny real containers that print what a test needs (numbered lines, hostile bytes),
 * running the host's /usr/bin/python3 inside the lab's base image. Names carry the process id so
 * parallel runs never collide; `removeAll` cleans up whatever a test left.
 */
export class LogContainers {
  private readonly names = new Set<string>();
  private image: string | undefined;

  constructor(private readonly prefix: string) {}

  /** Starts `python3 -u -c script` detached; returns the container name. */
  async start(name: string, script: string, options: { tty?: boolean; labels?: Record<string, string> } = {}): Promise<string> {
    this.image ??= (await ensureImage(baseImageSpec())).ref;
    const full = `${this.prefix}-${process.pid}-${name}`;
    this.names.add(full);
    const labels = Object.entries(options.labels ?? {}).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    await docker(['run', '-d', ...(options.tty ? ['-t'] : []), '--name', full, ...labels, ...mounts, this.image, '/usr/bin/python3', '-u', '-c', script], { timeoutMs: 30_000 });
    return full;
  }

  async removeAll(): Promise<void> {
    if (this.names.size > 0) await docker(['rm', '-f', ...this.names], { allowFailure: true, timeoutMs: 30_000 });
    this.names.clear();
  }
}

/**
 * A Python program printing `n <i>` forever, every `intervalMs`, continuing its count across
 * restarts (kept in /tmp/n) and stopping only between two lines on SIGTERM, so the source itself
 * never skips or repeats a number: any gap or double a test sees is Hangar's.
 */
export function numberedPrinter(intervalMs: number, prefix = 'n'): string {
  return [
    'import os, signal, sys, time',
    'stop = False',
    'def on_term(*_):',
    '    global stop',
    '    stop = True',
    'signal.signal(signal.SIGTERM, on_term)',
    "n = int(open('/tmp/n').read()) if os.path.exists('/tmp/n') else 0",
    'while not stop:',
    '    n += 1',
    `    print('${prefix} %d' % n)`,
    "    open('/tmp/n', 'w').write(str(n))",
    `    time.sleep(${intervalMs / 1000})`,
  ].join('\n');
}

/** Prints `prefix 1..count` quickly, then sleeps (so the container stays up). */
export function countTo(count: number, prefix = 'n', then = 'time.sleep(600)'): string {
  return `import time\nfor i in range(1, ${count + 1}): print('${prefix} %d' % i)\n${then}`;
}

/** Waits until `check` holds (polling a test's own collected state, never Docker). */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
