import { expect, keygenFingerprint, test } from '../harness/fixtures';
import { captureBothThemes } from '../pages/screenshots';

/**
 * The first slice end to end: a user adds the lab server through the form, is asked about its
 * host key (the fingerprint must be the one `ssh-keygen -lf` prints for the server's key),
 * trusts it, and sees the lab's compose project with its containers.
 */
test('adds a host, trusts its key on first use and lists its containers by project', async ({ app, sshd, project }) => {
  await app.addLabHost(sshd);

  const prompt = app.hostKeyPrompt;
  await expect(prompt.root).toBeVisible();
  await expect(prompt.fingerprint).toHaveText(await keygenFingerprint(`${sshd.hostKeyPath}.pub`));
  await expect(prompt.root).toContainText(`[127.0.0.1]:${sshd.port}`);
  await expect(prompt.keygenHint).toHaveText('ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub');
  await expect(app.hostStatus('lab server')).toHaveText('Connecting…');
  await captureBothThemes(app.page, 'host-key-prompt');

  await prompt.trust();
  await expect(prompt.root).toBeHidden();
  await expect(app.hostStatus('lab server')).toHaveText('Connected');

  await app.containers.open();
  const group = app.containers.group(project.name);
  await expect(group).toBeVisible();
  await expect(group.getByRole('heading')).toHaveText(project.name);
  for (const [container, service] of Object.entries(project.containers)) {
    await expect(app.containers.row(group, container)).toContainText(service);
  }
  for (const container of project.exited) {
    await expect(app.containers.row(group, container).getByTestId('container-state')).toHaveText('exited');
  }
  const running = Object.keys(project.containers).length - project.exited.length;
  await expect(group).toContainText(`${running}/${Object.keys(project.containers).length} running`);
  await expect(group).toContainText(project.workingDir);
  await expect(app.containers.row(app.containers.group(null), project.standalone)).toBeVisible();

  // Healthchecks report within seconds; R refreshes in place until they have.
  await expect(async () => {
    await app.containers.refreshWithShortcut();
    for (const container of project.healthy) {
      await expect(app.containers.row(group, container).getByTestId('container-health')).toHaveText('Healthy', { timeout: 2000 });
    }
  }).toPass({ timeout: 30_000 });
  await expect(app.containers.row(group, `${project.name}-web-1`).getByTestId('container-state')).toHaveText('running');
  await captureBothThemes(app.page, 'container-list');
});

test('a second connection to a trusted host does not ask again', async ({ app, sshd, project }) => {
  await app.connectTrusted(sshd);

  await app.pane.getByRole('button', { name: 'Disconnect' }).click();
  await expect(app.hostStatus('lab server')).toHaveText('Not connected');
  await app.pane.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(app.hostStatus('lab server')).toHaveText('Connected');
  await expect(app.hostKeyPrompt.root).toBeHidden();
  await app.containers.open();
  await expect(app.containers.group(project.name)).toBeVisible();
});
