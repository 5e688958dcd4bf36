import { z } from 'zod';
import { containerGroupSchema } from './container';

/**
 * The live state of a host's containers, driven by Docker's event stream (no polling): a full
 * snapshot first, then a new snapshot after each burst of container events. Snapshots (not
 * patches) keep the renderer's store trivially consistent; a host has tens of containers.
 */
export const statusEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('snapshot'), at: z.string(), groups: z.array(containerGroupSchema) }),
  /** The event stream broke (host dropped, daemon restarted); the last snapshot may be out of date until the next one. */
  z.object({ event: z.literal('stale'), at: z.string(), message: z.string() }),
]);
export type StatusEvent = z.infer<typeof statusEventSchema>;
