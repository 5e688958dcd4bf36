import { createServices } from '../../app/create-services';
import { createNodePlatform } from '../../services/platform/node-platform';
import { parseArgs, usageError } from '../args';
import type { CliCommand } from '../command';
import { formatDuration } from '../format-duration';
import { formatTable } from '../format-table';
import { createHostStore } from '../../services/hosts/host-store';
import { createCliPrompts } from '../cli-prompts';
import { resolveCliHost, withOneOffHost } from '../resolve-host';

/**
 * `hangar containers --host NAME`: the same grouped list the app shows. Host keys are never
 * accepted silently here: an unknown key fails with its fingerprint, to be trusted in the app
 * or listed in the --known-hosts file.
 */
export const containersCommand: CliCommand = {
  path: ['containers'],
  summary: 'List a host’s containers grouped by compose project.',
  usage: [
    'Usage: hangar containers --host NAME|user@address[:port] [--identity FILE] [--known-hosts FILE] [--json]',
    '',
    '  --host         a saved host (name or id), or user@address[:port] for one-off use',
    '  --identity     private key for a one-off host (default: ssh-agent)',
    '  --known-hosts  extra known_hosts file to trust keys from',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'], values: ['host', 'identity', 'known-hosts'] });
    const hostArg = args.get('host');
    if (hostArg === undefined) throw usageError('--host is required.');
    const platform = createNodePlatform({ env: io.env });
    const extraKnownHosts = args.get('known-hosts');
    const saved = createHostStore(platform);
    const host = await resolveCliHost(saved, hostArg, args.get('identity'));
    const services = createServices({
      platform,
      hosts: withOneOffHost(saved, host),
      prompts: createCliPrompts(),
      knownHostsFiles: extraKnownHosts === undefined ? undefined : [extraKnownHosts, ...defaultKnownHosts(platform.homeDir())],
    });
    try {
      const groups = await services.connections.listContainers(host.id, io.signal);
      if (args.has('json')) {
        io.stdout(`${JSON.stringify({ host: host.name, groups })}\n`);
        return 0;
      }
      for (const group of groups) {
        io.stdout(`${group.project ?? '(no compose project)'}${group.workingDir === undefined ? '' : `  ${group.workingDir}`}\n`);
        const rows = group.containers.map((c) => [c.service ?? c.name, c.state, c.health === 'none' ? '' : c.health, c.image, c.uptimeMs === undefined ? '' : formatDuration(c.uptimeMs)]);
        io.stdout(indent(formatTable(['SERVICE', 'STATE', 'HEALTH', 'IMAGE', 'UP'], rows)));
      }
      if (groups.length === 0) io.stdout('No containers.\n');
      return 0;
    } finally {
      services.dispose();
    }
  },
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

function defaultKnownHosts(home: string): string[] {
  return [`${home}/.ssh/known_hosts`, '/etc/ssh/ssh_known_hosts'];
}
