import { writeFileSync } from 'node:fs';
import type { BenchRow } from './bench-row';
import { suites } from './suites';

/**
 * `npm run bench`: runs every suite (each measures Hangar and its baseline in the same process
 * and run), prints one table, and writes bench-results.json for run-to-run comparison. Figures
 * only — no pass/fail, so a slow CI machine never flakes a build.
 */
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}…\n`);
  try {
    rows.push(...(await suite.run()));
  } catch (error) {
    process.stderr.write(`bench: ${suite.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

const header = ['name', 'unit', 'hangar', 'baseline', 'ratio', 'target'];
const table = rows.map((r) => [r.name, r.unit, String(r.hangar), r.baseline === null ? '—' : String(r.baseline), r.ratio === null ? '—' : String(r.ratio), r.target]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...table.map(line)].join('\n'));
writeFileSync('bench-results.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log('\nwrote bench-results.json');
process.exit();
