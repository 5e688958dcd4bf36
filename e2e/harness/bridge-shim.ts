import type { Page } from '@playwright/test';
import type { AppErrorData } from '../../shared/ipc/errors';
import type { Router } from '../../electron/rpc/router';

/**
 * Installs `window.bridge` in a Playwright page, routed to a real router in the test process:
 * the renderer bundle runs exactly as in Electron, against the same services, minus the
 * Electron glue (ARCHITECTURE "Testing" §4). Must be called before `page.goto`.
 */
export async function installBridgeShim(page: Page, router: Router, owner = `page:${Math.random().toString(36).slice(2)}`): Promise<void> {
  await page.exposeBinding('__hangarCall', (_source, method: string, input: unknown) => router.call(method, input, { owner }));
  await page.exposeBinding('__hangarOpen', (_source, id: string, method: string, input: unknown) => {
    router.subscribe(method, input, { owner, id }, {
      events: (events) => void deliver(page, { id, events }),
      end: (error) => void deliver(page, { id, error, end: true }),
    });
  });
  await page.exposeBinding('__hangarClose', (_source, id: string) => {
    router.cancel(owner, id);
  });
  page.on('close', () => router.disposeOwner(owner));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) router.disposeOwner(owner);
  });
  await page.addInitScript(shimSource);
}

interface Delivery {
  id: string;
  events?: unknown[];
  error?: AppErrorData | null;
  end?: boolean;
}

async function deliver(page: Page, message: Delivery): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate((m) => (globalThis as unknown as { __hangarDeliver?: (m: unknown) => void }).__hangarDeliver?.(m), message)
    .catch(() => undefined);
}

/** Runs in the page: the same BridgeApi shape the preload exposes. */
function shimSource(): void {
  type Sink = { events(batch: unknown[]): void; end(error: unknown): void };
  const w = globalThis as unknown as Record<string, unknown>;
  const call = w.__hangarCall as (method: string, input: unknown) => Promise<unknown>;
  const open = w.__hangarOpen as (id: string, method: string, input: unknown) => Promise<void>;
  const close = w.__hangarClose as (id: string) => Promise<void>;
  const sinks = new Map<string, Sink>();
  let next = 0;
  w.__hangarDeliver = (message: { id: string; events?: unknown[]; error?: unknown; end?: boolean }) => {
    const sink = sinks.get(message.id);
    if (sink === undefined) return;
    if (message.events !== undefined) sink.events(message.events);
    if (message.end === true) {
      sinks.delete(message.id);
      sink.end(message.error ?? null);
    }
  };
  Object.defineProperty(globalThis, 'bridge', {
    value: Object.freeze({
      call: (method: string, input: unknown) => call(method, input),
      subscribe(method: string, input: unknown, sink: Sink) {
        const id = `t${++next}`;
        sinks.set(id, sink);
        void open(id, method, input);
        return () => {
          if (sinks.delete(id)) void close(id);
        };
      },
    }),
    configurable: false,
    writable: false,
  });
}
