import { defineConfig } from '@playwright/test';

/**
 * Two projects. `chromium` drives the production renderer bundle (renderer/dist, built by
 * `npm run test:e2e`) in the system Chromium, with window.bridge routed to the real services in
 * the test process (e2e/harness). `electron` runs the smoke specs against a real Electron binary;
 * its spec files skip with a printed reason where `node_modules/electron/dist` is missing.
 */

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results',
  // Each test starts real SSH sessions and Docker calls: on a shared 2-core machine one worker is
  // faster than two fighting, and keeps timings far from the timeouts.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  projects: [
    {
      name: 'chromium',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        locale: 'en-GB',
        timezoneId: 'UTC',
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testMatch: ['electron/*.spec.ts'],
    },
  ],
});
