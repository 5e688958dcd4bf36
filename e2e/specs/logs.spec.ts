import { docker } from '../lab/docker-cli';
import { expect, test } from '../harness/fixtures';
import { printToLogs } from '../harness/slice-project';
import { LogsView } from '../pages/logs-view';
import { captureBothThemes } from '../pages/screenshots';

/**
 * The log viewer against the harness's real containers, over the lab's sshd and the real Docker
 * Engine. Lines are written into the containers' own stdout (`docker exec … > /proc/1/fd/1`), so
 * what the viewer shows is exactly what `docker logs` holds. The project's containers are shared
 * by the worker's tests, so each test tags its lines with a run id and filters on it.
 */

const runId = (): string => `run${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test('a merged view of three containers with levels and a filter (screenshots)', async ({ app, sshd, project }) => {
  const [api, worker, proxy] = ['api', 'worker', 'proxy'].map((s) => `${project.name}-${s}-1`) as [string, string, string];
  const at = new Date().toISOString().slice(0, 19).replace('T', ' ');
  const script: [string, string[]][] = [
    [api, ['[INFO] Starting gunicorn 23.0.0', '[INFO] Listening at: http://0.0.0.0:8000 (1)', '[INFO] Booting worker with pid: 8']],
    [
      worker,
      [`[${at},114: INFO/MainProcess] Connected to redis://plane-redis:6379//`, `[${at},131: INFO/MainProcess] celery@worker ready.`],
    ],
    [
      proxy,
      [
        '{"level":"info","logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/api/instances/"},"status":200}',
      ],
    ],
    [api, ['{"level":"info","msg":"GET /api/instances/ 200","duration_ms":18}', '[WARNING] Not Found: /api/users/me/settings/']],
    [worker, [`[${at},402: DEBUG/MainProcess] | Worker: Preparing bootsteps.`]],
    [worker, [`[${at},877: WARNING/MainProcess] consumer: Connection to broker lost. Trying to re-establish the connection...`]],
    [api, ['[ERROR] Internal Server Error: /api/workspaces/acme/projects/', 'Traceback (most recent call last):']],
    [api, ['  File "/code/plane/app/views/project/base.py", line 212, in list']],
    [api, ['redis.exceptions.ConnectionError: Error 111 connecting to plane-redis:6379. Connection refused.']],
    [
      proxy,
      [
        '{"level":"error","logger":"http.log.error","msg":"dial tcp 172.18.0.5:8000: connect: connection refused","request":{"uri":"/api/workspaces/acme/projects/"},"status":502}',
      ],
    ],
    [
      worker,
      [
        `[${at},990: ERROR/MainProcess] consumer: Cannot connect to redis://plane-redis:6379//: Error 111 connecting to plane-redis:6379. Connection refused.`,
      ],
    ],
    [api, ['[INFO] Worker exiting (pid: 8)', '[INFO] Booting worker with pid: 9']],
    [
      proxy,
      [
        '{"level":"info","logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/api/instances/"},"status":200}',
      ],
    ],
  ];
  for (const [container, lines] of script) await printToLogs(container, lines);

  await app.connectTrusted(sshd);
  const logs = new LogsView(app.page);
  await logs.open();
  await logs.pick(api, worker, proxy);
  await expect(logs.lines.filter({ hasText: 'Booting worker with pid: 9' })).toBeVisible();
  await expect(logs.footer).toContainText('3 containers merged');
  await captureBothThemes(app.page, 'logs-merged');

  await logs.level('debug').click();
  await logs.regexToggle.click();
  await logs.filter.fill('refused|/api/');
  await expect(logs.lines.filter({ hasText: 'Worker: Preparing bootsteps' })).toHaveCount(0);
  await expect(logs.lines.first().locator('mark').first()).toBeVisible();
  // Wrapped, so the matches at the end of long lines are on screen too.
  await logs.root.getByRole('button', { name: 'Wrap' }).click();
  await expect(logs.root.getByRole('button', { name: 'Wrap' })).toHaveAttribute('aria-pressed', 'true');
  await expect(logs.lines.filter({ hasText: 'Cannot connect to redis' }).locator('mark')).toHaveText(['refused']);
  await app.page.locator('body').click({ position: { x: 1, y: 1 } });
  await captureBothThemes(app.page, 'logs-filtered');
});

