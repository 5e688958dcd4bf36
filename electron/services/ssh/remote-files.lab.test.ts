import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { execRemote, spawnRemote } from './remote-exec';
import { etagOf, readRemoteFile, writeRemoteFile } from './remote-files';
import type { SessionLease } from './session-pool';
import { createLabPool, labHost, type LabPool } from './testing/lab-session';

let sshd: LabSshd;
let lab: LabPool;
let lease: SessionLease;

beforeAll(async () => {
  sshd = await startSshd();
  lab = createLabPool();
  lease = await lab.pool.acquire(labHost(sshd));
});
afterAll(async () => {
  lease?.release();
  lab?.pool.closeAll();
  await sshd?.stop();
});

describe('remote files over SFTP', () => {
  it('writes atomically: backup kept, mode preserved, etag of the new content returned', async () => {
    const path = join(sshd.dir, 'plane.env');
    writeFileSync(path, 'WEB_URL=http://old\n');
    chmodSync(path, 0o640);
    const loaded = await readRemoteFile(lease.session, path);
    expect(loaded).toMatchObject({
      content: Buffer.from('WEB_URL=http://old\n'),
      etag: etagOf(Buffer.from('WEB_URL=http://old\n')),
      mode: 0o640,
    });
    const result = await writeRemoteFile(lease.session, path, Buffer.from('WEB_URL=https://new\n'), { expectedEtag: loaded.etag });
    expect(readFileSync(path, 'utf8')).toBe('WEB_URL=https://new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(result.etag).toBe(etagOf(Buffer.from('WEB_URL=https://new\n')));
    expect(readFileSync(result.backupPath!, 'utf8')).toBe('WEB_URL=http://old\n');
    expect(readdirSync(sshd.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a file changed on the server since it was loaded', async () => {
    const path = join(sshd.dir, 'conflict.env');
    writeFileSync(path, 'A=1\n');
    const loaded = await readRemoteFile(lease.session, path);
    writeFileSync(path, 'A=2 # edited by someone on the server\n');
    const error = await writeRemoteFile(lease.session, path, Buffer.from('A=3\n'), { expectedEtag: loaded.etag }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(error?.code).toBe('ENV_CONFLICT');
    expect(readFileSync(path, 'utf8')).toBe('A=2 # edited by someone on the server\n');
    expect(readdirSync(sshd.dir).some((f) => f.startsWith('conflict.env.hangar-backup'))).toBe(false);
  });

  it('reports a missing file as FILE_NOT_FOUND', async () => {
    const error = await readRemoteFile(lease.session, join(sshd.dir, 'nope.env')).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(error?.code).toBe('FILE_NOT_FOUND');
  });
});

describe('remote exec', () => {
  it('passes hostile arguments through the remote shell as literal words', async () => {
    const marker = join(sshd.dir, 'pwned');
    const args = [`$(touch ${marker})`, "it's", 'a;b', '*'];
    const result = await execRemote(lease.session, ['printf', '%s|', ...args]);
    expect(result).toMatchObject({ code: 0, stdout: `${args.join('|')}|` });
    expect(existsSync(marker)).toBe(false);
  });

  it('returns non-zero exits as results, and TIMEOUT promptly when a command overruns', async () => {
    expect((await execRemote(lease.session, ['sh', '-c', 'echo oops >&2; exit 3'])).valueOf()).toMatchObject({ code: 3, stderr: 'oops\n' });
    const error = await execRemote(lease.session, ['sleep', '3'], { timeoutMs: 300 }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(error?.code).toBe('TIMEOUT');
  });

  it('with a pty, closing the channel ends the long-running remote process', async () => {
    const pidFile = join(sshd.dir, 'long.pid');
    const channel = await spawnRemote(lease.session, ['sh', '-c', `echo $$ > ${pidFile}; exec sleep 120`], { pty: true });
    const deadline = Date.now() + 5000;
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error('remote command did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(() => process.kill(pid, 0)).not.toThrow();
    channel.close();
    const gone = Date.now() + 5000;
    let alive = true;
    while (alive && Date.now() < gone) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });
});
