import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDeployment } from '../shared/plane/rules/check-deployment';
import type { CheckDeploymentInput } from '../shared/schemas/env';
import { benchRow, median, type BenchRow } from './bench-row';
import type { BenchSuite } from './suites';

const fixtures = join(import.meta.dirname, '../shared/plane/fixtures/plane/v1.3.1');

function loadInput(): CheckDeploymentInput {
  const envText = readFileSync(join(fixtures, 'variables.env'), 'utf8');
  const composeText = readFileSync(join(fixtures, 'docker-compose.yml'), 'utf8');
  return { layout: 'community', files: [{ path: 'plane.env', text: envText }], composeText };
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * CPU time of `hangar env check` on Plane's real variables.env + compose (parse, resolve the
 * containers' environment, every rule). Issue 5's target: under 100 ms of CPU inside the process.
 * CPU time (process.cpuUsage), not wall time, so other load on the machine does not count. Two
 * rows: the first check in the process (what one CLI run pays, JIT cold) and the warm median.
 */
export function benchEnvCheck(runs = 50): BenchRow[] {
  const input = loadInput();
  const cold = cpuMs(() => checkDeployment(input));
  const samples = Array.from({ length: runs }, () => cpuMs(() => checkDeployment(input)));
  return [
    benchRow('env check: first run in process (v1.3.1 plane.env + compose)', 'ms CPU', cold, null, '<= 100 ms CPU'),
    benchRow(`env check: warm median of ${runs} (v1.3.1 plane.env + compose)`, 'ms CPU', median(samples), null, '<= 100 ms CPU'),
  ];
}

/** Suite for bench/suites.ts: `npm run bench -- env-check`. */
export const envCheckSuite: BenchSuite = { name: 'env-check', run: async () => benchEnvCheck() };
