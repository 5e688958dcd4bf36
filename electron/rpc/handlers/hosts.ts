import type { hostsContract } from '../../../shared/ipc/contracts/hosts';
import type { Services } from '../../app/create-services';
import { importSshConfigHosts } from '../../services/ssh/ssh-config-import';
import type { Handlers } from '../router';

/** Saved hosts. Removing a host first drops its connection so nothing keeps using it. */
export function hostsHandlers({ hosts, connections, platform, sshConfigPath }: Services): Handlers<typeof hostsContract> {
  return {
    'hosts.list': async () => ({ hosts: await hosts.list(), lastUsedHostId: (await hosts.lastUsedHostId()) ?? null }),
    'hosts.add': (draft) => hosts.add(draft),
    'hosts.update': (host) => hosts.update(host),
    'hosts.remove': async ({ hostId }) => {
      connections.disconnect(hostId);
      await hosts.remove(hostId);
      return { removed: true };
    },
    'hosts.importSshConfig': () => importSshConfigHosts({ path: sshConfigPath, homeDir: platform.homeDir() }),
  };
}
