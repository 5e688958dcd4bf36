import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs nothing but Node; `lab` talks to the real sshd and Docker Engine
 * started by e2e/lab (files named `*.lab.test.ts`). `npm test` runs both; `npm run test:unit`
 * runs only the first, for machines without the lab.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ['**/*.lab.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'lab',
          include: ['**/*.lab.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