test('opens a container’s logs from its row; filter, regex and levels hide lines; export holds exactly what is shown', async ({
  app,
  sshd,
  project,
}) => {
  const run = runId();
  const api = `${project.name}-api-1`;
  const info = `[INFO] ${run} Booting worker with pid: 7`;
  const warn = `level=warn msg="${run} slow request" path=/api/users/me/ duration=2.4s`;
  const error = `[ERROR] ${run} connection to server at "plane-db" failed: Connection refused`;
  const debug = `{"level":"debug","msg":"${run} cache miss","key":"instance"}`;
  const plain = `${run} GET /api/instances/ HTTP/1.1 200`;
  await printToLogs(api, [info, warn, error, debug, plain]);

  await app.connectTrusted(sshd);
  await app.containers.open();
  await app.containers
    .row(app.containers.group(project.name), api)
    .getByRole('button', { name: `Logs of ${api}` })
    .click();
  await expect(app.page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  const logs = new LogsView(app.page);
  await expect(logs.source(api)).toBeChecked();

  await logs.filter.fill(run);
  await expect.poll(() => logs.texts()).toEqual([info, warn, error, debug, plain]);
  await expect(logs.lines.filter({ hasText: 'Connection refused' })).toHaveAttribute('data-level', 'error');
  await expect(logs.lines.filter({ hasText: 'slow request' })).toHaveAttribute('data-level', 'warn');
  for (const level of ['error', 'warn', 'info', 'debug', 'unknown'] as const) await expect(logs.level(level)).toHaveText(/^[A-Za-z]+1$/);

  // Plain text hides what does not contain it, and marks the match.
  await logs.filter.fill(`${run} connection to server`);
  await expect.poll(() => logs.texts()).toEqual([error]);
  await expect(logs.lines.locator('mark')).toHaveText(`${run} connection to server`);

  // A regular expression; a broken one is explained and the list keeps the last working filter.
  await logs.regexToggle.click();
  await logs.filter.fill(`${run} (slow|cache)`);
  await expect.poll(() => logs.texts()).toEqual([warn, debug]);
  await logs.filter.fill(`${run} (slow`);
  await expect(logs.filterError).toContainText(`/${run} (slow/ is not valid`);
  await expect.poll(() => logs.texts()).toEqual([warn, debug]);
  // Read literally, "(slow" matches nothing: the list says why it is empty.
  await logs.regexToggle.click();
  await expect(logs.filterError).toBeHidden();
  await expect(logs.empty).toContainText('No line matches the filter');
  await logs.filter.press('Escape');
  await expect(logs.filter).toHaveValue('');

  // Level toggles hide their lines and keep counting them.
  await logs.filter.fill(run);
  await logs.level('info').click();
  await logs.level('unknown').click();
  await expect(logs.level('info')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => logs.texts()).toEqual([warn, error, debug]);
  await expect(logs.level('info')).toHaveText('Info1');

  // Export: exactly the lines shown, each with Docker's timestamp and the container's name.
  const file = await logs.export();
  expect(file.name).toMatch(/^lab-server_api-1_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.log$/);
  const exported = file.text.trimEnd().split('\n');
  expect(exported.map((l) => l.replace(/^\S+ \S+ /, ''))).toEqual([warn, error, debug]);
  for (const l of exported) expect(l).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ${api} `));
});

test('merges two containers in time order, follows new lines, pauses with F, and holds the place when scrolled up', async ({
  app,
  sshd,
  project,
}) => {
  const run = runId();
  const api = `${project.name}-api-1`;
  const worker = `${project.name}-worker-1`;
  for (const [container, text] of [
    [api, 'a1'],
    [worker, 'w1'],
    [api, 'a2'],
    [worker, 'w2'],
  ] as const)
    await printToLogs(container, [`${run} ${text}`]);

  await app.connectTrusted(sshd);
  const logs = new LogsView(app.page);
  await logs.open();
  await expect(logs.empty).toContainText('Pick containers to read their logs');
  await logs.pick(api, worker);
  await logs.filter.fill(run);
  await expect.poll(() => logs.texts()).toEqual([`${run} a1`, `${run} w1`, `${run} a2`, `${run} w2`]);
  expect(await logs.containersOfLines()).toEqual([api, worker, api, worker]);
  await expect(logs.footer).toContainText('2 containers merged');

  // Following: a line printed after opening arrives at the bottom.
  await expect(logs.status).toHaveText('Live');
  await printToLogs(worker, [`${run} w3 printed after opening`]);
  await expect.poll(async () => (await logs.texts()).at(-1)).toBe(`${run} w3 printed after opening`);

  // F pauses; F again resumes after the last line held, without doubles.
  await app.page.locator('body').click({ position: { x: 1, y: 1 } });
  await app.page.keyboard.press('f');
  await expect(logs.status).toHaveText('Paused');
  await expect(logs.follow).toHaveAttribute('aria-pressed', 'false');
  await printToLogs(api, [`${run} a3 while paused`]);
  await app.page.keyboard.press('f');
  await expect(logs.status).toHaveText('Live');
  await expect
    .poll(() => logs.texts())
    .toEqual([`${run} a1`, `${run} w1`, `${run} a2`, `${run} w2`, `${run} w3 printed after opening`, `${run} a3 while paused`]);

  // Scroll lock: at the bottom the list follows; scrolled up it holds still and counts new lines.
  await printToLogs(
    api,
    Array.from({ length: 120 }, (_, i) => `${run} bulk line ${i}`),
  );
  await expect(logs.lines.last()).toContainText(`${run} bulk line 119`);
  await logs.scrollToTop();
  await expect(logs.jump).toBeVisible();
  await expect(logs.jump).toHaveText(/^Jump to latest/);
  await printToLogs(
    worker,
    [1, 2, 3].map((i) => `${run} arrived while scrolled up ${i}`),
  );
  await expect(logs.jump).toContainText('3 new lines · Jump to latest');
  await expect(logs.lines.first()).toContainText(`${run} a1`);
  await app.page.keyboard.press('End');
  await expect(logs.jump).toBeHidden();
  await expect(logs.lines.last()).toContainText(`${run} arrived while scrolled up 3`);

  // / focuses the filter, Esc clears it.
  await app.page.keyboard.press('/');
  await expect(logs.filter).toBeFocused();
  await app.page.keyboard.press('Escape');
  await expect(logs.filter).toHaveValue('');
});

test('a restart shows inline as a quiet mark, and the lines after it follow', async ({ app, sshd, project }) => {
  const run = runId();
  const worker = `${project.name}-worker-1`;
  await printToLogs(worker, [`${run} before the restart`]);
  await app.connectTrusted(sshd);
  const logs = new LogsView(app.page);
  await logs.open();
  await logs.pick(worker);
  await expect(logs.lines.filter({ hasText: `${run} before the restart` })).toBeVisible();

  await docker(['restart', '-t', '0', worker], { timeoutMs: 60_000 });
  await expect(logs.marks.filter({ hasText: /^worker-1 restarted · re-attached at \d\d:\d\d:\d\d$/ })).toBeVisible({ timeout: 30_000 });
  await printToLogs(worker, [`${run} after the restart`]);
  await expect(logs.lines.filter({ hasText: `${run} after the restart` })).toBeVisible();
  await expect(logs.status).toHaveText('Live');
});

test('a custom range with an end shows only that window and does not follow until asked', async ({ app, sshd, project }) => {
  const run = runId();
  const live = `${project.name}-live-1`;
  await printToLogs(live, [`${run} inside the window`]);
  // The page runs in UTC (playwright.config.ts), so datetime-local values are UTC too.
  const local = (d: Date) => d.toISOString().slice(0, 19);
  const from = new Date(Date.now() - 60_000);
  const to = new Date(Date.now() + 60_000);

  await app.connectTrusted(sshd);
  const logs = new LogsView(app.page);
  await logs.open();
  await logs.pick(live);
  await logs.filter.fill(run);
  await logs.range.selectOption({ label: 'Custom range…' });
  const form = logs.root.getByRole('form', { name: 'Custom range' });
  await form.getByLabel('From').fill(local(from));
  await form.getByLabel(/^To/).fill(local(to));
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form).toBeHidden();
  await expect(logs.window).toContainText(`Showing ${local(from).slice(11, 16)}–${local(to).slice(11, 16)}`);
  await expect(logs.status).toHaveText('End of range');
  await expect.poll(() => logs.texts()).toEqual([`${run} inside the window`]);

  // Not following: a new line stays out until "Follow live".
  await printToLogs(live, [`${run} printed after the window was read`]);
  await app.page.waitForTimeout(1500);
  await expect.poll(() => logs.texts()).toEqual([`${run} inside the window`]);
  await logs.window.getByRole('button', { name: 'Follow live' }).click();
  await expect(logs.window).toBeHidden();
  await expect(logs.status).toHaveText('Live');
  await expect.poll(() => logs.texts()).toEqual([`${run} inside the window`, `${run} printed after the window was read`]);
});
