import { createHostStore } from '../../services/hosts/host-store';
import { createNodePlatform } from '../../services/platform/node-platform';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { formatTable } from '../format-table';

/** `hangar hosts`: the hosts saved by the app (same store), so scripts can pick one by name. */
export const hostsCommand: CliCommand = {
  path: ['hosts'],
  summary: 'List the hosts saved in Hangar.',
  usage: 'Usage: hangar hosts [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'] });
    const store = createHostStore(createNodePlatform({ env: io.env }));
    const hosts = await store.list();
    if (args.has('json')) {
      io.stdout(`${JSON.stringify({ hosts, lastUsedHostId: (await store.lastUsedHostId()) ?? null })}\n`);
      return 0;
    }
    const rows = hosts.map((h) =>
      h.kind === 'local'
        ? [h.name, 'local Docker socket', '', '']
        : [h.name, `${h.user}@${h.address}:${h.port}`, h.auth.kind === 'key' ? `key ${h.auth.keyPath}` : h.auth.kind, h.proxyJump ?? ''],
    );
    io.stdout(formatTable(['NAME', 'ADDRESS', 'AUTH', 'VIA'], rows));
    return 0;
  },
};
