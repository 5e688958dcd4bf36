import { startLab, type Lab } from '../lab/lab';
import { docker } from '../lab/docker-cli';
import { expect, test } from '../harness/fixtures';
import type { AppPage } from '../pages/app-page';
import { ArchitectureView } from '../pages/architecture-view';
import { captureBothThemes } from '../pages/screenshots';

/**
 * The Overview against the community lab, reached over the lab's sshd like a real server: every
 * part of Plane drawn and green; a container stopped with the docker CLI turns its box red live
 * (Docker events, no reload) and green again when started; "Run checks" colours the routes a
 * browser uses; a box opens its containers. The lab owns compose project `plane-app`: run this
 * file alone.
 */
test.describe.configure({ mode: 'serial' });

let lab: Lab;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  lab = await startLab({ layout: 'community' });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await lab?.stop();
});

async function connectToLab(app: AppPage): Promise<void> {
  if (lab.sshd === undefined) throw new Error('The lab was started without its sshd.');
  await app.connectTrusted(lab.sshd);
}

/** The id of a service's container in the lab's compose project. */
async function containerOf(service: string): Promise<string> {
  const { stdout } = await docker([
    'ps',
    '-aq',
    '--filter',
    `label=com.docker.compose.project=${lab.projectName}`,
    '--filter',
    `label=com.docker.compose.service=${service}`,
  ]);
  const id = stdout.trim().split(/\s+/)[0];
  if (id === undefined || id === '') throw new Error(`No container of ${service} in ${lab.projectName}.`);
  return id;
}

const probedEdges = ['browser->proxy', 'proxy->web', 'proxy->space', 'proxy->admin', 'proxy->live', 'proxy->api', 'proxy->minio'];
const communityNodes = [
  'browser',
  'proxy',
  'web',
  'space',
  'admin',
  'live',
  'api',
  'worker',
  'beat-worker',
  'migrator',
  'db',
  'redis',
  'mq',
  'minio',
];

