import type { z } from 'zod';

/** A request/response method: input and output are validated by zod at the trust boundary. */
export interface RpcDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'rpc';
  readonly input: I;
  readonly output: O;
}

/** A subscription: one input, then a stream of events until it ends, errors, or is cancelled. */
export interface StreamDef<I extends z.ZodType = z.ZodType, E extends z.ZodType = z.ZodType> {
  readonly kind: 'stream';
  readonly input: I;
  readonly event: E;
}

export type MethodDef = RpcDef | StreamDef;
/** The contract: `<domain>.<verb>` names mapped to definitions. */
export type ContractShape = Record<string, MethodDef>;

export function rpc<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): RpcDef<I, O> {
  return { kind: 'rpc', input, output };
}

export function stream<I extends z.ZodType, E extends z.ZodType>(input: I, event: E): StreamDef<I, E> {
  return { kind: 'stream', input, event };
}

export type InputOf<D extends MethodDef> = z.input<D['input']>;
export type ParsedInputOf<D extends MethodDef> = z.output<D['input']>;
export type OutputOf<D extends MethodDef> = D extends RpcDef<z.ZodType, infer O> ? z.output<O> : never;
export type EventOf<D extends MethodDef> = D extends StreamDef<z.ZodType, infer E> ? z.output<E> : never;

export type RpcNames<C extends ContractShape> = { [K in keyof C]: C[K] extends RpcDef ? K : never }[keyof C] & string;
export type StreamNames<C extends ContractShape> = { [K in keyof C]: C[K] extends StreamDef ? K : never }[keyof C] & string;
