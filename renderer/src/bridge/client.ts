import type { BridgeApi } from '../../../shared/ipc/bridge-api';
import { contract, type Contract } from '../../../shared/ipc/contract';
import type { EventOf, InputOf, OutputOf, RpcNames, StreamNames } from '../../../shared/ipc/define';
import { AppError, appErrorDataSchema } from '../../../shared/ipc/errors';
import { wireResultSchema } from '../../../shared/ipc/result';

/** Names of the request/response methods the renderer may call. */
export type RpcMethod = RpcNames<Contract>;
/** Names of the streams the renderer may open. */
export type StreamMethod = StreamNames<Contract>;

/** What a stream subscriber receives: batches of parsed events, then exactly one end. */
export interface StreamHandlers<M extends StreamMethod> {
  onEvents(events: EventOf<Contract[M]>[]): void;
  /** `null` when the stream finished normally, otherwise why it stopped. */
  onEnd(error: AppError | null): void;
}

/**
 * The typed face of `window.bridge`. Main is trusted to validate its own output in tests, but
 * the renderer still parses what arrives: a contract drift then fails loudly here as
 * INVALID_OUTPUT instead of as an undefined deep in a component.
 */
export interface BridgeClient {
  call<M extends RpcMethod>(method: M, input: InputOf<Contract[M]>): Promise<OutputOf<Contract[M]>>;
  subscribe<M extends StreamMethod>(method: M, input: InputOf<Contract[M]>, handlers: StreamHandlers<M>): () => void;
}

/** Builds a client over any BridgeApi (preload, Playwright shim, or a test double). */
export function createBridgeClient(bridge: BridgeApi): BridgeClient {
  return {
    async call(method, input) {
      let raw: unknown;
      try {
        raw = await bridge.call(method, input);
      } catch (error) {
        throw new AppError('INTERNAL', `The app could not reach its background process (${String(error)}). Restart Hangar.`);
      }
      const envelope = wireResultSchema.safeParse(raw);
      if (!envelope.success) throw new AppError('INVALID_OUTPUT', `${method} answered with something that is not a result.`);
      if (!envelope.data.ok) throw AppError.fromData(envelope.data.error);
      const value = contract[method].output.safeParse(envelope.data.value);
      if (!value.success)
        throw new AppError('INVALID_OUTPUT', `${method} answered in an unexpected shape: ${value.error.issues[0]?.message ?? 'unknown'}.`);
      return value.data as OutputOf<Contract[typeof method]>;
    },
    subscribe(method, input, handlers) {
      const schema = contract[method].event;
      let ended = false;
      let cancel: () => void = () => undefined;
      const finish = (error: AppError | null): void => {
        if (ended) return;
        ended = true;
        handlers.onEnd(error);
      };
      cancel = bridge.subscribe(method, input, {
        events(batch) {
          if (ended) return;
          const parsed: EventOf<Contract[typeof method]>[] = [];
          for (const item of batch) {
            const result = schema.safeParse(item);
            if (!result.success) {
              finish(new AppError('INVALID_OUTPUT', `${method} sent an event in an unexpected shape.`));
              cancel();
              return;
            }
            parsed.push(result.data as EventOf<Contract[typeof method]>);
          }
          if (parsed.length > 0) handlers.onEvents(parsed);
        },
        end(error) {
          const data = error === null ? null : appErrorDataSchema.safeParse(error);
          finish(
            data === null
              ? null
              : data.success
                ? AppError.fromData(data.data)
                : new AppError('INTERNAL', `${method} ended with an unreadable error.`),
          );
        },
      });
      return () => {
        if (ended) return;
        ended = true;
        cancel();
      };
    },
  };
}

let shared: BridgeClient | undefined;

/**
 * The client over `window.bridge`, created on first use. Throws a readable error when the page
 * is opened outside Electron or the test harness (there is no bridge to talk to).
 */
export function bridgeClient(): BridgeClient {
  if (shared) return shared;
  const bridge = (globalThis as { bridge?: BridgeApi }).bridge;
  if (bridge === undefined) {
    throw new AppError(
      'INTERNAL',
      'Hangar’s window opened without its bridge to the background process. Start it with `npm start`, not in a browser.',
    );
  }
  shared = createBridgeClient(bridge);
  return shared;
}
