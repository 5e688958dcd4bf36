import type { BenchRow } from './bench-row';

/** A named group of measurements; `npm run bench -- <name>` runs only the named suites. */
export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Every suite, each in its own module so importing one does not start another's lab. */
export const suites: BenchSuite[] = [
  { name: 'ssh', run: () => import('./ssh.bench').then((m) => m.runSshBench()) },
  { name: 'env-check', run: () => import('./env-check.bench').then((m) => m.envCheckSuite.run()) },
  { name: 'logs', run: () => import('./logs.bench').then((m) => m.runLogsBench()) },
];
