import { AppError } from '../../../shared/ipc/errors';
import { compileLogFilter, type CompiledLogFilter } from '../../../shared/logs/log-filter';
import { parseTimeSpec } from '../../../shared/logs/log-timestamp';
import { logLevelSchema, type LogLevel } from '../../../shared/schemas/logs';
import { parseArgs } from '../args';

/** Most lines `--tail` (and a `--since` window without `--tail`) asks Docker for, per container (the contract's maximum). */
export const MAX_TAIL = 100_000;

/** `hangar logs` options after validation: what the command needs, nothing raw. */
export interface LogsCommandOptions {
  host: string;
  identity?: string;
  knownHosts?: string;
  /** Container ids/names, compose services or Plane roles, as typed. */
  targets: string[];
  project?: string;
  since?: string;
  until?: string;
  tail: number;
  follow: boolean;
  json: boolean;
  utc: boolean;
  filter: Extract<CompiledLogFilter, { ok: true }>;
}

/**
 * Parses and checks `hangar logs` argv. Every problem is a usage error (exit 2) with the sentence
 * to fix it, before any connection is made. `--since 10m` is relative to `now`; with `--since`
 * and no `--tail`, the whole window is wanted, so the tail is the maximum instead of 500.
 */
export function parseLogsArgs(argv: readonly string[], now: Date): LogsCommandOptions {
  const args = parseArgs(argv, {
    booleans: ['json', 'follow', 'utc'],
    values: ['host', 'identity', 'known-hosts', 'since', 'until', 'tail', 'grep', 'level', 'project'],
  });
  const host = args.get('host');
  if (host === undefined) throw usage('--host is required.');
  if (args.positionals.length === 0) throw usage('Name at least one container, compose service (e.g. api) or Plane role (e.g. db).');
  const since = time(args.get('since'), '--since', now);
  const until = time(args.get('until'), '--until', now);
  const tail = tailOf(args.get('tail'), since !== undefined);
  const filter = compileLogFilter({ text: args.get('grep') ?? '', levels: levelsOf(args.get('level')), ...(since ? { since } : {}), ...(until ? { until } : {}) });
  if (!filter.ok) throw usage(filter.error);
  const optional = (name: string): string | undefined => args.get(name);
  return {
    host,
    ...(optional('identity') !== undefined ? { identity: optional('identity') } : {}),
    ...(optional('known-hosts') !== undefined ? { knownHosts: optional('known-hosts') } : {}),
    targets: args.positionals,
    ...(optional('project') !== undefined ? { project: optional('project') } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    tail,
    follow: args.has('follow'),
    json: args.has('json'),
    utc: args.has('utc'),
    filter,
  };
}

function time(value: string | undefined, flag: string, now: Date): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseTimeSpec(value, now);
  if (parsed === undefined) throw usage(`${flag} takes a duration back from now (90s, 10m, 2h, 1d) or a date and time with a zone (2024-05-01T12:00:00Z); got '${value}'.`);
  return parsed;
}

function tailOf(value: string | undefined, hasSince: boolean): number {
  if (value === undefined) return hasSince ? MAX_TAIL : 500;
  if (value === 'all') return MAX_TAIL;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_TAIL) throw usage(`--tail takes a whole number from 0 to ${MAX_TAIL} (or "all"); got '${value}'.`);
  return n;
}

function levelsOf(value: string | undefined): LogLevel[] | undefined {
  if (value === undefined) return undefined;
  const words = value.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  return words.map((word) => {
    const parsed = logLevelSchema.safeParse(word === 'warning' ? 'warn' : word);
    if (!parsed.success) throw usage(`--level takes a comma-separated list of error, warn, info, debug, unknown; got '${word}'.`);
    return parsed.data;
  });
}

function usage(message: string): AppError {
  return new AppError('INVALID_INPUT', message, { usage: true });
}
