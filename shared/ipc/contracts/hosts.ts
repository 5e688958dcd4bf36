import { z } from 'zod';
import { rpc } from '../define';
import { hostConfigSchema, hostDraftSchema } from '../../schemas/host';

const hostIdInput = z.object({ hostId: z.string().min(1) });

/** A line of ~/.ssh/config Hangar did not apply, with why (Include, Match, ProxyCommand, typos). */
export const sshConfigIssueSchema = z.object({
  line: z.number().int(),
  directive: z.string(),
  kind: z.enum(['unsupported', 'ignored', 'malformed']),
  message: z.string(),
});

/** Saved hosts: what the host list shows and the add-host form writes. */
export const hostsContract = {
  'hosts.list': rpc(z.object({}), z.object({ hosts: z.array(hostConfigSchema), lastUsedHostId: z.string().nullable() })),
  'hosts.add': rpc(hostDraftSchema, hostConfigSchema),
  'hosts.update': rpc(hostConfigSchema, hostConfigSchema),
  'hosts.remove': rpc(hostIdInput, z.object({ removed: z.boolean() })),
  /** Hosts found in ~/.ssh/config, as drafts that keep pointing at their alias, plus what was not understood. */
  'hosts.importSshConfig': rpc(z.object({}), z.object({ path: z.string(), drafts: z.array(hostDraftSchema), issues: z.array(sshConfigIssueSchema) })),
};
