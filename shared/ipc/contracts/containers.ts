import { z } from 'zod';
import { rpc } from '../define';
import { containerGroupSchema } from '../../schemas/container';

/** Containers of a connected host, grouped by compose project. */
export const containersContract = {
  'containers.list': rpc(z.object({ hostId: z.string().min(1) }), z.object({ groups: z.array(containerGroupSchema), fetchedAt: z.string() })),
};
