import type { ComposeModel } from './compose-model';
import { interpolate, type InterpolationError } from './interpolate';

/** Where a container's value comes from, so the UI can say "default from docker-compose.yml". */
export type ValueSource =
  /** Read from the env file (or the process environment) through `${…}`. */
  | 'env'
  /** The compose file's own `${VAR:-default}` because the env left VAR unset or empty. */
  | 'compose-default'
  /** Written literally in the compose file (`GUNICORN_WORKERS: 1`). */
  | 'literal'
  /** From the service's `env_file:`. */
  | 'service-env-file';

export interface ContainerVariable {
  readonly key: string;
  readonly value: string;
  readonly source: ValueSource;
  /** The compose template (`${DATABASE_URL:-postgresql://…}`), absent for env_file values. */
  readonly template: string | undefined;
  /** Env keys the value was computed from. */
  readonly used: readonly string[];
  readonly missing: readonly string[];
  readonly errors: readonly InterpolationError[];
}

export interface ContainerEnvOptions {
  /** Values of a service's `env_file:` entry, by the path written in the compose file. */
  readonly serviceEnvFile?: (path: string) => ReadonlyMap<string, string> | undefined;
}

/**
 * What each service's container really receives: the compose file's `environment:` interpolated
 * with the env-file values (`--env-file`/`.env`), over the service's own `env_file:` values.
 * An empty `DATABASE_URL=` therefore shows the `plane:plane` URL from the compose default, which
 * is what the API container gets.
 */
export function resolveContainerEnvironment(
  compose: ComposeModel,
  env: ReadonlyMap<string, string>,
  options: ContainerEnvOptions = {},
): Map<string, Map<string, ContainerVariable>> {
  const lookup = (name: string): string | undefined => env.get(name);
  const out = new Map<string, Map<string, ContainerVariable>>();
  for (const service of compose.services.values()) {
    const vars = new Map<string, ContainerVariable>();
    for (const path of service.envFiles) {
      for (const [key, value] of options.serviceEnvFile?.(path) ?? []) {
        vars.set(key, { key, value, source: 'service-env-file', template: undefined, used: [], missing: [], errors: [] });
      }
    }
    for (const [key, template] of service.environment) {
      if (template === null) {
        const passed = env.get(key);
        if (passed !== undefined)
          vars.set(key, { key, value: passed, source: 'env', template: undefined, used: [key], missing: [], errors: [] });
        continue;
      }
      const result = interpolate(template, lookup);
      vars.set(key, {
        key,
        value: result.value,
        source: sourceOf(result.used, result.value, env),
        template,
        used: result.used,
        missing: result.missing,
        errors: result.errors,
      });
    }
    out.set(service.name, vars);
  }
  return out;
}

function sourceOf(used: readonly string[], value: string, env: ReadonlyMap<string, string>): ValueSource {
  if (used.length === 0) return 'literal';
  const fromEnv = used.some((name) => (env.get(name) ?? '') !== '');
  return fromEnv || value === '' ? 'env' : 'compose-default';
}
