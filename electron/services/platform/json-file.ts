import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';

/**
 * Reads a JSON file that Hangar owns and validates it. A missing file yields `fallback`; a file
 * that is not valid JSON or fails the schema is moved aside to `<name>.corrupt-<ts>` (never
 * deleted: it may hold the user's only copy of their hosts) and an AppError says where it went.
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, fallback: () => z.output<S>): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback();
    throw new AppError('INTERNAL', `Hangar could not read ${path}: ${(error as Error).message}. Check the file's permissions.`, { path });
  }
  let problem: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    problem = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .slice(0, 3)
      .join('; ');
  } catch (error) {
    problem = (error as Error).message;
  }
  const keptAs = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, keptAs).catch(() => undefined);
  throw new AppError(
    'INTERNAL',
    `${basename(path)} was damaged (${problem}), so Hangar set it aside as ${basename(keptAs)} and starts empty. Restore entries from that copy if you need them.`,
    { path, keptAs },
  );
}

/**
 * Writes JSON so that a crash leaves either the old or the new file, never half of one:
 * temp file in the same directory, fsync, rename over the target. `mode` defaults to 0600
 * because these files describe the user's servers.
 */
export async function writeJsonFileAtomic(path: string, value: unknown, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new AppError(
      'FILE_WRITE_FAILED',
      `Hangar could not save ${path}: ${(error as Error).message}. Check free space and permissions.`,
      { path },
    );
  }
}

/**
 * Serialises read-modify-write cycles on one file within this process, so two quick edits
 * (e.g. add host + set last used) cannot lose each other's change.
 */
export function createFileLock(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
