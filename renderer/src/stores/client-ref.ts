import { bridgeClient, type BridgeClient } from '../bridge/client';

let override: BridgeClient | undefined;

/**
 * The client every store talks through. Stores are the only callers (components never touch the
 * bridge), so swapping it here is enough for a unit test to drive the stores over a fake bridge.
 */
export function client(): BridgeClient {
  return override ?? bridgeClient();
}

/** Test seam: route the stores through another client (pass undefined to restore). */
export function setClientForTests(next: BridgeClient | undefined): void {
  override = next;
}
