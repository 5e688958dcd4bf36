/**
 * One benchmark figure with its baseline from the same run (ARCHITECTURE "Testing" §5):
 * ratio = hangar / baseline, so < 1 means Hangar is faster; `baseline` is null where none exists.
 */
export interface BenchRow {
  name: string;
  unit: string;
  hangar: number;
  baseline: number | null;
  ratio: number | null;
  /** The target as text, e.g. "ratio <= 1.0" or "<= 5 ms". */
  target: string;
}

/** Builds a row, computing the ratio (rounded to 3 decimals) when there is a baseline. */
export function benchRow(name: string, unit: string, hangar: number, baseline: number | null, target: string): BenchRow {
  const ratio = baseline === null || baseline === 0 ? null : Math.round((hangar / baseline) * 1000) / 1000;
  return { name, unit, hangar: round(hangar), baseline: baseline === null ? null : round(baseline), ratio, target };
}

/** Median of samples; the figure benchmarks report so one slow outlier doesn't move it. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
