import { posix } from 'node:path';
import type { BackupEntry } from '../../../shared/schemas/env-edit';
import { isHangarTemp, type FileAccess, type FileOpOptions } from '../files/file-access';

/** How many backups of one file are kept next to it. */
export const BACKUPS_KEPT = 20;
const MARK = '.hangar-backup-';
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/**
 * `<file>.hangar-backup-<UTC timestamp>`: next to the file (same filesystem, same permissions
 * context), sortable by name, and recognisable so pruning never touches anything else.
 */
export function backupNameFor(fileName: string, now: Date): string {
  return `${fileName}${MARK}${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** The backup's creation time, or undefined when `entry` is not a backup of `fileName`. */
export function backupTime(entry: string, fileName: string): Date | undefined {
  if (!entry.startsWith(`${fileName}${MARK}`)) return undefined;
  const m = STAMP.exec(entry.slice(fileName.length + MARK.length));
  return m === null ? undefined : new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
}

/** Backups of the file at `path`, newest first. */
export async function listBackups(files: FileAccess, path: string, options?: FileOpOptions): Promise<BackupEntry[]> {
  const dir = posix.dirname(path);
  const name = posix.basename(path);
  const entries = await files.list(dir, options);
  return entries
    .flatMap((e) => {
      const time = e.isFile ? backupTime(e.name, name) : undefined;
      return time === undefined ? [] : [{ name: e.name, path: posix.join(dir, e.name), createdAt: time.toISOString(), size: e.size, mode: e.mode }];
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Copies the file to a new backup (atomic, mode kept) and returns its path. */
export async function createBackup(files: FileAccess, path: string, now: () => Date, options?: FileOpOptions): Promise<string> {
  let time = now();
  for (let attempt = 0; ; attempt += 1) {
    const target = posix.join(posix.dirname(path), backupNameFor(posix.basename(path), time));
    if (!(await files.exists(target, options))) {
      await files.copyAtomic(path, target, options);
      return target;
    }
    if (attempt >= 5) throw new Error(`Could not find a free backup name for ${path}.`);
    time = new Date(time.getTime() + 1); // two saves in the same millisecond
  }
}

/**
 * Deletes all but the newest `keep` backups of the file, and temp files an interrupted write
 * left behind (only ones older than 10 minutes, so a save in progress elsewhere is never hit).
 */
export async function pruneBackups(files: FileAccess, path: string, keep = BACKUPS_KEPT, options?: FileOpOptions & { now?: Date }): Promise<string[]> {
  const removed: string[] = [];
  for (const old of (await listBackups(files, path, options)).slice(keep)) {
    await files.remove(old.path, options);
    removed.push(old.path);
  }
  const dir = posix.dirname(path);
  const name = posix.basename(path);
  const cutoff = (options?.now ?? new Date()).getTime() - 10 * 60_000;
  for (const e of await files.list(dir, options)) {
    if (e.isFile && isHangarTemp(e.name, name) && Date.parse(e.mtime) < cutoff) {
      await files.remove(posix.join(dir, e.name), options);
      removed.push(posix.join(dir, e.name));
    }
  }
  return removed;
}
