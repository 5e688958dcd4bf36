import { compareLogTimestamps } from '../../../../shared/logs/log-timestamp';
import type { LogLine } from '../../../../shared/schemas/logs';

/** Largest batch the merge yields; bounded so one container's backlog never becomes one huge event. */
const MAX_BATCH = 1000;

/**
 * k-way merge of several containers' backlogs into one time-ordered sequence (each source is
 * already in time order). Streaming: it holds one batch per source, never whole backlogs, and
 * pulls from a source only when its batch is used up, so Node's backpressure pauses the other
 * HTTP responses meanwhile. Ties keep source order (stable). Stopping early returns every source.
 */
export async function* mergeByTime(sources: readonly AsyncIterable<LogLine[]>[]): AsyncGenerator<LogLine[]> {
  if (sources.length === 1) {
    for await (const batch of sources[0] ?? []) if (batch.length > 0) yield batch;
    return;
  }
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  const buffers: LogLine[][] = iterators.map(() => []);
  const positions = iterators.map(() => 0);
  const done = iterators.map(() => false);
  const refill = async (i: number): Promise<void> => {
    for (;;) {
      const next = await (iterators[i] as AsyncIterator<LogLine[]>).next();
      if (next.done === true) {
        done[i] = true;
        return;
      }
      if (next.value.length > 0) {
        buffers[i] = next.value;
        positions[i] = 0;
        return;
      }
    }
  };
  try {
    await Promise.all(iterators.map((_, i) => refill(i)));
    let out: LogLine[] = [];
    for (;;) {
      let pick = -1;
      let head: LogLine | undefined;
      for (let i = 0; i < iterators.length; i += 1) {
        if (done[i]) continue;
        const candidate = buffers[i]?.[positions[i] ?? 0];
        if (candidate !== undefined && (head === undefined || compareLogTimestamps(candidate.ts, head.ts) < 0)) {
          head = candidate;
          pick = i;
        }
      }
      if (head === undefined) break;
      out.push(head);
      positions[pick] = (positions[pick] ?? 0) + 1;
      const exhausted = (positions[pick] ?? 0) >= (buffers[pick]?.length ?? 0);
      if (out.length >= MAX_BATCH || (exhausted && out.length > 0)) {
        yield out;
        out = [];
      }
      if (exhausted) await refill(pick);
    }
    if (out.length > 0) yield out;
  } finally {
    await Promise.all(iterators.map((it, i) => (done[i] ? undefined : it.return?.()?.catch(() => undefined))));
  }
}
