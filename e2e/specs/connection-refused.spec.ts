import { freeLoopbackPort } from '../lab/process-wait';
import { expect, test } from '../harness/fixtures';
import { captureBothThemes } from '../pages/screenshots';

/**
 * A host whose port has nothing listening: the user must read what happened and what to do in
 * one sentence each, in the pane and as the host's state in the list, without any prompt.
 */
test('a host that refuses the connection says so in one sentence with the next step', async ({ app, sshd }) => {
  const closedPort = await freeLoopbackPort();
  await app.addHostDialog.addHost({
    address: '127.0.0.1',
    port: closedPort,
    user: 'root',
    name: 'closed port',
    keyPath: sshd.clientKeyPath,
  });

  const failure = app.connectionFailure;
  await expect(failure.what).toHaveText(`The server refused the connection on port ${closedPort}.`);
  await expect(failure.next).toHaveText('Check that sshd is running and the port is right.');
  await expect(app.hostStatus('closed port')).toHaveText('Failed · Connection refused');
  await expect(app.hostKeyPrompt.root).toBeHidden();
});

test('the host list shows each host with its own state', async ({ app, project, sshd }) => {
  await app.openHost('This computer');
  await expect(app.hostStatus('This computer')).toHaveText('Connected');
  await app.containers.open();
  await expect(app.containers.group(project.name)).toBeVisible();

  const closedPort = await freeLoopbackPort();
  await app.addHostDialog.addHost({ address: '127.0.0.1', port: closedPort, user: 'deploy', name: 'staging', keyPath: sshd.clientKeyPath });
  await expect(app.hostStatus('staging')).toHaveText('Failed · Connection refused');

  await app.connectTrusted(sshd, 'plane-prod');
  await expect(app.containers.group(project.name)).toBeVisible();

  // Each host keeps its own state: the failure of one does not touch the others.
  await expect(app.hostStatus('This computer')).toHaveText('Connected');
  await expect(app.hostStatus('staging')).toHaveText('Failed · Connection refused');
  await captureBothThemes(app.page, 'host-list');
});
