/** One line of a diff; numbers are 1-based, as editors show them. */
export interface DiffLine {
  readonly op: 'same' | 'add' | 'remove';
  readonly oldLine?: number;
  readonly newLine?: number;
  readonly text: string;
}

/** Consecutive diff lines: changes plus their unchanged context. */
export interface Hunk {
  readonly lines: DiffLine[];
}

/**
 * Line diff by longest common subsequence: exact (an edit that touches one line shows as that
 * one line removed and added), which is what a save confirmation must show. Common prefix and
 * suffix are stripped first, so the quadratic part only covers the edited region.
 * `render` maps a line to its display text (secret values masked) without changing what is compared.
 */
export function diffLines(before: readonly string[], after: readonly string[], render: (side: 'old' | 'new', index: number) => string = (side, i) => (side === 'old' ? before[i] : after[i]) ?? ''): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endOld = before.length;
  let endNew = after.length;
  while (endOld > start && endNew > start && before[endOld - 1] === after[endNew - 1]) {
    endOld -= 1;
    endNew -= 1;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i += 1) out.push({ op: 'same', oldLine: i + 1, newLine: i + 1, text: render('old', i) });
  const a = before.slice(start, endOld);
  const b = after.slice(start, endNew);
  if (a.length * b.length > 4_000_000) {
    a.forEach((_, i) => out.push({ op: 'remove', oldLine: start + i + 1, text: render('old', start + i) }));
    b.forEach((_, j) => out.push({ op: 'add', newLine: start + j + 1, text: render('new', start + j) }));
  } else {
    const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i -= 1) {
      for (let j = b.length - 1; j >= 0; j -= 1) {
        lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        out.push({ op: 'same', oldLine: start + i + 1, newLine: start + j + 1, text: render('old', start + i) });
        i += 1;
        j += 1;
      } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
        out.push({ op: 'add', newLine: start + j + 1, text: render('new', start + j) });
        j += 1;
      } else {
        out.push({ op: 'remove', oldLine: start + i + 1, text: render('old', start + i) });
        i += 1;
      }
    }
  }
  for (let k = 0; k < before.length - endOld; k += 1) {
    out.push({ op: 'same', oldLine: endOld + k + 1, newLine: endNew + k + 1, text: render('old', endOld + k) });
  }
  return sortRemovalsFirst(out);
}

/** Within each changed block, removed lines come before added ones (the familiar -/+ order). */
function sortRemovalsFirst(lines: DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  let block: DiffLine[] = [];
  const flush = () => {
    out.push(...block.filter((l) => l.op === 'remove'), ...block.filter((l) => l.op === 'add'));
    block = [];
  };
  for (const line of lines) {
    if (line.op === 'same') {
      flush();
      out.push(line);
    } else {
      block.push(line);
    }
  }
  flush();
  return out;
}

/** Groups a diff into hunks with `context` unchanged lines around each change; no change → no hunk. */
export function toHunks(lines: readonly DiffLine[], context = 3): Hunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.op === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k += 1) keep[k] = true;
  });
  const hunks: Hunk[] = [];
  let current: DiffLine[] | undefined;
  lines.forEach((line, i) => {
    if (!keep[i]) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = [];
      hunks.push({ lines: current });
    }
    current.push(line);
  });
  return hunks;
}
