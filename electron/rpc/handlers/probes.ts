import type { probesContract } from '../../../shared/ipc/contracts/probes';
import { runProbes } from '../../services/probes/run-probes';
import type { Handlers } from '../router';

/** Probes need no server access: they run from this machine against the public URLs. */
export function probesHandlers(): Handlers<typeof probesContract> {
  return {
    'probes.run': (input, ctx) => runProbes(input, { signal: ctx.signal }),
  };
}
