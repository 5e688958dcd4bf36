import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../harness/fixtures';
import { captureBothThemes } from '../pages/screenshots';

const run = promisify(execFile);
const PASSPHRASE = 'correct horse battery staple';

/**
 * An encrypted key: the passphrase is asked in the window, a wrong one asks again with the
 * attempt count, and "remember" is not offered where no OS keychain exists (plain Node here).
 */
test('an encrypted key asks for its passphrase, again after a wrong one, then connects', async ({ app, sshd, project }) => {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-e2e-enc-'));
  try {
    const keyPath = join(dir, 'id_ed25519_encrypted');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', 'hangar-e2e-encrypted', '-f', keyPath], { timeout: 10_000 });
    await appendFile(join(sshd.dir, 'authorized_keys'), await readFile(`${keyPath}.pub`, 'utf8'));

    await app.addHostDialog.addHost({ address: sshd.host, port: sshd.port, user: sshd.user, name: 'encrypted key', keyPath });
    // The key is unlocked before the handshake, so the host-key question comes after it.
    const dialog = app.passphrase;
    await expect(dialog.root).toBeVisible();
    await expect(dialog.root).toContainText(keyPath);
    await expect(dialog.attempt).toHaveText('Attempt 1 of 3');
    await expect(dialog.remember).toHaveCount(0);
    await dialog.unlock('not the passphrase');

    await expect(dialog.attempt).toHaveText('Attempt 2 of 3');
    await expect(dialog.root).toContainText('That passphrase did not unlock the key.');
    await captureBothThemes(app.page, 'passphrase-prompt');
    await dialog.unlock(PASSPHRASE);
    await app.hostKeyPrompt.trust();

    await expect(app.hostStatus('encrypted key')).toHaveText('Connected');
    await app.containers.open();
    await expect(app.containers.group(project.name)).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
