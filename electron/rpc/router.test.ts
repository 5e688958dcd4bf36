import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rpc, stream } from '../../shared/ipc/define';
import { AppError } from '../../shared/ipc/errors';
import { createRouter, type Handlers } from './router';
import type { AppErrorData } from '../../shared/ipc/errors';

const testContract = {
  'math.double': rpc(z.object({ n: z.number() }), z.number()),
  'math.broken': rpc(z.object({}), z.number()),
  'math.fails': rpc(z.object({}), z.number()),
  'ticks.watch': stream(z.object({ count: z.number().int().min(0) }), z.object({ i: z.number() })),
  'ticks.forever': stream(z.object({}), z.object({ i: z.number() })),
};

function makeRouter(onForeverAbort?: () => void) {
  const handlers: Handlers<typeof testContract> = {
    'math.double': ({ n }) => n * 2,
    'math.broken': () => 'not a number' as unknown as number,
    'math.fails': () => {
      throw new AppError('SSH_AUTH_FAILED', 'The server refused the key.');
    },
    'ticks.watch': async function* ({ count }) {
      for (let i = 0; i < count; i++) yield { i };
    },
    'ticks.forever': async function* (_input, ctx) {
      let i = 0;
      ctx.signal.addEventListener('abort', () => onForeverAbort?.());
      for (;;) {
        yield { i: i++ };
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
  return createRouter({ contract: testContract, handlers, validateOutput: true, pump: { intervalMs: 10 } });
}

function collect(router: ReturnType<typeof makeRouter>, method: string, input: unknown, owner = 'w1', id = 'a') {
  const events: unknown[] = [];
  let batches = 0;
  const ended = new Promise<AppErrorData | null>((resolve) => {
    const cancel = router.subscribe(method, input, { owner, id }, { events: (b) => { batches++; events.push(...b); }, end: resolve });
    void cancel;
  });
  return { events, ended, batches: () => batches };
}

describe('createRouter', () => {
  it('validates input and returns values as data', async () => {
    const router = makeRouter();
    expect(await router.call('math.double', { n: 21 }, { owner: 'w' })).toEqual({ ok: true, value: 42 });
    const bad = await router.call('math.double', { n: 'x' }, { owner: 'w' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
  });

  it('keeps error codes across the boundary and catches output drift', async () => {
    const router = makeRouter();
    const failed = await router.call('math.fails', {}, { owner: 'w' });
    expect(failed).toEqual({ ok: false, error: { code: 'SSH_AUTH_FAILED', message: 'The server refused the key.' } });
    const drift = await router.call('math.broken', {}, { owner: 'w' });
    expect(!drift.ok && drift.error.code).toBe('INVALID_OUTPUT');
    const unknown = await router.call('nope.nothing', {}, { owner: 'w' });
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_METHOD');
    const streamAsRpc = await router.call('ticks.watch', { count: 1 }, { owner: 'w' });
    expect(!streamAsRpc.ok && streamAsRpc.error.code).toBe('UNKNOWN_METHOD');
  });

  it('batches stream events and ends exactly once', async () => {
    const router = makeRouter();
    const run = collect(router, 'ticks.watch', { count: 500 });
    expect(await run.ended).toBeNull();
    expect(run.events).toHaveLength(500);
    expect(run.events[499]).toEqual({ i: 499 });
    expect(run.batches()).toBeLessThan(10);
    expect(router.activeSubscriptions()).toBe(0);
  });

  it('disposes every stream of an owner when its window goes away', async () => {
    let aborted = 0;
    const router = makeRouter(() => aborted++);
    const a = collect(router, 'ticks.forever', {}, 'w1', 'a');
    const b = collect(router, 'ticks.forever', {}, 'w1', 'b');
    const other = collect(router, 'ticks.forever', {}, 'w2', 'c');
    await new Promise((r) => setTimeout(r, 30));
    expect(router.activeSubscriptions('w1')).toBe(2);
    expect(router.disposeOwner('w1')).toBe(2);
    expect((await a.ended)?.code).toBe('CANCELLED');
    expect((await b.ended)?.code).toBe('CANCELLED');
    expect(aborted).toBe(2);
    expect(router.activeSubscriptions('w2')).toBe(1);
    router.cancel('w2', 'c');
    expect((await other.ended)?.code).toBe('CANCELLED');
  });

  it('rejects invalid stream input with an end event, not a throw', async () => {
    const router = makeRouter();
    const run = collect(router, 'ticks.watch', { count: -1 });
    expect((await run.ended)?.code).toBe('INVALID_INPUT');
    expect(run.events).toHaveLength(0);
  });
});
