import type { z } from 'zod';
import type { StreamSink } from '../../shared/ipc/bridge-api';
import type { ContractShape, EventOf, MethodDef, OutputOf, ParsedInputOf, RpcDef, StreamDef } from '../../shared/ipc/define';
import { AppError, toAppError } from '../../shared/ipc/errors';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { createPump, type PumpOptions } from './pump';
import { SubscriptionRegistry } from './subscriptions';

/** What every handler gets besides its input: who asked, and a signal that fires on cancel. */
export interface CallContext {
  readonly owner: string;
  readonly signal: AbortSignal;
}

export type RpcHandler<D extends RpcDef> = (input: ParsedInputOf<D>, ctx: CallContext) => Promise<OutputOf<D>> | OutputOf<D>;
export type StreamHandler<D extends StreamDef> = (input: ParsedInputOf<D>, ctx: CallContext) => AsyncIterable<EventOf<D>>;

/** One handler per contract method; a missing or mistyped handler is a compile error. */
export type Handlers<C extends ContractShape> = {
  [K in keyof C]: C[K] extends RpcDef ? RpcHandler<C[K]> : C[K] extends StreamDef ? StreamHandler<C[K]> : never;
};

export interface RouterOptions<C extends ContractShape> {
  contract: C;
  handlers: Handlers<C>;
  /** Parse outputs and events too. On in tests (catches contract drift); off in production. */
  validateOutput?: boolean;
  pump?: PumpOptions;
}

export interface Router {
  readonly methods: readonly string[];
  call(method: string, input: unknown, ctx: { owner: string; signal?: AbortSignal }): Promise<Result<unknown>>;
  /** Starts a stream under `id` for `owner`; returns a cancel function. The sink gets one `end`. */
  subscribe(method: string, input: unknown, ctx: { owner: string; id: string }, sink: StreamSink): () => void;
  cancel(owner: string, id: string): boolean;
  disposeOwner(owner: string): number;
  activeSubscriptions(owner?: string): number;
}

/**
 * The only place requests enter the services: input is zod-parsed (the renderer is untrusted),
 * errors become data with stable codes, streams are owned, batched and cancellable.
 */
export function createRouter<C extends ContractShape>(options: RouterOptions<C>): Router {
  const { contract, handlers, validateOutput = false } = options;
  const registry = new SubscriptionRegistry();
  const lookup = (method: string): MethodDef | undefined =>
    Object.prototype.hasOwnProperty.call(contract, method) ? contract[method] : undefined;

  async function call(method: string, input: unknown, ctx: { owner: string; signal?: AbortSignal }): Promise<Result<unknown>> {
    const def = lookup(method);
    if (def === undefined || def.kind !== 'rpc') return fail(unknownMethod(method).toData());
    const parsed = def.input.safeParse(input);
    if (!parsed.success) return fail(invalid('INVALID_INPUT', method, parsed.error).toData());
    try {
      const handler = handlers[method] as unknown as (i: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, { owner: ctx.owner, signal: ctx.signal ?? new AbortController().signal });
      if (validateOutput) {
        const out = def.output.safeParse(value);
        if (!out.success) return fail(invalid('INVALID_OUTPUT', method, out.error).toData());
      }
      return ok(value);
    } catch (error) {
      return fail(toAppError(error).toData());
    }
  }

  function subscribe(method: string, input: unknown, ctx: { owner: string; id: string }, sink: StreamSink): () => void {
    const def = lookup(method);
    if (def === undefined || def.kind !== 'stream') {
      sink.end(unknownMethod(method).toData());
      return () => undefined;
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      sink.end(invalid('INVALID_INPUT', method, parsed.error).toData());
      return () => undefined;
    }
    const controller = new AbortController();
    registry.add(ctx.owner, ctx.id, controller);
    const handler = handlers[method] as unknown as (i: unknown, c: CallContext) => AsyncIterable<unknown>;
    const ownedSink: StreamSink = {
      events: (batch) => sink.events(batch),
      end: (error) => {
        registry.remove(ctx.owner, ctx.id);
        sink.end(error);
      },
    };
    const start = (): AsyncIterable<unknown> => handler(parsed.data, { owner: ctx.owner, signal: controller.signal });
    void pumpStream(def, start, controller.signal, ownedSink, options.pump, validateOutput, method);
    return () => registry.cancel(ctx.owner, ctx.id);
  }

  return {
    methods: Object.keys(contract),
    call,
    subscribe,
    cancel: (owner, id) => registry.cancel(owner, id),
    disposeOwner: (owner) => registry.disposeOwner(owner),
    activeSubscriptions: (owner) => registry.count(owner),
  };
}

async function pumpStream(
  def: StreamDef,
  start: () => AsyncIterable<unknown>,
  signal: AbortSignal,
  sink: StreamSink,
  pumpOptions: PumpOptions | undefined,
  validateOutput: boolean,
  method: string,
): Promise<void> {
  const pump = createPump((batch) => sink.events(batch), pumpOptions);
  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  let iterator: AsyncIterator<unknown> | undefined;
  try {
    iterator = start()[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next === 'aborted') throw new AppError('CANCELLED', 'The stream was cancelled.');
      if (next.done === true) break;
      if (validateOutput) {
        const checked = def.event.safeParse(next.value);
        if (!checked.success) throw invalid('INVALID_OUTPUT', method, checked.error);
      }
      pump.push(next.value);
    }
    pump.flush();
    sink.end(null);
  } catch (error) {
    pump.flush();
    sink.end(toAppError(error).toData());
    void iterator?.return?.()?.catch(() => undefined);
  } finally {
    pump.dispose();
  }
}

function unknownMethod(method: string): AppError {
  return new AppError('UNKNOWN_METHOD', `No such method: ${method}.`);
}

function invalid(code: 'INVALID_INPUT' | 'INVALID_OUTPUT', method: string, error: z.ZodError): AppError {
  const where = code === 'INVALID_INPUT' ? 'input' : 'output';
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = issues[0];
  const summary = first === undefined ? '' : `: ${first.path === '' ? '' : `${first.path}: `}${first.message}`;
  return new AppError(code, `Invalid ${where} for ${method}${summary}`, { issues });
}
