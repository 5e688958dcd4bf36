import type { CliCommand } from '../command';
import { containersCommand } from './containers';
import { envCheckCommand } from './env-check';
import { hostsCommand } from './hosts';
import { logsCommand } from './logs';
import { probeCommand } from './probe';
import { statusCommand } from './status';

/** Every `hangar` command, in the order `hangar --help` lists them. */
export const cliCommands: readonly CliCommand[] = [hostsCommand, containersCommand, logsCommand, envCheckCommand, probeCommand, statusCommand];
