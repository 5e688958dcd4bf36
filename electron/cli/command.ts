/**
 * One `hangar` sub-command. Commands are plain async functions over the same services the app
 * uses, so the CLI stays thin: parse argv (validated), call a service, print, return an exit code.
 * With `--json`, stdout carries exactly one JSON document and nothing else (scripts parse it).
 */
export interface CliCommand {
  /** Words after `hangar`, e.g. `['env', 'check']`. */
  readonly path: readonly string[];
  /** One line for `hangar --help`. */
  readonly summary: string;
  /** Usage text printed on `--help` or a usage error. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code (0 ok, 1 what was checked failed, 2 usage error). */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Where a command writes and what it may read of the process; injected so tests capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Cancels long work on Ctrl-C. */
  readonly signal: AbortSignal;
}
