import { rpc } from '../define';
import { probeInputSchema, probeReportSchema } from '../../schemas/probe';

/**
 * Checks run from this machine the way a browser sees the deployment (CORS, WebSocket, TLS,
 * routes). One call runs the whole suite; it takes well under the 3 s target, so no progress
 * stream is needed and each check's own timeout bounds it.
 */
export const probesContract = {
  'probes.run': rpc(probeInputSchema, probeReportSchema),
};
