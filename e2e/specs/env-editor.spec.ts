import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test, type HangarInstance } from '../harness/fixtures';
import { startLab, type Lab } from '../lab/lab';
import type { AppPage } from '../pages/app-page';
import { EnvEditor } from '../pages/env-editor';
import { captureBothThemes } from '../pages/screenshots';

/**
 * The env editor against the Plane lab (community layout started with the cors-trailing-slash
 * fault, so its API refuses to start like Django with corsheaders.E014), reached over the lab's
 * own sshd exactly like a remote server. One lab for the file; the tests run in order: fix and
 * apply, then a concurrent edit, then history and restore of the backups the first two left.
 */
test.describe.configure({ mode: 'serial' });

let lab: Lab;
let envPath: string;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  lab = await startLab({ layout: 'community', faults: ['cors-trailing-slash'] });
  envPath = lab.envFiles['plane.env'] ?? '';
  origin = `http://127.0.0.1:${lab.httpPort}`;
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await lab?.stop();
});

/** Trusts the lab's host key, saves it as a host, connects and opens the Environment view. */
async function openEditor(hangar: HangarInstance): Promise<{ app: AppPage; env: EnvEditor }> {
  const sshd = lab.sshd;
  if (sshd === undefined) throw new Error('The lab started without its sshd.');
  await mkdir(join(hangar.homeDir, '.ssh'), { recursive: true });
  await writeFile(join(hangar.homeDir, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
  const added = await hangar.router.call(
    'hosts.add',
    {
      kind: 'ssh',
      name: 'plane lab',
      address: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: { kind: 'key', keyPath: sshd.clientKeyPath },
    },
    { owner: 'spec' },
  );
  expect(added).toMatchObject({ ok: true });
  const app = await hangar.open();
  await app.openHost('plane lab');
  // A newly added host may already be connecting; connect only if it is idle.
  const status = app.hostStatus('plane lab');
  await expect(status).toHaveText(/^(Connected|Not connected)$/);
  if ((await status.textContent()) === 'Not connected') await app.pane.getByRole('button', { name: 'Connect to plane lab' }).click();
  await expect(status).toHaveText('Connected');
  const env = new EnvEditor(app.page);
  await env.open();
  // Other Plane projects may run on this Docker Engine (other labs): pick the one under test.
  const picker = env.root.getByLabel('Deployment');
  await expect(picker.locator('option[value="plane-app"]')).toHaveCount(1);
  await picker.selectOption('plane-app');
  await expect(env.root.getByTestId('deployment-meta')).toContainText('v1.3.1');
  return { app, env };
}

test('fixes a trailing slash in CORS_ALLOWED_ORIGINS through the form, saves, applies, and the api runs again', async ({ hangar }) => {
  test.setTimeout(180_000);
  const { app, env } = await openEditor(hangar);
  const cors = env.input('CORS_ALLOWED_ORIGINS');
  await expect(cors).toHaveValue(`${origin}/`);
  await expect(env.field('CORS_ALLOWED_ORIGINS').getByTestId('field-error')).toContainText('trailing slash');
  await expect(env.field('CORS_ALLOWED_ORIGINS').getByTestId('inline-finding').first()).toBeVisible();
  await expect(env.findings.getByTestId('finding').filter({ hasText: 'CORS_ALLOWED_ORIGINS' }).first()).toContainText('Fix');
  // Secrets never reach the page unless revealed.
  await expect(env.input('SECRET_KEY')).toHaveValue('');
  expect(await app.page.content()).not.toContain('60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5');
  await captureBothThemes(app.page, 'env-form');

  // As you type: a path is refused with the plain sentence, then the bare origin is accepted.
  await cors.fill(`${origin}/app`);
  await expect(env.field('CORS_ALLOWED_ORIGINS').getByTestId('field-error')).toContainText('has a path');
  await expect(env.root.getByRole('button', { name: /^Save/ })).toBeDisabled();
  await cors.fill(origin);
  await expect(env.field('CORS_ALLOWED_ORIGINS').getByTestId('field-error')).toHaveCount(0);

  await env.saveWithShortcut();
  expect(await env.diffChanges()).toEqual([`- CORS_ALLOWED_ORIGINS=${origin}/`, `+ CORS_ALLOWED_ORIGINS=${origin}`]);
  await expect(env.review).toContainText('api, worker, beat-worker, migrator');
  await captureBothThemes(app.page, 'env-diff');
  const before = await readFile(envPath, 'utf8');
  await env.confirmSave();
  await expect(env.review).toBeHidden();
  await expect(env.applyPanel).toContainText('Saved plane.env');
  expect(await readFile(envPath, 'utf8')).toBe(before.replace(`CORS_ALLOWED_ORIGINS=${origin}/\n`, `CORS_ALLOWED_ORIGINS=${origin}\n`));
  await expect(env.field('CORS_ALLOWED_ORIGINS').getByTestId('field-error')).toHaveCount(0);

  await expect(env.applyPanel.getByTestId('recreate-plan')).toContainText('api');
  await env.applyPanel.getByRole('button', { name: /^Apply/ }).click();
  await expect(env.applyPanel.getByTestId('apply-log')).toContainText('api');
  const api = env.applyPanel.locator('[data-testid="applied-container"][data-service="api"]');
  await expect(api.getByTestId('container-state')).toHaveText('running', { timeout: 90_000 });
  await captureBothThemes(app.page, 'env-apply');
});

test('a change made on the server after loading is detected and shown three ways', async ({ hangar }) => {
  const { app, env } = await openEditor(hangar);
  await env.input('GUNICORN_WORKERS').fill('2');
  // Behind Hangar's back: someone edits the file on the server.
  const text = await readFile(envPath, 'utf8');
  await writeFile(envPath, text.replace('API_KEY_RATE_LIMIT=60/minute', 'API_KEY_RATE_LIMIT=120/minute'));

  await env.saveWithShortcut();
  await env.confirmSave();
  await expect(env.conflict).toBeVisible();
  await expect(env.conflict.getByTestId('conflict-base')).toContainText('API_KEY_RATE_LIMIT=60/minute');
  await expect(env.conflict.getByTestId('conflict-mine')).toContainText('GUNICORN_WORKERS=2');
  await expect(env.conflict.getByTestId('conflict-theirs')).toContainText('API_KEY_RATE_LIMIT=120/minute');
  await expect(env.conflict).toContainText('API_KEY_RATE_LIMIT');
  expect(await readFile(envPath, 'utf8')).toContain('GUNICORN_WORKERS=1\n');
  await captureBothThemes(app.page, 'env-conflict');

  await env.conflict.getByRole('button', { name: 'Reload and keep my edits' }).click();
  await expect(env.conflict).toBeHidden();
  await expect(env.input('GUNICORN_WORKERS')).toHaveValue('2');
  await expect(env.input('API_KEY_RATE_LIMIT')).toHaveValue('120/minute');
  await env.saveWithShortcut();
  expect(await env.diffChanges()).toEqual(['- GUNICORN_WORKERS=1', '+ GUNICORN_WORKERS=2']);
  await env.confirmSave();
  await expect(env.applyPanel).toContainText('Saved plane.env');
  const saved = await readFile(envPath, 'utf8');
  expect(saved).toContain('GUNICORN_WORKERS=2\n');
  expect(saved).toContain('API_KEY_RATE_LIMIT=120/minute\n');
});

test('history lists the backups, diffs two and restores one through the safe save', async ({ hangar }) => {
  const { app, env } = await openEditor(hangar);
  await env.mode('History');
  await expect(env.backupRows()).toHaveCount(2);
  // Newest backup (before the concurrent-edit save) against the current file.
  const diff = env.history.getByTestId('diff');
  await expect(diff.locator('[data-op="remove"]')).toContainText('GUNICORN_WORKERS=1');
  await expect(diff.locator('[data-op="add"]')).toContainText('GUNICORN_WORKERS=2');
  await captureBothThemes(app.page, 'env-history');

  const newest = env.backupRows().first();
  const backupName = await newest.getAttribute('data-backup');
  const backupText = await readFile(join(dirname(envPath), backupName ?? ''), 'utf8');
  await newest.getByRole('button', { name: 'Restore…' }).click();
  await app.page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(env.applyPanel).toContainText('Saved plane.env');
  expect(await readFile(envPath, 'utf8')).toBe(backupText);
  await expect(env.backupRows()).toHaveCount(3);
  await env.mode('Form');
  await expect(env.input('GUNICORN_WORKERS')).toHaveValue('1');
});
