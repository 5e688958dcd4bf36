import { isAppError, toAppError } from '../../shared/ipc/errors';
import type { CliCommand, CliIo } from './command';
import { cliCommands } from './commands';

/**
 * `hangar <command> [options]`: the same services as the app, without a window, for scripts,
 * cron and CI. Exit codes: 0 ok, 1 what was checked failed (or an operation failed), 2 usage.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = cliCommands): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText(commands));
    return argv.length === 0 ? 2 : 0;
  }
  const command = [...commands].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((word, i) => argv[i] === word));
  if (command === undefined) {
    io.stderr(`Unknown command: hangar ${argv.join(' ')}\n\n${helpText(commands)}`);
    return 2;
  }
  const rest = argv.slice(command.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const appError = toAppError(error);
    const isUsage = isAppError(error, 'INVALID_INPUT') && appError.details?.usage === true;
    if (rest.includes('--json') && !isUsage) io.stdout(`${JSON.stringify({ error: appError.toData() })}\n`);
    else io.stderr(`hangar: ${appError.message}\n${detailLines(appError.details)}${isUsage ? `\n${command.usage}\n` : ''}`);
    return isUsage ? 2 : 1;
  }
}

/** A changed host key is only actionable with both fingerprints in front of the user. */
function detailLines(details: Record<string, unknown> | undefined): string {
  if (details === undefined || typeof details.fingerprint !== 'string' || typeof details.previousFingerprint !== 'string') return '';
  const trusted = typeof details.previousTrustedAt === 'string' ? ` (trusted ${details.previousTrustedAt})` : '';
  return `  trusted key:   ${details.previousFingerprint}${trusted}\n  presented key: ${details.fingerprint}\n`;
}

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.path.join(' ').length));
  const lines = commands.map((c) => `  hangar ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return `Hangar — manage a self-hosted Plane deployment over SSH.\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --json. Run "hangar <command> --help" for its options.\n`;
}
