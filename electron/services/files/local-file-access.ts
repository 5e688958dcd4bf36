import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { withSignal } from '../ssh/deadline';
import { decodeUtf8, tempNameFor, type AtomicWriteOptions, type DirEntry, type FileAccess, type FileOpOptions, type LoadedText } from './file-access';

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * FileAccess on this computer (a "This computer" host): the same atomic temp + fsync + rename
 * discipline as the SFTP implementation, so local deployments get the same save guarantees.
 */
export function createLocalFileAccess(): FileAccess {
  const guard = <T>(work: Promise<T>, options: FileOpOptions | undefined): Promise<T> =>
    withSignal(work, {
      signal: options?.signal,
      timeoutMs: options?.timeoutMs ?? 30_000,
      timeoutError: () => new AppError('TIMEOUT', 'The file operation on this computer did not finish within 30 s. Check the disk and try again.'),
    });

  return {
    where: 'on this computer',
    read: (path, options) => guard(readText(path), options),
    writeAtomic: (path, text, options) => guard(writeAtomic(path, text, options), options),
    list: (dir, options) => guard(listDir(dir), options),
    exists: (path, options) => guard(lstat(path).then(() => true, () => false), options),
    copyAtomic: (from, to, options) => guard(copyAtomic(from, to), options),
    remove: (path, options) => guard(rm(path, { force: true }).catch((error: unknown) => { throw fsError(error, path); }), options),
  };
}

async function readText(path: string): Promise<LoadedText> {
  const info = await stat(path).catch((error: unknown) => { throw fsError(error, path); });
  if (!info.isFile()) throw new AppError('FILE_NOT_FOUND', `${path} is not a regular file. Choose the file itself.`, { path });
  if (info.size > MAX_BYTES) throw new AppError('INVALID_INPUT', `${path} is larger than 8 MiB; Hangar edits configuration files only.`, { path, size: info.size });
  const bytes = await readFile(path).catch((error: unknown) => { throw fsError(error, path); });
  return { path, text: decodeUtf8(bytes, path), etag: etag(bytes), mode: info.mode & 0o7777, mtime: info.mtime.toISOString() };
}

async function writeAtomic(path: string, text: string, options: AtomicWriteOptions): Promise<{ etag: string }> {
  const current = await readFile(path).catch((error: unknown) => { throw fsError(error, path); });
  assertUnchanged(path, options.expectedEtag, etag(current));
  const info = await stat(path);
  const bytes = Buffer.from(text, 'utf8');
  await replaceWith(path, bytes, info.mode & 0o7777, info.uid, info.gid, async () => {
    assertUnchanged(path, options.expectedEtag, etag(await readFile(path)));
  });
  const written = etag(await readFile(path));
  if (written !== etag(bytes)) {
    throw new AppError('ENV_VERIFY_FAILED', `${path} does not contain what Hangar wrote (something changed it right after). Reload the file and check it.`, { path });
  }
  return { etag: written };
}

async function copyAtomic(from: string, to: string): Promise<void> {
  if (await lstat(to).then(() => true, () => false)) throw new AppError('FILE_WRITE_FAILED', `${to} already exists; Hangar never overwrites a backup. Try again in a second.`, { path: to });
  const info = await stat(from).catch((error: unknown) => { throw fsError(error, from); });
  await replaceWith(to, await readFile(from), info.mode & 0o7777, info.uid, info.gid);
}

/** temp file with mode and owner → fsync → (last check) → rename over `path` → fsync the directory. */
async function replaceWith(path: string, bytes: Buffer, mode: number, uid: number, gid: number, beforeRename?: () => Promise<void>): Promise<void> {
  const temp = join(dirname(path), tempNameFor(basename(path), randomBytes(4).toString('hex')));
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.chmod(mode);
      await handle.chown(uid, gid).catch(() => undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename?.();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw fsError(error, path);
  }
  await chmod(path, mode).catch(() => undefined);
  const dir = await open(dirname(path), 'r').catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}

async function listDir(dir: string): Promise<DirEntry[]> {
  const names = await readdir(dir).catch((error: unknown) => { throw fsError(error, dir); });
  const out: DirEntry[] = [];
  for (const name of names) {
    const info = await lstat(join(dir, name)).catch(() => undefined);
    if (info !== undefined) out.push({ name, isFile: info.isFile(), size: info.size, mode: info.mode & 0o7777, mtime: info.mtime.toISOString() });
  }
  return out;
}

function etag(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertUnchanged(path: string, expected: string, actual: string): void {
  if (expected !== actual) {
    throw new AppError('ENV_CONFLICT', `${path} was changed since Hangar loaded it, so nothing was written. Reload it, re-apply your edits, then save.`, { path, expectedEtag: expected, actualEtag: actual });
  }
}

function fsError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('FILE_NOT_FOUND', `${path} does not exist on this computer. Check the path.`, { path });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('FILE_WRITE_FAILED', `This computer denied access to ${path}. Run Hangar as a user who may write it, or fix its permissions.`, { path });
  const text = error instanceof Error ? error.message : String(error);
  return new AppError('FILE_WRITE_FAILED', `The file operation on ${path} failed: ${text}. Try again.`, { path, reason: text });
}
