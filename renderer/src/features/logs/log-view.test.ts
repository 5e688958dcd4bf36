import { describe, expect, it } from 'vitest';
import { compileLogFilter } from '../../../../shared/logs/log-filter';
import type { LogLevel, LogLine } from '../../../../shared/schemas/logs';
import { LogBuffer, type LogEntry } from './log-buffer';
import { allLevels, buildView, emptyView, updateView, type ViewFilter } from './log-view';

let n = 0;
const line = (container: string, second: number, text: string, level: LogLevel = 'info'): LogLine => ({
  containerId: container,
  container,
  stream: 'stdout',
  ts: `2025-01-01T12:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.${String(n++ % 1000).padStart(3, '0')}Z`,
  text,
  level,
});

const filterOf = (text: string, levels = allLevels): ViewFilter => {
  const compiled = compileLogFilter({ text });
  if (!compiled.ok) throw new Error(compiled.error);
  return { matches: (l) => compiled.test(l), levels };
};

const shown = (rows: readonly LogEntry[]) => rows.map((r) => (r.kind === 'line' ? r.line.text : `[${r.text}]`));

describe('log view', () => {
  it('hides lines that do not match and counts every level, shown or not', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([
      line('a', 1, 'GET /api 200'),
      line('a', 2, 'db down', 'error'),
      line('a', 3, 'GET /api 500', 'error'),
      line('a', 4, 'tick', 'debug'),
    ]);
    const view = buildView(buffer.entries(), filterOf('/api', { ...allLevels, info: false }));
    expect(shown(view.rows)).toEqual(['GET /api 500']);
    expect(view.counts).toEqual({ error: 1, warn: 0, info: 1, debug: 0, unknown: 0 });
    expect(view.shownLines).toBe(1);
    expect(view.total).toBe(4);
  });

  it('keeps marks visible whatever the filter, so gaps stay visible', () => {
    const buffer = new LogBuffer(100);
    buffer.addLines([line('a', 1, 'hello')]);
    buffer.addMark({ containerId: 'a', text: 'a exited', tone: 'quiet' });
    expect(shown(buildView(buffer.entries(), filterOf('nothing matches')).rows)).toEqual(['[a exited]']);
  });

  it('updates incrementally to exactly what a rebuild gives: appends, merges, marks and drops', () => {
    const buffer = new LogBuffer(40);
    const filter = filterOf('keep', { ...allLevels, debug: false });
    let view = emptyView;
    const levels: LogLevel[] = ['info', 'debug', 'error', 'warn', 'unknown'];
    for (let round = 0; round < 30; round++) {
      // Two containers, the second one's batch a little older than the first's: forces merges.
      const a = [0, 1, 2].map((i) => line('a', round * 4 + i, `${i % 2 ? 'keep' : 'skip'} a${round}.${i}`, levels[(round + i) % 5]));
      const b = [0, 1].map((i) => line('b', round * 4 + i - 1, `keep b${round}.${i}`, levels[(round * 3 + i) % 5]));
      view = updateView(view, buffer.entries(), buffer.addLines(a), filter);
      view = updateView(view, buffer.entries(), buffer.addLines(b), filter);
      if (round % 7 === 0)
        view = updateView(view, buffer.entries(), buffer.addMark({ containerId: 'a', text: `mark ${round}`, tone: 'quiet' }), filter);
      const rebuilt = buildView(buffer.entries(), filter);
      expect(view.rows).toEqual(rebuilt.rows);
      expect(view.counts).toEqual(rebuilt.counts);
      expect(view.shownLines).toBe(rebuilt.shownLines);
      expect(view.total).toBe(rebuilt.total);
    }
    expect(buffer.droppedTotal).toBeGreaterThan(0);
  });

  it('counts appended lines so the list can say how many arrived while scrolled up', () => {
    const buffer = new LogBuffer(100);
    const filter = filterOf('err');
    let view = updateView(emptyView, buffer.entries(), buffer.addLines([line('a', 1, 'err 1'), line('a', 2, 'ok')]), filter);
    const before = view.appended;
    view = updateView(view, buffer.entries(), buffer.addLines([line('a', 3, 'err 2'), line('a', 4, 'ok'), line('a', 5, 'err 3')]), filter);
    expect(view.appended - before).toBe(2);
  });
});
