import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './sshd';

const LOCK_ROOT = join(tmpdir(), 'hangar-lab-locks');

/**
 * One lab per layout at a time across processes: a lab of a layout always uses the same compose
 * project (e.g. `plane-app`, as a real community install does) and tears down any previous one,
 * so two test processes must not run the same layout concurrently. The lock is a directory
 * (mkdir is atomic) holding the owner's PID; a lock whose owner died is taken over.
 */
export async function acquireLabLock(name: string, signal?: AbortSignal, timeoutMs = 20 * 60_000): Promise<() => void> {
  mkdirSync(LOCK_ROOT, { recursive: true });
  const dir = join(LOCK_ROOT, name);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal?.throwIfAborted();
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      const release = (): void => {
        if (ownerOf(dir) === process.pid) rmSync(dir, { recursive: true, force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(dir);
    if (owner === undefined || owner === process.pid || !isAlive(owner)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Another process (PID ${owner}) has been running the ${name} lab for too long; stop it or remove ${dir}.`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function ownerOf(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
