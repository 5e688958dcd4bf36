import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTrustedKeyStore } from '../../electron/services/ssh/trusted-keys';
import { startSshd, type LabSshd } from '../lab/sshd';
import { expect, keygenFingerprint, test } from '../harness/fixtures';
import { captureBothThemes } from '../pages/screenshots';

const run = promisify(execFile);

/**
 * Hangar trusted another key for the lab's address before (as if the server was reinstalled,
 * or someone is in between): connecting must stop with both fingerprints and the date the old
 * one was trusted, and only the deliberate "replace key" action may get past it.
 */
test('a changed host key is refused with both fingerprints until the user replaces it', async ({ hangar, sshd, project }) => {
  const old = await generateKey();
  await createTrustedKeyStore(hangar.dataDir).add({
    host: sshd.host,
    port: sshd.port,
    keyType: 'ssh-ed25519',
    key: old.blob,
    fingerprint: old.fingerprint,
    trustedAt: '2025-03-12T09:30:00.000Z',
  });
  const app = await hangar.open();
  await app.addLabHost(sshd);

  const refusal = app.hostKeyRefusal;
  await expect(refusal.root).toBeVisible();
  await expect(refusal.previousFingerprint).toHaveText(old.fingerprint);
  await expect(refusal.presentedFingerprint).toHaveText(await keygenFingerprint(`${sshd.hostKeyPath}.pub`));
  await expect(refusal.root).toContainText('Trusted on 12 March 2025');
  await expect(app.hostStatus('lab server')).toHaveText('Failed · Host key changed');
  await expect(app.hostKeyPrompt.root).toBeHidden();
  await captureBothThemes(app.page, 'host-key-changed');

  // "Try again" fails the same way: the refusal is a hard stop, not a question.
  await refusal.root.getByRole('button', { name: 'Try again' }).click();
  await expect(refusal.presentedFingerprint).toHaveText(await keygenFingerprint(`${sshd.hostKeyPath}.pub`));

  await refusal.replaceKey();
  await expect(app.hostStatus('lab server')).toHaveText('Connected');
  await app.containers.open();
  await expect(app.containers.group(project.name)).toBeVisible();
});

async function generateKey(): Promise<{ blob: string; fingerprint: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-e2e-key-'));
  try {
    const path = join(dir, 'other_host_key');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'old-host-key', '-f', path], { timeout: 10_000 });
    const blob = (await readFile(`${path}.pub`, 'utf8')).trim().split(/\s+/)[1];
    if (blob === undefined) throw new Error('ssh-keygen wrote an empty public key');
    return { blob, fingerprint: await keygenFingerprint(`${path}.pub`) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The real-world way a key changes: the server is reinstalled (here: sshd restarted on the same
 * port with a new host key) after Hangar trusted it. The next connection must stop at the
 * refusal, never trust the new key by itself.
 */
test('a server that comes back with a new host key is refused on reconnect', async ({ app }) => {
  const first = await startSshd();
  let second: LabSshd | undefined;
  try {
    await app.connectTrusted(first, 'rebuilt');
    const trustedFingerprint = await keygenFingerprint(`${first.hostKeyPath}.pub`);

    await first.stop();
    second = await startSshd({ port: first.port });
    // Stopping the listener leaves the open session alive (as a real sshd restart does), so the
    // user reconnects; the new handshake meets the new key.
    await app.pane.getByRole('button', { name: 'Disconnect' }).click();
    await app.pane.getByRole('button', { name: 'Connect', exact: true }).click();

    await expect(app.hostKeyRefusal.root).toBeVisible();
    await expect(app.hostKeyRefusal.previousFingerprint).toHaveText(trustedFingerprint);
    await expect(app.hostKeyRefusal.presentedFingerprint).toHaveText(await keygenFingerprint(`${second.hostKeyPath}.pub`));
    await expect(app.hostKeyRefusal.root).toContainText(`Trusted on ${new Date().getUTCDate()}`);
    await expect(app.hostKeyPrompt.root).toBeHidden();
  } finally {
    await second?.stop();
    await first.stop();
  }
});
