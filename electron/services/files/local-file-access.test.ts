import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { createLocalFileAccess } from './local-file-access';

const dir = mkdtempSync(join(tmpdir(), 'hangar-files-'));
const files = createLocalFileAccess();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local file access ("This computer")', () => {
  it('writes atomically with the etag it loaded, keeping the mode and leaving no temp file', async () => {
    const path = join(dir, 'plane.env');
    writeFileSync(path, 'A=1\n');
    chmodSync(path, 0o600);
    const loaded = await files.read(path);
    expect(loaded).toMatchObject({ text: 'A=1\n', mode: 0o600 });
    const { etag } = await files.writeAtomic(path, 'A=2\n', { expectedEtag: loaded.etag });
    expect(readFileSync(path, 'utf8')).toBe('A=2\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(etag).toBe((await files.read(path)).etag);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a file changed since it was loaded', async () => {
    const path = join(dir, 'conflict.env');
    writeFileSync(path, 'A=1\n');
    const loaded = await files.read(path);
    writeFileSync(path, 'A=someone else\n');
    const error = await files.writeAtomic(path, 'A=3\n', { expectedEtag: loaded.etag }).catch((e: AppError) => e);
    expect((error as AppError).code).toBe('ENV_CONFLICT');
    expect(readFileSync(path, 'utf8')).toBe('A=someone else\n');
  });

  it('copies without overwriting, and refuses text that is not UTF-8', async () => {
    const path = join(dir, 'latin1.env');
    writeFileSync(path, Buffer.from([0x41, 0x3d, 0xe9, 0x0a]));
    expect(((await files.read(path).catch((e: AppError) => e)) as AppError).code).toBe('ENV_PARSE_FAILED');
    await files.copyAtomic(path, join(dir, 'copy.env'));
    expect(readFileSync(join(dir, 'copy.env'))).toEqual(readFileSync(path));
    expect(((await files.copyAtomic(path, join(dir, 'copy.env')).catch((e: AppError) => e)) as AppError).code).toBe('FILE_WRITE_FAILED');
    await files.remove(join(dir, 'copy.env'));
    await files.remove(join(dir, 'copy.env'));
    expect(await files.exists(join(dir, 'copy.env'))).toBe(false);
  });
});
