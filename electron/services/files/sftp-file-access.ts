import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { FileEntryWithStats, SFTPWrapper, Stats } from 'ssh2';
import { AppError, isAppError } from '../../../shared/ipc/errors';
import { withSignal } from '../ssh/deadline';
import { readRemoteFile, writeRemoteFile } from '../ssh/remote-files';
import { sftpFor } from '../ssh/sftp-channel';
import { sftpCall } from '../ssh/sftp-ops';
import type { SshSession } from '../ssh/ssh-session';
import { decodeUtf8, tempNameFor, type DirEntry, type FileAccess, type FileOpOptions } from './file-access';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * FileAccess on a server over the host's pooled SSH session. Reads and writes go through
 * remote-files (etag check, temp file with mode/owner, fsync, posix-rename, verify); listing,
 * backups and removal use the same SFTP discipline here, so nothing needs a shell on the server.
 */
export function createSftpFileAccess(session: SshSession): FileAccess {
  const run = <T>(options: FileOpOptions | undefined, work: (sftp: SFTPWrapper) => Promise<T>): Promise<T> => {
    const timeoutMs = options?.timeoutMs ?? 30_000;
    const started = failOnDrop(session, session.client(options?.signal).then((client) => sftpFor(client, session)).then(work));
    return withSignal(started, {
      signal: options?.signal,
      timeoutMs,
      timeoutError: () => new AppError('TIMEOUT', `The file operation on ${session.label} did not finish within ${timeoutMs / 1000} s. Check the connection and try again.`),
    });
  };

  return {
    where: `on ${session.label}`,
    async read(path, options) {
      const file = await failOnDrop(session, readRemoteFile(session, path, { signal: options?.signal, timeoutMs: options?.timeoutMs }));
      const stats = await run(options, (sftp) => sftpCall<Stats>((cb) => sftp.stat(path, cb), path));
      return { path, text: decodeUtf8(file.content, path), etag: file.etag, mode: file.mode, mtime: new Date(stats.mtime * 1000).toISOString() };
    },
    async writeAtomic(path, text, options) {
      const result = await failOnDrop(session, writeRemoteFile(session, path, Buffer.from(text, 'utf8'), { expectedEtag: options.expectedEtag, backup: false, signal: options.signal, timeoutMs: options.timeoutMs }));
      return { etag: result.etag };
    },
    list: (dir, options) =>
      run(options, async (sftp) => {
        const entries = await sftpCall<FileEntryWithStats[]>((cb) => sftp.readdir(dir, cb), dir);
        return entries.map((e): DirEntry => ({ name: e.filename, isFile: (e.attrs.mode & S_IFMT) === S_IFREG, size: e.attrs.size, mode: e.attrs.mode & 0o7777, mtime: new Date(e.attrs.mtime * 1000).toISOString() }));
      }),
    exists: (path, options) =>
      run(options, (sftp) => sftpCall<Stats>((cb) => sftp.lstat(path, cb), path).then(() => true, (error: unknown) => (isAppError(error, 'FILE_NOT_FOUND') ? false : Promise.reject(error)))),
    copyAtomic: (from, to, options) => run(options, (sftp) => copyAtomic(sftp, from, to)),
    remove: (path, options) =>
      run(options, (sftp) => sftpCall<void>((cb) => sftp.unlink(path, cb), path).catch((error: unknown) => (isAppError(error, 'FILE_NOT_FOUND') ? undefined : Promise.reject(error)))),
  };
}

/**
 * Rejects as soon as the SSH connection drops (SSH_DISCONNECTED): SFTP requests in flight on a
 * dead connection may never be answered, and the user should not wait for the timeout to learn
 * that the save did not finish. The file itself is safe either way (rename is the last step).
 */
function failOnDrop<T>(session: SshSession, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const off = session.onDrop((error) => reject(error));
    work.then(
      (value) => {
        off();
        resolve(value);
      },
      (error: unknown) => {
        off();
        reject(error);
      },
    );
  });
}

/** Reads `from` whole, writes a hidden temp beside `to` with the same mode, fsyncs, then renames. */
async function copyAtomic(sftp: SFTPWrapper, from: string, to: string): Promise<void> {
  const exists = await sftpCall<Stats>((cb) => sftp.lstat(to, cb), to).then(() => true, () => false);
  if (exists) throw new AppError('FILE_WRITE_FAILED', `${to} already exists; Hangar never overwrites a backup. Try again in a second.`, { path: to });
  const stats = await sftpCall<Stats>((cb) => sftp.stat(from, cb), from);
  const content = await readAll(sftp, from);
  const mode = stats.mode & 0o7777;
  const temp = posix.join(posix.dirname(to), tempNameFor(posix.basename(to), randomBytes(4).toString('hex')));
  try {
    const handle = await sftpCall<Buffer>((cb) => sftp.open(temp, 'wx', { mode }, cb), temp);
    try {
      for (let offset = 0; offset < content.length; offset += 32 * 1024) {
        const length = Math.min(32 * 1024, content.length - offset);
        await sftpCall<void>((cb) => sftp.write(handle, content, offset, length, offset, cb), temp);
      }
      await sftpCall<void>((cb) => sftp.fchmod(handle, mode, cb), temp);
      await sftpCall<void>((cb) => sftp.fchown(handle, stats.uid, stats.gid, cb), temp).catch(() => undefined);
      await sftpCall<void>((cb) => sftp.ext_openssh_fsync(handle, (err) => cb(err)), temp);
    } finally {
      await sftpCall<void>((cb) => sftp.close(handle, cb), temp).catch(() => undefined);
    }
    await sftpCall<void>((cb) => sftp.ext_openssh_rename(temp, to, cb), to);
  } catch (error) {
    await sftpCall<void>((cb) => sftp.unlink(temp, cb), temp).catch(() => undefined);
    throw error;
  }
}

async function readAll(sftp: SFTPWrapper, path: string): Promise<Buffer> {
  const handle = await sftpCall<Buffer>((cb) => sftp.open(path, 'r', cb), path);
  try {
    const chunks: Buffer[] = [];
    let position = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const read = await sftpCall<number>((cb) => sftp.read(handle, buffer, 0, buffer.length, position, (err, bytes) => cb(err, bytes)), path);
      if (read === 0) break;
      chunks.push(buffer.subarray(0, read));
      position += read;
      if (position > 8 * 1024 * 1024) throw new AppError('INVALID_INPUT', `${path} is larger than 8 MiB; Hangar backs up configuration files only.`, { path });
    }
    return Buffer.concat(chunks);
  } finally {
    await sftpCall<void>((cb) => sftp.close(handle, cb), path).catch(() => undefined);
  }
}
