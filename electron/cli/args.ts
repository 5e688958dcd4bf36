import { AppError } from '../../shared/ipc/errors';

/** Parsed argv: `--flag value`, `--flag=value`, boolean `--flag`, repeatable flags, positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
  has(name: string): boolean;
  get(name: string): string | undefined;
  all(name: string): string[];
}

/**
 * A small strict parser: unknown flags are usage errors (exit 2), so a typo never runs a
 * command with a default the user did not mean.
 */
export function parseArgs(argv: readonly string[], spec: { booleans?: readonly string[]; values?: readonly string[] }): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const values = new Set(spec.values ?? []);
  const flags = new Map<string, string[]>();
  const positionals: string[] = [];
  const push = (name: string, value: string): void => {
    flags.set(name, [...(flags.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleans.has(name)) {
      if (eq !== -1) throw usage(`--${name} takes no value.`);
      push(name, 'true');
    } else if (values.has(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq === -1 && value.startsWith('--'))) throw usage(`--${name} needs a value.`);
      push(name, value);
    } else {
      throw usage(`Unknown option --${name}.`);
    }
  }
  return {
    positionals,
    flags,
    has: (name) => flags.has(name),
    get: (name) => flags.get(name)?.at(-1),
    all: (name) => flags.get(name) ?? [],
  };
}

/** A usage error: the CLI prints the command's usage with it and exits 2. */
export function usageError(message: string): AppError {
  return usage(message);
}

function usage(message: string): AppError {
  return new AppError('INVALID_INPUT', message, { usage: true });
}
