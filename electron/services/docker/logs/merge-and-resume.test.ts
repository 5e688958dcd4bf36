import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/schemas/logs';
import { EventChannel } from './event-channel';
import { toLineEvents } from './line-events';
import { mergeByTime } from './merge-by-time';
import { ResumePoint } from './resume-point';
import { ts } from './testing/docker-frames';

const line = (container: string, t: string, text = `${container}@${t}`, stream: LogLine['stream'] = 'stdout'): LogLine => ({
  containerId: container,
  container,
  stream,
  ts: t,
  text,
  level: 'unknown',
});

async function* batches(...parts: LogLine[][]): AsyncGenerator<LogLine[]> {
  for (const part of parts) {
    await new Promise((r) => setTimeout(r, 0));
    yield part;
  }
}

async function collect(source: AsyncIterable<LogLine[]>): Promise<LogLine[]> {
  const out: LogLine[] = [];
  for await (const batch of source) out.push(...batch);
  return out;
}

describe('mergeByTime', () => {
  it('merges several containers into one timestamp order, across batch boundaries and empty batches', async () => {
    const a = batches([line('a', ts(1)), line('a', ts(4))], [], [line('a', ts(6))]);
    const b = batches([line('b', ts(2))], [line('b', ts(3)), line('b', ts(5)), line('b', ts(7))]);
    const c = batches();
    const merged = await collect(mergeByTime([a, b, c]));
    expect(merged.map((l) => l.container).join('')).toBe('abbabab');
    expect(merged.map((l) => l.ts)).toEqual([1, 2, 3, 4, 5, 6, 7].map((s) => ts(s)));
  });

  it('keeps source order for equal timestamps and orders nanoseconds exactly', async () => {
    const merged = await collect(mergeByTime([batches([line('a', ts(1, 2))]), batches([line('b', ts(1, 1)), line('b', ts(1, 2))])]));
    expect(merged.map((l) => `${l.container}${l.ts.slice(17, 29)}`)).toEqual(['b01.000000001', 'a01.000000002', 'b01.000000002']);
  });

  it('returns every source when the consumer stops early', async () => {
    const returned: string[] = [];
    const source = (name: string): AsyncIterable<LogLine[]> => ({
      async *[Symbol.asyncIterator]() {
        try {
          for (let i = 0; ; i += 1) yield [line(name, ts(i % 60))];
        } finally {
          returned.push(name);
        }
      },
    });
    for await (const batch of mergeByTime([source('a'), source('b')])) if (batch.length > 0) break;
    expect(returned.sort()).toEqual(['a', 'b']);
  });
});

describe('ResumePoint', () => {
  it('drops exactly the lines re-sent at the resume instant (inclusive since), and nothing after', () => {
    const resume = new ResumePoint();
    for (const l of [line('a', ts(1), 'one'), line('a', ts(2), 'two'), line('a', ts(2), 'same'), line('a', ts(2), 'same')]) expect(resume.accept(l)).toBe(true);
    expect(resume.since).toBe(ts(2));
    resume.beginResume();
    // Docker re-sends everything stamped ts(2) — including a line we have not seen yet.
    const again = [line('a', ts(2), 'two'), line('a', ts(2), 'same'), line('a', ts(2), 'same'), line('a', ts(2), 'new at same instant'), line('a', ts(3), 'two')];
    expect(again.filter((l) => resume.accept(l)).map((l) => l.text)).toEqual(['new at same instant', 'two']);
    expect(resume.since).toBe(ts(3));
  });

  it('tells stdout from stderr, and drops lines older than the resume point', () => {
    const resume = new ResumePoint();
    resume.accept(line('a', ts(5), 'x', 'stdout'));
    resume.beginResume();
    expect(resume.accept(line('a', ts(4), 'older'))).toBe(false);
    expect(resume.accept(line('a', ts(5), 'x', 'stderr'))).toBe(true);
    expect(resume.accept(line('a', ts(5), 'x', 'stdout'))).toBe(false);
  });

  it('keeps the newest instant when a joined partial line arrives late', () => {
    const resume = new ResumePoint();
    resume.accept(line('a', ts(9)));
    expect(resume.accept(line('a', ts(8)))).toBe(true);
    expect(resume.since).toBe(ts(9));
  });
});

describe('toLineEvents', () => {
  it('bounds each event so no IPC message carries megabytes', () => {
    const long = Array.from({ length: 40 }, (_, i) => line('a', ts(i), 'x'.repeat(16_384)));
    const events = toLineEvents(long);
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) if (event.event === 'lines') expect(JSON.stringify(event).length).toBeLessThan(64 * 1024);
    expect(events.flatMap((e) => (e.event === 'lines' ? e.lines : []))).toHaveLength(40);
    const short = toLineEvents(Array.from({ length: 2500 }, (_, i) => line('a', ts(i % 60))));
    for (const event of short) if (event.event === 'lines') expect(event.lines.length).toBeLessThanOrEqual(1000);
    expect(short.flatMap((e) => (e.event === 'lines' ? e.lines : []))).toHaveLength(2500);
    expect(toLineEvents([])).toEqual([]);
  });
});

describe('EventChannel', () => {
  it('delivers from several producers and ends on close', async () => {
    const channel = new EventChannel<number>(4);
    const producer = async (from: number) => {
      for (let i = from; i < from + 10; i += 1) await channel.push(i);
    };
    void Promise.all([producer(0), producer(100)]).then(() => channel.close());
    const got: number[] = [];
    for await (const n of channel) got.push(n);
    expect(got.sort((a, b) => a - b)).toEqual([...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 100 + i)]);
  });

  it('holds producers back at the high-water mark until the consumer reads', async () => {
    const channel = new EventChannel<number>(2);
    let pushed = 0;
    void (async () => {
      for (let i = 0; i < 10; i += 1) {
        await channel.push(i);
        pushed += 1;
      }
    })();
    await new Promise((r) => setTimeout(r, 10));
    expect(pushed).toBeLessThanOrEqual(2);
    channel.close();
  });

  it('ends when the signal aborts, and fails with the given error', async () => {
    const controller = new AbortController();
    const channel = new EventChannel<number>(4, controller.signal);
    setTimeout(() => controller.abort(), 5);
    const got: number[] = [];
    for await (const n of channel) got.push(n);
    expect(got).toEqual([]);
    const failing = new EventChannel<number>();
    failing.fail(new Error('boom'));
    await expect(collectNumbers(failing)).rejects.toThrow('boom');
  });
});

async function collectNumbers(channel: AsyncIterable<number>): Promise<number[]> {
  const out: number[] = [];
  for await (const n of channel) out.push(n);
  return out;
}
