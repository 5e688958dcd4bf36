import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../harness/fixtures';
import { EditHostDialog, ImportSshConfigDialog } from '../pages/hosts-dialogs';
import { captureBothThemes } from '../pages/screenshots';

const run = promisify(execFile);

/**
 * Managing saved hosts against the lab sshd: edit, remove with a confirmation, import from a
 * ~/.ssh/config in the test's own HOME (a Match block must be listed with its line), and the
 * sidebar's "Reconnecting…" state when the server drops the session.
 */

test('edits a host: a bad port is refused under its field, a new name is saved', async ({ app, sshd, hangar }) => {
  await app.connectTrusted(sshd);
  const dialog = new EditHostDialog(app.page);
  await dialog.open('lab server');
  await expect(dialog.field('Address')).toHaveValue(sshd.host);
  await dialog.field('Port').fill('70000');
  await dialog.save();
  await expect(dialog.root.getByRole('alert')).toHaveText('Enter a port between 1 and 65535 (SSH uses 22 by default).');

  await dialog.field('Port').fill(String(sshd.port));
  await dialog.field('Name').fill('staging');
  await dialog.save();
  await expect(dialog.root).toBeHidden();
  await expect(app.hostItem('staging')).toBeVisible();
  await expect(app.hostItem('lab server')).toHaveCount(0);
  const saved = (await hangar.services.hosts.list()).find((h) => h.name === 'staging');
  expect(saved).toMatchObject({ kind: 'ssh', address: sshd.host, port: sshd.port, auth: { kind: 'key', keyPath: sshd.clientKeyPath } });
});

test('removes a host only after the confirmation', async ({ app, sshd, hangar }) => {
  await app.connectTrusted(sshd);
  const dialog = new EditHostDialog(app.page);
  await dialog.open('lab server');
  await dialog.root.getByRole('button', { name: 'Remove…' }).click();
  await dialog.root.getByRole('button', { name: 'Keep host' }).click();
  await expect(dialog.root.getByRole('button', { name: 'Save' })).toBeVisible();
  await dialog.remove();
  await expect(dialog.root).toBeHidden();
  await expect(app.hostItem('lab server')).toHaveCount(0);
  await expect(app.pane).toContainText('Pick a host to see its containers');
  expect((await hangar.services.hosts.list()).map((h) => h.name)).toEqual(['This computer']);
});

test('imports a host from ~/.ssh/config and lists the Match block it did not apply', async ({ hangar, sshd }) => {
  await mkdir(join(hangar.homeDir, '.ssh'), { recursive: true, mode: 0o700 });
  await writeFile(
    join(hangar.homeDir, '.ssh', 'config'),
    [
      'Host lab',
      '  HostName 127.0.0.1',
      `  Port ${sshd.port}`,
      `  User ${sshd.user}`,
      `  IdentityFile ${sshd.clientKeyPath}`,
      '',
      'Match host *.internal',
      '  User admin',
      '',
      'Host build',
      '  HostName 127.0.0.1',
      '  Port 1',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const app = await hangar.open();
  const dialog = new ImportSshConfigDialog(app.page);
  await dialog.open();
  await expect(dialog.drafts).toHaveCount(2);
  await expect(dialog.draft('lab')).toContainText(`${sshd.user}@127.0.0.1:${sshd.port}`);
  await expect(dialog.issues).toHaveCount(1);
  await expect(dialog.issues.first()).toHaveAttribute('data-line', '7');
  await expect(dialog.issues.first()).toContainText('Line 7 · Match');
  await expect(dialog.issues.first()).toContainText('the settings inside it are not applied');
  await captureBothThemes(app.page, 'import-ssh-config');

  await dialog.root.getByRole('checkbox', { name: 'build' }).uncheck();
  await expect(dialog.root.getByRole('button', { name: 'Import 1 host' })).toBeVisible();
  await dialog.importChecked();
  await expect(app.hostItem('lab')).toBeVisible();
  await expect(app.hostItem('build')).toHaveCount(0);
  expect((await hangar.services.hosts.list()).find((h) => h.name === 'lab')).toMatchObject({ sshConfigAlias: 'lab' });

  // The imported host connects through its alias.
  await app.openHost('lab');
  await app.hostKeyPrompt.trust();
  await expect(app.hostStatus('lab')).toHaveText('Connected');

  // Importing again offers nothing new: the alias is already saved.
  await dialog.open();
  await expect(dialog.root.getByRole('checkbox', { name: 'lab', exact: true })).toBeDisabled();
  await expect(dialog.draft('lab')).toContainText('already added');
});

test('shows "Reconnecting…" when the server drops the session, then "Connected" again', async ({ app, sshd }) => {
  await app.connectTrusted(sshd);
  // Freeze the listener so the reconnect has to wait (and is visible), then kill the per-connection process.
  await run('kill', ['-STOP', String(sshd.pid)]);
  try {
    const { stdout } = await run('pgrep', ['-P', String(sshd.pid)]);
    const children = stdout.split('\n').filter((line) => /^\d+$/.test(line.trim()));
    expect(children.length).toBeGreaterThan(0);
    await run('kill', ['-KILL', ...children]);
    await expect(app.hostStatus('lab server')).toHaveText(/^Reconnecting/);
    await expect(app.pane.getByRole('status')).toContainText('The connection dropped. Hangar is reconnecting');
    await captureBothThemes(app.page, 'host-reconnecting');
  } finally {
    await run('kill', ['-CONT', String(sshd.pid)]);
  }
  await expect(app.hostStatus('lab server')).toHaveText('Connected', { timeout: 15_000 });
});
