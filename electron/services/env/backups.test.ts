import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalFileAccess } from '../files/local-file-access';
import { backupNameFor, backupTime, createBackup, listBackups, pruneBackups } from './backups';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('backups next to the file', () => {
  it('names backups by UTC time, and only recognises backups of that exact file', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    expect(backupNameFor('plane.env', at)).toBe('plane.env.hangar-backup-2026-03-04T05-06-07-089Z');
    expect(backupTime('plane.env.hangar-backup-2026-03-04T05-06-07-089Z', 'plane.env')?.toISOString()).toBe(at.toISOString());
    expect(backupTime('plane.env.bak', 'plane.env')).toBeUndefined();
    expect(backupTime('.env.hangar-backup-2026-03-04T05-06-07-089Z', 'plane.env')).toBeUndefined();
  });

  it('keeps the mode, lists newest first, prunes to the last 20 and leaves other files alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-backups-'));
    const path = join(dir, 'plane.env');
    const at = (name: string) => join(dir as string, name);
    writeFileSync(path, 'A=1\n', { mode: 0o640 });
    writeFileSync(at('plane.env.bak'), 'setup.sh backup\n');
    const files = createLocalFileAccess();
    let t = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 23; i += 1) await createBackup(files, path, () => new Date((t += 1000)));
    const first = await listBackups(files, path);
    expect(first).toHaveLength(23);
    expect(statSync(first[0]!.path).mode & 0o777).toBe(0o640);
    expect(first[0]!.createdAt > first[1]!.createdAt).toBe(true);
    writeFileSync(at('.plane.env.hangar-dead.tmp'), 'A=');
    utimesSync(at('.plane.env.hangar-dead.tmp'), new Date(t - 3_600_000), new Date(t - 3_600_000));
    const removed = await pruneBackups(files, path, 20, { now: new Date(t) });
    expect(removed).toHaveLength(4);
    const left = await listBackups(files, path);
    expect(left.map((b) => b.name)).toEqual(first.slice(0, 20).map((b) => b.name));
    expect(readdirSync(at('.'))).toContain('plane.env.bak');
    expect(readdirSync(at('.'))).not.toContain('.plane.env.hangar-dead.tmp');
  });
});
