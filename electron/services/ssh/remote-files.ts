import { createHash, randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { SFTPWrapper, Stats } from 'ssh2';
import { AppError } from '../../../shared/ipc/errors';
import { withSignal } from './deadline';
import type { SshSession } from './ssh-session';
import { sftpFor } from './sftp-channel';
import { sftpCall, sftpError } from './sftp-ops';

/** A remote file as loaded for editing; `etag` is what a later write must still find on disk. */
export interface RemoteFile {
  path: string;
  content: Buffer;
  /** sha256 hex of the content. */
  etag: string;
  mode: number;
  uid: number;
  gid: number;
}

/** Every SFTP operation is cancellable and bounded in time. */
export interface RemoteFileOptions {
  signal?: AbortSignal;
  /** Default 30 s for the whole read or write. */
  timeoutMs?: number;
}

/** A write is always conditional on the etag the caller loaded: no blind overwrite exists. */
export interface WriteOptions extends RemoteFileOptions {
  /** The etag from `readRemoteFile`; if the file changed since, nothing is written (ENV_CONFLICT). */
  expectedEtag: string;
  /** Keep a copy of the previous content next to the file (default true). */
  backup?: boolean;
  now?: () => Date;
}

/** The new etag (for the next conditional write) and where the previous content was kept. */
export interface WriteResult {
  etag: string;
  backupPath?: string;
}

const MAX_BYTES = 8 * 1024 * 1024;

/** sha256 hex: the etag of a file's bytes. */
export function etagOf(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Reads a file over SFTP with its etag, mode and owner (the write restores both). */
export function readRemoteFile(session: SshSession, path: string, options: RemoteFileOptions = {}): Promise<RemoteFile> {
  return run(session, options, async (sftp) => {
    const { content, stats } = await readWithStats(sftp, path);
    return { path, content, etag: etagOf(content), mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid };
  });
}

/**
 * Replaces a file so that readers see either the old or the new content, never a mix:
 * check etag → backup copy → temp file in the same directory with the original mode and owner
 * → fsync → check etag again → posix-rename over the original → re-read and compare.
 * The temp file is removed on any failure; the original is untouched until the rename.
 */
export function writeRemoteFile(session: SshSession, path: string, content: Buffer, options: WriteOptions): Promise<WriteResult> {
  return run(session, options, async (sftp) => {
    const current = await readWithStats(sftp, path);
    assertUnchanged(path, options.expectedEtag, etagOf(current.content));
    const mode = current.stats.mode & 0o7777;
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backupPath = options.backup === false ? undefined : `${path}.hangar-backup-${stamp}`;
    if (backupPath) await writeNewFile(sftp, backupPath, current.content, mode, current.stats);
    const temp = posix.join(posix.dirname(path), `.${posix.basename(path)}.hangar-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeNewFile(sftp, temp, content, mode, current.stats);
      const again = await readWithStats(sftp, path);
      assertUnchanged(path, options.expectedEtag, etagOf(again.content));
      await sftpCall<void>((cb) => sftp.ext_openssh_rename(temp, path, cb), path);
    } catch (error) {
      await sftpCall<void>((cb) => sftp.unlink(temp, cb), temp).catch(() => undefined);
      throw error;
    }
    const written = await readWithStats(sftp, path);
    const etag = etagOf(written.content);
    if (etag !== etagOf(content)) {
      throw new AppError(
        'ENV_VERIFY_FAILED',
        `${path} does not contain what Hangar wrote (something changed it right after). Reload the file and check it.${backupPath ? ` The previous version is in ${backupPath}.` : ''}`,
        { path, backupPath },
      );
    }
    return backupPath ? { etag, backupPath } : { etag };
  });
}

function assertUnchanged(path: string, expected: string, actual: string): void {
  if (expected === actual) return;
  throw new AppError(
    'ENV_CONFLICT',
    `${path} was changed on the server since Hangar loaded it, so nothing was written. Reload it, re-apply your edits, then save.`,
    { path, expectedEtag: expected, actualEtag: actual },
  );
}

async function run<T>(session: SshSession, options: RemoteFileOptions, work: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = await session.client(options.signal);
  const sftp = await sftpFor(client, session);
  return withSignal(work(sftp), {
    signal: options.signal,
    timeoutMs,
    timeoutError: () =>
      new AppError(
        'TIMEOUT',
        `The file operation on ${session.label} did not finish within ${timeoutMs / 1000} s. Check the connection and try again.`,
      ),
  });
}


async function readWithStats(sftp: SFTPWrapper, path: string): Promise<{ content: Buffer; stats: Stats }> {
  const handle = await sftpCall<Buffer>((cb) => sftp.open(path, 'r', cb), path);
  try {
    const stats = await sftpCall<Stats>((cb) => sftp.fstat(handle, cb), path);
    if (!stats.isFile()) throw new AppError('FILE_NOT_FOUND', `${path} is not a regular file. Choose the file itself.`, { path });
    if (stats.size > MAX_BYTES)
      throw new AppError('INVALID_INPUT', `${path} is larger than 8 MiB; Hangar edits configuration files only.`, {
        path,
        size: stats.size,
      });
    const chunks: Buffer[] = [];
    let position = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const read = await sftpCall<number>(
        (cb) => sftp.read(handle, buffer, 0, buffer.length, position, (err, bytes) => cb(err, bytes)),
        path,
      );
      if (read === 0) break;
      chunks.push(buffer.subarray(0, read));
      position += read;
      if (position > MAX_BYTES) throw new AppError('INVALID_INPUT', `${path} grew beyond 8 MiB while reading.`, { path });
    }
    return { content: Buffer.concat(chunks), stats };
  } finally {
    await sftpCall<void>((cb) => sftp.close(handle, cb), path).catch(() => undefined);
  }
}

/** Creates a file that must not exist yet, with the given mode and owner, and fsyncs it. */
async function writeNewFile(sftp: SFTPWrapper, path: string, content: Buffer, mode: number, owner: Stats): Promise<void> {
  const handle = await sftpCall<Buffer>((cb) => sftp.open(path, 'wx', { mode }, cb), path);
  try {
    let offset = 0;
    while (offset < content.length) {
      const length = Math.min(32 * 1024, content.length - offset);
      await sftpCall<void>((cb) => sftp.write(handle, content, offset, length, offset, cb), path);
      offset += length;
    }
    await sftpCall<void>((cb) => sftp.fchmod(handle, mode, cb), path);
    const mine = await sftpCall<Stats>((cb) => sftp.fstat(handle, cb), path);
    if (mine.uid !== owner.uid || mine.gid !== owner.gid) {
      await sftpCall<void>((cb) => sftp.fchown(handle, owner.uid, owner.gid, cb), path).catch((error: unknown) => {
        throw new AppError(
          'FILE_WRITE_FAILED',
          `Hangar cannot give the new file the original owner (${owner.uid}:${owner.gid}), so it did not replace it. Connect as that user or as root.`,
          { path, reason: sftpError(error, path).message },
        );
      });
    }
    await sftpCall<void>((cb) => sftp.ext_openssh_fsync(handle, (err) => cb(err)), path);
  } finally {
    await sftpCall<void>((cb) => sftp.close(handle, cb), path).catch(() => undefined);
  }
}