test('draws the lab live: checks colour the routes, a stopped worker turns red and recovers, a box opens its containers', async ({
  app,
}) => {
  test.setTimeout(300_000);
  let faulted = false;
  try {
    await connectToLab(app);
    const overview = new ArchitectureView(app.page);
    await expect(overview.root).toBeVisible(); // the Overview is the default view
    await overview.showDeployment(lab.projectName);

    await expect(overview.nodes).toHaveCount(communityNodes.length, { timeout: 30_000 });
    for (const id of communityNodes)
      await expect(overview.node(id), id).toHaveAttribute('data-status', id === 'browser' ? 'external' : 'ok');
    await expect(overview.node('migrator').getByTestId('arch-node-state')).toHaveText('completed');
    await expect(overview.node('api')).toContainText('1/1');
    await expect(overview.summary).toContainText('13/13 up');
    for (const id of probedEdges) await overview.expectEdgeTone(id, 'neutral'); // nothing checked yet
    await captureBothThemes(app.page, 'architecture-healthy');

    // Checks from this computer colour the hops a browser crosses (the healthy lab has warnings,
    // no failure); internal calls stay grey whatever the checks say.
    await overview.runChecks();
    for (const id of probedEdges) await overview.expectEdgeTone(id, 'pass', 'warn');
    await overview.expectEdgeTone('api->db', 'neutral');
    await overview.expectEdgeTone('worker->mq', 'neutral');

    // A proxy that adds a second Access-Control-Allow-Origin breaks the browser's API calls; the
    // checks blame the proxy, so the browser's hop into it turns red. (compose up re-runs the
    // migrator meanwhile: the diagram follows it to "completed".)
    await lab.applyFaults(['duplicate-allow-origin']);
    faulted = true;
    await overview.runChecks();
    await overview.expectEdgeTone('browser->proxy', 'fail');
    await overview.expectEdgeTone('proxy->live', 'pass', 'warn');
    await expect(overview.node('migrator')).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });

    // Live: no reload, no refresh button; a marker on the page proves it was never reloaded.
    await app.page.evaluate(() => Object.assign(window, { __overviewMarker: 'kept' }));
    const worker = await containerOf('worker');
    await docker(['stop', '-t', '1', worker]);
    await expect(overview.node('worker')).toHaveAttribute('data-status', 'fail', { timeout: 10_000 });
    await expect(overview.node('worker').getByTestId('arch-node-state')).toHaveText(/^exited \(\d+\)$/);
    await expect(overview.node('worker')).toContainText('0/1');
    await expect(overview.summary).toContainText('1 need attention');
    await expect(overview.node('api')).toHaveAttribute('data-status', 'ok');
    await captureBothThemes(app.page, 'architecture-failed-node');

    const panel = await overview.openPanel('worker');
    await expect(panel.getByRole('heading', { name: 'Worker' })).toBeVisible();
    await expect(panel.getByTestId('arch-panel-status')).toHaveText('Failed');
    const row = panel.getByTestId('arch-container');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/plane-app[-_]worker[-_]1/);
    await expect(row.getByTestId('container-state')).toHaveText('exited');
    await expect(row).toContainText('hangar-lab/plane-backend');
    await expect(panel.locator('[data-testid="arch-link"][data-edge="worker->mq"]')).toContainText('internal');
    await expect(panel.getByRole('button', { name: 'Logs' })).toBeEnabled();
    await captureBothThemes(app.page, 'architecture-node-panel');

    await docker(['start', worker]);
    await expect(overview.node('worker')).toHaveAttribute('data-status', 'ok', { timeout: 10_000 });
    await expect(panel.getByTestId('container-state')).toHaveText('running');
    await expect(overview.summary).toContainText('13/13 up');
    expect(await app.page.evaluate(() => (window as unknown as { __overviewMarker?: string }).__overviewMarker)).toBe('kept');

    // The proxy's panel gives the checks' verdict per hop, and leads to its containers.
    await overview.openPanel('proxy');
    await expect(overview.panel.locator('[data-testid="arch-link"][data-edge="browser->proxy"]')).toHaveAttribute('data-tone', 'fail');
    await expect(overview.panel.locator('[data-testid="arch-link"][data-edge="browser->proxy"]')).toContainText('checks failed');
    await overview.panel.getByRole('button', { name: 'Containers' }).click();
    await expect(app.page.getByRole('tab', { name: 'Containers' })).toHaveAttribute('aria-selected', 'true');
    await expect(app.containers.root.locator('.filter-input')).toHaveValue('proxy');

    // Back on the Overview (the stream re-opens), a box's "Logs" leads to the Logs tab.
    await overview.open();
    await expect(overview.node('api')).toHaveAttribute('data-status', 'ok');
    await (await overview.openPanel('api')).getByRole('button', { name: 'Logs' }).click();
    await expect(app.page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  } finally {
    await docker(['start', await containerOf('worker')], { allowFailure: true });
    if (faulted) await lab.applyFaults([]);
  }
});

test('picks among several Plane deployments and draws only the chosen one’s containers', async ({ app, project }) => {
  await connectToLab(app);
  const overview = new ArchitectureView(app.page);
  await expect(overview.toolbar.getByLabel('Deployment')).toBeVisible({ timeout: 30_000 });
  await overview.showDeployment(project.name);
  // The small project has no RabbitMQ or MinIO: their roles show as missing, the rest as running.
  await expect(overview.node('mq')).toHaveAttribute('data-status', 'missing');
  await expect(overview.node('minio')).toHaveAttribute('data-status', 'missing');
  await expect(overview.node('migrator')).toHaveAttribute('data-status', 'ok');
  await expect(overview.node('migrator').getByTestId('arch-node-state')).toHaveText('completed');
  await expect(overview.node('api')).toHaveAttribute('data-status', 'ok');
  await expect(overview.node('db').getByTestId('arch-node-state')).toHaveText('running · healthy', { timeout: 15_000 });
  // Its standalone container (no compose project) is not drawn anywhere.
  await expect(overview.root).not.toContainText(project.standalone);

  await overview.showDeployment(lab.projectName);
  await expect(overview.node('mq')).toHaveAttribute('data-status', 'ok');
});
