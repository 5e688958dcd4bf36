import { AppError } from '../../../shared/ipc/errors';

/** A text file as loaded for editing: `etag` is what a later write must still find on disk. */
export interface LoadedText {
  readonly path: string;
  readonly text: string;
  /** sha256 hex of the bytes. */
  readonly etag: string;
  /** Permission bits (e.g. 0o600): backups and rewrites keep them. */
  readonly mode: number;
  /** ISO time of the last modification, as the server reports it. */
  readonly mtime: string;
}

/** One directory entry. */
export interface DirEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly size: number;
  readonly mode: number;
  readonly mtime: string;
}

/** Every file operation is cancellable and bounded in time. */
export interface FileOpOptions {
  readonly signal?: AbortSignal;
  /** Default 30 s for the whole operation. */
  readonly timeoutMs?: number;
}

/** A write is always conditional on the etag the user saw. */
export interface AtomicWriteOptions extends FileOpOptions {
  /** The etag the file had when it was loaded; a different one on disk means ENV_CONFLICT, nothing written. */
  readonly expectedEtag: string;
}

/**
 * The file operations env editing needs, the same on a server (SFTP over the pooled SSH session)
 * and on "This computer" (node:fs), so every env feature works on both. Invariants both
 * implementations keep: a write or copy is atomic (readers see the old or the new bytes, never a
 * mix: temp file in the same directory, fsync, rename) and keeps the original's mode; a write
 * whose `expectedEtag` no longer matches the disk throws ENV_CONFLICT and changes nothing.
 */
export interface FileAccess {
  /** Names the machine in messages: "on root@host:22" or "on this computer". */
  readonly where: string;
  /** Reads a UTF-8 text file; other encodings are refused so a save can never mangle bytes. */
  read(path: string, options?: FileOpOptions): Promise<LoadedText>;
  /** Replaces the file atomically if it still has `expectedEtag`; returns the new etag after re-reading it. */
  writeAtomic(path: string, text: string, options: AtomicWriteOptions): Promise<{ etag: string }>;
  /** Entries of a directory (no recursion); FILE_NOT_FOUND when it does not exist. */
  list(dir: string, options?: FileOpOptions): Promise<DirEntry[]>;
  exists(path: string, options?: FileOpOptions): Promise<boolean>;
  /**
   * Copies `from` to `to` (which must not exist) atomically with `from`'s mode: the backup of a
   * file is either complete or absent, never a truncated copy.
   */
  copyAtomic(from: string, to: string, options?: FileOpOptions): Promise<void>;
  /** Deletes a file; a missing file is not an error (the goal state is reached). */
  remove(path: string, options?: FileOpOptions): Promise<void>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → text, refusing anything that is not valid UTF-8: env files are edited as text and
 * written back as UTF-8, so a Latin-1 byte would silently change on the first save.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError('ENV_PARSE_FAILED', `${path} is not UTF-8 text, so Hangar cannot edit it without changing bytes. Convert it to UTF-8 (iconv -t UTF-8) or edit it on the server.`, { path });
  }
}

/** Name of the temp file a write uses, hidden and next to the target so the rename is atomic. */
export function tempNameFor(name: string, random: string): string {
  return `.${name}.hangar-${random}.tmp`;
}

/** True for temp files Hangar left behind when a write was interrupted (safe to delete). */
export function isHangarTemp(entryName: string, fileName: string): boolean {
  return entryName.startsWith(`.${fileName}.hangar-`) && entryName.endsWith('.tmp');
}
