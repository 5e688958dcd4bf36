#!/usr/bin/env node
// `npm test`: every layer in order — types, lint, unit tests, service tests against the real lab
// (sshd + Docker Engine), then the renderer in headless Chromium. Stops at the first failing step
// and ends with one plain line, "N passed, N failed", summed over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const steps = [
  ['types', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['types (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['types (e2e)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest-unit.json']],
  ['lab', 'npx', ['vitest', 'run', '--project', 'lab', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest-lab.json']],
  ['renderer build', 'npm', ['run', 'build:renderer']],
  ['e2e', 'npx', ['playwright', 'test']],
];

let failedStep;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    failedStep = name;
    break;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of ['reports/vitest-unit.json', 'reports/vitest-lab.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (existsSync('reports/playwright.json')) {
  const stats = JSON.parse(readFileSync('reports/playwright.json', 'utf8')).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}
if (failedStep !== undefined && totals.failed === 0) totals.failed = 1;
if (failedStep !== undefined) console.log(`\nStopped at step "${failedStep}".`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep === undefined ? 0 : 1);
