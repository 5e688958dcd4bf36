import { describe, expect, it } from 'vitest';
import { compileLogFilter } from '../../../../shared/logs/log-filter';
import { splitByRanges } from './highlight';

describe('splitByRanges', () => {
  it('cuts a line at the filter’s matches', () => {
    const filter = compileLogFilter({ text: 'err', caseSensitive: false });
    if (!filter.ok) throw new Error(filter.error);
    const text = 'ERR: stderr closed';
    expect(splitByRanges(text, filter.ranges(text))).toEqual([
      { text: 'ERR', match: true },
      { text: ': std', match: false },
      { text: 'err', match: true },
      { text: ' closed', match: false },
    ]);
  });

  it('never loses text to a bad range', () => {
    const pieces = splitByRanges('abcdef', [
      [2, 4],
      [3, 5],
      [5, 5],
      [4, 99],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('abcdef');
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['cd']);
  });

  it('returns the whole text unmarked without ranges, even when empty', () => {
    expect(splitByRanges('', [])).toEqual([{ text: '', match: false }]);
  });
});
