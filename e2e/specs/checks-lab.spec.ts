import { startLab, type Lab } from '../lab/lab';
import { expect, test } from '../harness/fixtures';
import type { AppPage } from '../pages/app-page';
import { ChecksView } from '../pages/checks-view';
import { LogsView } from '../pages/logs-view';
import { captureBothThemes } from '../pages/screenshots';

/**
 * The Checks screen against the community lab, reached like a real server: over the lab's sshd,
 * with the form prefilled from the deployment's plane.env. The healthy lab shows no failure; a
 * proxy that adds a second Access-Control-Allow-Origin fails the CORS check with the browser's
 * "contains multiple values" error, both header lines visible and the fix pointing at the proxy.
 * The lab owns compose project `plane-app`: run this file alone.
 */
test.describe.configure({ mode: 'serial' });

let lab: Lab;

test.beforeAll(async () => {
  // Waits for the community lab lock when another run holds it, then builds and starts the lab.
  test.setTimeout(600_000);
  lab = await startLab({ layout: 'community' });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await lab?.stop();
});

async function connectToLab(app: AppPage): Promise<void> {
  const sshd = lab.sshd;
  if (sshd === undefined) throw new Error('The lab was started without its sshd.');
  await app.connectTrusted(sshd);
}

test('the healthy lab passes; a duplicated Allow-Origin fails with the browser error and the proxy fix', async ({ app }) => {
  test.setTimeout(240_000);
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectToLab(app);
  const checks = new ChecksView(app.page);
  await checks.open();

  // Prefilled from plane.env over SSH: WEB_URL and the raw CORS list, the host's address as the server.
  const origin = new URL(lab.urls.web).origin;
  await expect(checks.source).toContainText('From plane-app on lab server');
  await expect(checks.field('Web URL')).toHaveValue(origin);
  await expect(checks.root.getByTestId('checks-expected')).toContainText(`CORS_ALLOWED_ORIGINS${origin}`);

  await checks.field('Web URL').focus();
  await checks.runWithShortcut();
  await expect(checks.summary).toContainText('0 failed');
  await expect(checks.root.locator('[data-testid="finding"][data-status="fail"]')).toHaveCount(0);
  for (const id of ['routes.web', 'routes.api-instances', 'cors.preflight.origin', 'cors.preflight.single-origin', 'ws.upgrade']) {
    await expect(checks.finding(id), id).toHaveAttribute('data-status', 'pass');
  }
  const groups = checks.root.getByTestId('finding-group');
  await expect(groups.first().getByRole('heading')).toHaveText('Reachability');
  await app.page.locator('body').click({ position: { x: 1, y: 1 } });
  await captureBothThemes(app.page, 'checks-healthy');

  await lab.applyFaults(['duplicate-allow-origin']);
  await checks.runWithButton();
  const row = checks.finding('cors.preflight.single-origin');
  await expect(row).toHaveAttribute('data-status', 'fail');
  await expect(row.getByTestId('finding-title')).toHaveText('Allow-Origin is sent more than once');
  await expect(checks.summary).not.toContainText(' 0 failed');

  await checks.expand('cors.preflight.single-origin');
  await expect(row.getByTestId('finding-browser-error')).toHaveText(
    `The 'Access-Control-Allow-Origin' header contains multiple values '${origin}, *', but only one is allowed.`,
  );
  await expect(row.getByTestId('finding-fix')).toContainText('Remove the CORS headers from the proxy');
  // The lab's proxy adds `*` after Django's value: both header lines are shown and marked.
  const repeated = row
    .getByTestId('evidence-response')
    .locator('[data-repeated="true"]')
    .filter({ hasText: /^access-control-allow-origin:/i });
  await expect(repeated).toHaveCount(2);
  await expect(repeated.nth(0)).toContainText(new RegExp(`access-control-allow-origin: ${origin.replace(/\./g, '\\.')}`, 'i'));
  await expect(repeated.nth(1)).toContainText(/access-control-allow-origin: \*/i);
  const curl = row.getByTestId('evidence-curl');
  await expect(curl).toContainText(`curl`);
  await expect(curl).toContainText(`Origin: ${origin}`);
  await row.getByRole('button', { name: 'Copy curl command' }).click();
  await expect(row.getByRole('button', { name: 'Copy curl command' })).toHaveText('Copied');
  expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(await curl.textContent());
  await row.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await captureBothThemes(app.page, 'checks-failure');

  // The fix points at the proxy: its button opens the proxy's logs at the time of the check,
  // from 5 minutes before to 1 minute after (the page runs in UTC), not following.
  await row.getByRole('button', { name: 'Show logs of proxy' }).click();
  await expect(app.page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  const logs = new LogsView(app.page);
  await expect(logs.source(lab.compose.containerName(lab.projectName, 'proxy'))).toBeChecked();
  await expect(logs.sources.getByRole('checkbox', { checked: true })).toHaveCount(1);
  const window = await logs.window.textContent();
  const shown = /Showing (\d\d):(\d\d)–(\d\d):(\d\d) around the check at (\d\d):(\d\d):(\d\d)/.exec(window ?? '');
  expect(shown, window ?? '').not.toBeNull();
  const [from, to, at] = [1, 3, 5].map((i) => Number(shown?.[i]) * 60 + Number(shown?.[i + 1]));
  expect(((to ?? 0) - (from ?? 0) + 1440) % 1440).toBe(6);
  expect(((at ?? 0) - (from ?? 0) + 1440) % 1440).toBe(5);
  const nowMinutes = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
  expect((nowMinutes - (at ?? 0) + 1440) % 1440).toBeLessThanOrEqual(3);
  await expect(logs.status).toHaveText('End of range');
  await expect(logs.follow).toContainText('Follow live');
  await app.page.locator('body').click({ position: { x: 1, y: 1 } });
  await captureBothThemes(app.page, 'logs-around-check');
  await logs.window.getByRole('button', { name: 'Follow live' }).click();
  await expect(logs.window).toBeHidden();
  await expect(logs.status).toHaveText('Live');
});

test('typed values win: a bad override is refused under its field and nothing is sent', async ({ app }) => {
  await connectToLab(app);
  const checks = new ChecksView(app.page);
  await checks.open();
  await expect(checks.source).toContainText('From plane-app');
  await checks.root.getByRole('button', { name: 'Add override' }).click();
  await checks.root.getByLabel('Host name 1').fill('plane.lab.test');
  await checks.root.getByLabel('Address 1').fill('localhost');
  await checks.root.getByRole('button', { name: /Check deployment/ }).click();
  await expect(checks.root.getByRole('alert')).toHaveText('The address of a resolve override must be an IPv4 or IPv6 address.');
  await expect(checks.summary).toContainText('No checks run yet.');
});
