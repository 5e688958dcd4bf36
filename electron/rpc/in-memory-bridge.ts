import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type { Router } from './router';

/**
 * A BridgeApi straight onto a router, for unit tests of renderer stores and for the CLI: the same
 * serialisation discipline (values are structured-cloned both ways) without a window.
 */
export function createInMemoryBridge(router: Router, owner = 'memory'): BridgeApi {
  let next = 0;
  return {
    async call(method, input) {
      return structuredClone(await router.call(method, structuredClone(input), { owner }));
    },
    subscribe(method, input, sink) {
      const id = `s${++next}`;
      return router.subscribe(method, structuredClone(input), { owner, id }, {
        events: (batch) => sink.events(structuredClone(batch)),
        end: (error) => sink.end(error),
      });
    },
  };
}
