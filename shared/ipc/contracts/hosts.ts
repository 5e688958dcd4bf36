import { z } from 'zod';
import { rpc } from '../define';
import { hostConfigSchema, hostDraftSchema } from '../../schemas/host';

const hostIdInput = z.object({ hostId: z.string().min(1) });

/** Saved hosts: what the host list shows and the add-host form writes. */
export const hostsContract = {
  'hosts.list': rpc(z.object({}), z.object({ hosts: z.array(hostConfigSchema), lastUsedHostId: z.string().nullable() })),
  'hosts.add': rpc(hostDraftSchema, hostConfigSchema),
  'hosts.update': rpc(hostConfigSchema, hostConfigSchema),
  'hosts.remove': rpc(hostIdInput, z.object({ removed: z.boolean() })),
};
