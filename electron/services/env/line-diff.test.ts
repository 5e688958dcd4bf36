import { describe, expect, it } from 'vitest';
import { diffLines, toHunks } from './line-diff';

describe('line diff', () => {
  it('shows an edited line as removed then added, with its line numbers', () => {
    const diff = diffLines(['A=1', 'B=2', 'C=3'], ['A=1', 'B=20', 'C=3']);
    expect(diff.filter((d) => d.op !== 'same')).toEqual([
      { op: 'remove', oldLine: 2, text: 'B=2' },
      { op: 'add', newLine: 2, text: 'B=20' },
    ]);
  });

  it('handles insertions and deletions in the middle without marking unchanged lines', () => {
    const diff = diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']);
    expect(diff.map((d) => `${d.op[0]}${d.text}`)).toEqual(['sa', 'rb', 'ax', 'sc', 'sd', 'ae']);
  });

  it('groups changes into hunks with context and drops far-away unchanged lines', () => {
    const before = Array.from({ length: 30 }, (_, i) => `K${i}=${i}`);
    const after = before.map((l, i) => (i === 2 || i === 25 ? `${l}!` : l));
    const hunks = toHunks(diffLines(before, after), 2);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]!.lines.map((l) => l.text)).toEqual(['K0=0', 'K1=1', 'K2=2', 'K2=2!', 'K3=3', 'K4=4']);
    expect(toHunks(diffLines(before, before))).toEqual([]);
  });

  it('compares real text but displays the rendered one (masking)', () => {
    const diff = diffLines(['S=old'], ['S=new'], () => 'S=••••');
    expect(diff.map((d) => [d.op, d.text])).toEqual([['remove', 'S=••••'], ['add', 'S=••••']]);
  });
});
