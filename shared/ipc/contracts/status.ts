import { z } from 'zod';
import { stream } from '../define';
import { statusEventSchema } from '../../schemas/status';

/** Live container state of a host, for the architecture view. */
export const statusContract = {
  'status.watch': stream(z.object({ hostId: z.string().min(1) }), statusEventSchema),
};
