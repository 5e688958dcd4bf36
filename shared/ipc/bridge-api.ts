import type { AppErrorData } from './errors';
import type { Result } from './result';

/** Receives a stream's batches and exactly one end (error null when it ended normally). */
export interface StreamSink {
  events(batch: unknown[]): void;
  end(error: AppErrorData | null): void;
}

/**
 * What the renderer sees as `window.bridge`: an untyped, serialisable transport. Three
 * implementations exist — the Electron preload, the Playwright shim, and an in-memory one for
 * unit tests — and the typed client (renderer/src/bridge) sits on top of any of them, so the
 * UI runs unchanged in Electron, in a plain Chromium under Playwright, and in Node.
 */
export interface BridgeApi {
  /** Calls an rpc method; never rejects for application errors (they come back as `ok:false`). */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Opens a stream; returns a function that cancels it. The sink always receives one `end`. */
  subscribe(method: string, input: unknown, sink: StreamSink): () => void;
}

declare global {
  interface Window {
    bridge: BridgeApi;
  }
}
