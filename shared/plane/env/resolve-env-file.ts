import type { EnvDocument } from './env-document';
import { interpolate, type InterpolationError } from './interpolate';

/** One key's value as Docker Compose computes it from the file. */
export interface ResolvedEntry {
  readonly key: string;
  /** Line of the effective (last) statement. */
  readonly line: number;
  readonly value: string;
  /** Variables the value read (e.g. APP_DOMAIN for `WEB_URL=http://${APP_DOMAIN}`). */
  readonly used: readonly string[];
  /** Variables it read that were not set at that point of the file: they became ''. */
  readonly missing: readonly string[];
  readonly errors: readonly InterpolationError[];
}

export interface ResolvedEnvFile {
  /** Key → value, in file order; what `--env-file` gives the compose file's `${…}`. */
  readonly values: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, ResolvedEntry>;
}

export interface ResolveOptions {
  /**
   * The environment of the process that runs `docker compose`. It wins over the file for `${…}`
   * lookups and provides `KEY` lines without '='. Unknown to Hangar for a remote host, so
   * empty by default: what the file alone yields.
   */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * Resolves an env file top to bottom exactly as compose-go does: each value may reference keys
 * defined *earlier* in the same file (Plane's `WEB_URL=http://${APP_DOMAIN}`), a later key is not
 * yet set and becomes '', single-quoted values stay literal, and the last duplicate wins.
 */
export function resolveEnvFile(doc: EnvDocument, options: ResolveOptions = {}): ResolvedEnvFile {
  const processEnv = options.processEnv ?? {};
  const values = new Map<string, string>();
  const entries = new Map<string, ResolvedEntry>();
  const lookup = (name: string): string | undefined => processEnv[name] ?? values.get(name);
  for (const line of doc.lines) {
    if (line.kind === 'inherit') {
      const inherited = processEnv[line.key];
      if (inherited === undefined) continue;
      values.set(line.key, inherited);
      entries.set(line.key, { key: line.key, line: line.line, value: inherited, used: [], missing: [], errors: [] });
      continue;
    }
    if (line.kind !== 'entry') continue;
    const result = line.expands ? interpolate(line.template, lookup) : { value: line.template, used: [], missing: [], errors: [] };
    values.delete(line.key);
    values.set(line.key, result.value);
    entries.set(line.key, {
      key: line.key,
      line: line.line,
      value: result.value,
      used: result.used,
      missing: result.missing,
      errors: result.errors,
    });
  }
  return { values, entries };
}
