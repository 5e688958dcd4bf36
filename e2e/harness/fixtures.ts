import { test as base, expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { contract } from '../../shared/ipc/contract';
import { createServices, type Services } from '../../electron/app/create-services';
import { createHandlers } from '../../electron/rpc/handlers';
import { createRouter, type Router } from '../../electron/rpc/router';
import { createNodePlatform } from '../../electron/services/platform/node-platform';
import { startSshd, type LabSshd } from '../lab/sshd';
import { AppPage } from '../pages/app-page';
import { installBridgeShim } from './bridge-shim';
import { removeSliceProject, startSliceProject, type SliceProject } from './slice-project';
import { startStaticServer } from './static-server';

const run = promisify(execFile);
const rendererDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer', 'dist');

/** What every spec gets: the lab sshd and project (per worker), and a fresh app (per test). */
export interface LabFixtures {
  sshd: LabSshd;
  project: SliceProject;
  appUrl: string;
}

/** One app instance: isolated data dir and home (no real ~/.ssh), real services, a router. */
export interface HangarInstance {
  dataDir: string;
  homeDir: string;
  services: Services;
  router: Router;
  /** Installs the bridge shim, opens the production bundle and waits for the host list. */
  open(): Promise<AppPage>;
}

/** Per-test fixtures: `hangar` to seed state before opening, `app` when nothing needs seeding. */
export interface TestFixtures {
  hangar: HangarInstance;
  /** `hangar.open()` already done, for specs that need nothing seeded first. */
  app: AppPage;
}

/**
 * The harness of every UI spec. Nothing is stubbed: the page's `window.bridge` reaches a router
 * built from `createHandlers(createServices(...))`, which connects to the lab's real sshd and
 * lists real containers. Each test gets its own data dir and HOME (empty ~/.ssh, no agent), so
 * trusted keys and saved hosts never leak between tests or touch the user's own files. A page
 * error or console error (a CSP violation, an uncaught exception) fails the test.
 */
export const test = base.extend<TestFixtures, LabFixtures>({
  sshd: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this destructuring.
    async ({}, use) => {
      const sshd = await startSshd();
      try {
        await use(sshd);
      } finally {
        await sshd.stop();
      }
    },
    { scope: 'worker' },
  ],
  project: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this destructuring.
    async ({}, use, workerInfo) => {
      const project = await startSliceProject(`plane-e2e-${process.pid}-${workerInfo.workerIndex}`);
      try {
        await use(project);
      } finally {
        await removeSliceProject(project.name);
      }
    },
    { scope: 'worker' },
  ],
  appUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this destructuring.
    async ({}, use) => {
      const server = await startStaticServer(rendererDist);
      try {
        await use(server.url);
      } finally {
        await server.close();
      }
    },
    { scope: 'worker' },
  ],
  hangar: async ({ page, appUrl }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'hangar-e2e-'));
    const dataDir = join(root, 'data');
    const homeDir = join(root, 'home');
    const env = { HOME: homeDir, PATH: process.env.PATH };
    const services = createServices({
      platform: createNodePlatform({ dataDir, homeDir, env }),
      knownHostsFiles: [join(homeDir, '.ssh', 'known_hosts')],
      agentSocket: '',
      askTimeoutMs: 60_000,
    });
    const router = createRouter({ contract, handlers: createHandlers(services), validateOutput: true });
    const problems = watchForPageProblems(page);
    let opened = false;
    const open = async (): Promise<AppPage> => {
      if (!opened) {
        opened = true;
        await installBridgeShim(page, router);
        await page.goto(appUrl);
      }
      const app = new AppPage(page);
      await app.waitUntilReady();
      return app;
    };
    try {
      await use({ dataDir, homeDir, services, router, open });
      expect(problems, 'the page logged errors').toEqual([]);
    } finally {
      await page.close().catch(() => undefined);
      services.dispose();
      await rm(root, { recursive: true, force: true });
    }
  },
  app: async ({ hangar }, use) => {
    await use(await hangar.open());
  },
});

/** Playwright's expect, re-exported so specs import everything from the harness. */
export { expect };

/** `ssh-keygen -lf` of a public key file: the fingerprint exactly as OpenSSH prints it. */
export async function keygenFingerprint(publicKeyPath: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-lf', publicKeyPath], { timeout: 10_000 });
  const fingerprint = stdout.trim().split(/\s+/)[1];
  if (fingerprint === undefined || !fingerprint.startsWith('SHA256:')) throw new Error(`ssh-keygen printed no fingerprint: ${stdout}`);
  return fingerprint;
}

function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}
