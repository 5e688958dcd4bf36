import type { CliCommand } from '../command';
import { containersCommand } from './containers';
import { envCheckCommand } from './env-check';
import { hostsCommand } from './hosts';
import { probeCommand } from './probe';

/** Every `hangar` command, in the order `hangar --help` lists them. */
export const cliCommands: readonly CliCommand[] = [hostsCommand, containersCommand, envCheckCommand, probeCommand];
