import { z } from 'zod';
import { rpc } from '../define';
import { deploymentSchema } from '../../schemas/deployment';

/** Plane deployments of a host, discovered from compose's container labels. */
export const deploymentsContract = {
  'deployments.list': rpc(z.object({ hostId: z.string().min(1) }), z.object({ deployments: z.array(deploymentSchema), fetchedAt: z.string() })),
};
