import { AppError, isAppError } from '../../../shared/ipc/errors';
import { formatLogLineText } from '../../../shared/logs/log-format';
import { selectLogTargets } from '../../../shared/logs/log-targets';
import { logsTailInputSchema, type LogsEvent } from '../../../shared/schemas/logs';
import { createServices } from '../../app/create-services';
import { createLogsService } from '../../services/docker/logs/logs-service';
import { createHostStore } from '../../services/hosts/host-store';
import { createNodePlatform } from '../../services/platform/node-platform';
import { createCliPrompts } from '../cli-prompts';
import type { CliCommand, CliIo } from '../command';
import { resolveCliHost, withOneOffHost } from '../resolve-host';
import { parseLogsArgs, type LogsCommandOptions } from './logs-args';

const USAGE = `Usage: hangar logs --host NAME <container|service|role>... [options]

Prints the logs of one or more containers, merged in time order. A word selects a container by
id or name, the containers of a compose service (api, plane-api) or of a Plane role (api, db,
proxy, worker…). Exits 1 when a container cannot be found or read.

  --host NAME          a saved host, or user@address[:port] for one-off use
  --since 10m|2h|ISO   lines from then on (default: the last --tail lines)
  --until 5m|ISO       lines up to then; following stops there
  --tail N             last N lines per container (default 500; with --since, the whole window)
  --follow             keep printing new lines (re-attaches when a container restarts); Ctrl-C ends
  --grep TEXT          only lines containing TEXT (ignoring case), or /regex/flags
  --level LIST         only these levels: error,warn,info,debug,unknown
  --project NAME       services and roles of this compose project only
  --utc                clock in UTC (default: local time)
  --json               one JSON log line per line on stdout
  --identity FILE      private key for a one-off host (default: ssh-agent)
  --known-hosts FILE   extra known_hosts file to trust keys from`;

/** `hangar logs`: the app's log stream for scripts and terminals (same service, same filter). */
export const logsCommand: CliCommand = {
  path: ['logs'],
  summary: 'Print or follow the logs of containers, services or Plane roles.',
  usage: USAGE,
  async run(argv, io) {
    const options = parseLogsArgs(argv, new Date());
    const platform = createNodePlatform({ env: io.env });
    const saved = createHostStore(platform);
    const host = await resolveCliHost(saved, options.host, options.identity);
    const services = createServices({
      platform,
      hosts: withOneOffHost(saved, host),
      prompts: createCliPrompts(),
      ...(options.knownHosts !== undefined ? { knownHostsFiles: [options.knownHosts, `${platform.homeDir()}/.ssh/known_hosts`, '/etc/ssh/ssh_known_hosts'] } : {}),
    });
    try {
      const groups = await services.connections.listContainers(host.id, io.signal);
      const selection = selectLogTargets(groups, options.targets, options.project);
      if (selection.unmatched.length > 0) {
        const names = selection.unmatched.map((w) => `"${w}"`).join(', ');
        throw new AppError('NOT_FOUND', `No container, compose service or Plane role called ${names} on ${host.name}. Run "hangar containers --host ${options.host}" to see the names.`, {
          unmatched: selection.unmatched,
        });
      }
      const input = logsTailInputSchema.parse({
        hostId: host.id,
        containerIds: selection.containers.map((c) => c.id),
        tail: options.tail,
        follow: options.follow,
        ...(options.since !== undefined ? { since: options.since } : {}),
        ...(options.until !== undefined ? { until: options.until } : {}),
      });
      const width = Math.max(...selection.containers.map((c) => c.name.length));
      return await printStream(createLogsService(services).tail(input, io.signal), options, io, selection.containers.length > 1 ? width : undefined);
    } finally {
      services.dispose();
    }
  },
};

/** Prints events until the stream ends or Ctrl-C; 1 when a container's stream failed. */
async function printStream(events: AsyncIterable<LogsEvent>, options: LogsCommandOptions, io: CliIo, containerWidth: number | undefined): Promise<number> {
  let failed = false;
  const attached = new Set<string>();
  try {
    for await (const event of events) {
      if (event.event === 'lines') {
        let out = '';
        for (const line of event.lines) {
          if (!options.filter.test(line)) continue;
          out += options.json
            ? `${JSON.stringify(line)}\n`
            : `${formatLogLineText(line, { showContainer: containerWidth !== undefined, containerWidth, utc: options.utc })}\n`;
        }
        if (out !== '') io.stdout(out);
      } else if (event.event === 'detached') {
        if (event.reason === 'error') failed = true;
        if (options.follow || event.reason === 'error') io.stderr(`-- ${event.container} ${detachText(event.reason)}${event.message ? `: ${event.message}` : ''}\n`);
      } else if (attached.has(event.containerId)) {
        io.stderr(`-- ${event.container} attached again\n`);
      } else {
        attached.add(event.containerId);
      }
    }
  } catch (error) {
    if (io.signal.aborted && isAppError(error, 'CANCELLED')) return failed ? 1 : 0; // Ctrl-C: a clean end
    throw error;
  }
  return failed ? 1 : 0;
}

function detachText(reason: Extract<LogsEvent, { event: 'detached' }>['reason']): string {
  switch (reason) {
    case 'exited':
      return 'exited; waiting for it to start again';
    case 'restarting':
      return 'restarting; re-attaching';
    case 'removed':
      return 'was removed';
    case 'error':
      return 'stopped with an error';
    case 'ended':
      return 'ended';
  }
}
