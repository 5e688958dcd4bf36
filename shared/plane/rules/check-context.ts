import type { EnvFileInput, Layout } from '../../schemas/env';
import { readComposeFile, type ComposeModel } from '../env/compose-model';
import { resolveContainerEnvironment, type ContainerVariable } from '../env/container-env';
import type { EnvDocument } from '../env/env-document';
import { parseEnvFile } from '../env/parse-env-file';
import { resolveEnvFile, type ResolvedEnvFile } from '../env/resolve-env-file';
import { getEnvSchema, type EnvSchema } from '../schema/env-schema';
import { parsePlaneVersion, type PlaneVersion } from '../schema/plane-version';

/** What a file is in its layout: the single env file of stock layouts, or one of the split three. */
export type FileRole = 'env' | 'api' | 'frontend' | 'live';

export interface LoadedFile {
  readonly path: string;
  readonly role: FileRole;
  readonly doc: EnvDocument;
  readonly resolved: ResolvedEnvFile;
}

/** Everything a rule may look at, already parsed and resolved once. */
export interface CheckContext {
  readonly layout: Layout;
  readonly version: PlaneVersion | undefined;
  readonly schema: EnvSchema;
  readonly files: readonly LoadedFile[];
  readonly compose: ComposeModel | undefined;
  readonly containers: ReadonlyMap<string, ReadonlyMap<string, ContainerVariable>> | undefined;
  /**
   * The value the consuming containers see: the container's value when the compose file is
   * known, else the file's value with the stock compose `:-` default for an empty one. In the
   * split layout, the value in the file of `role` (env_file: no defaults).
   */
  value(key: string, role?: FileRole): string | undefined;
  /** The value computed from the env file alone; undefined when the key is not in it. */
  fileValue(key: string, role?: FileRole): string | undefined;
  /** Values of `key` in every container that receives it under that name, by service. */
  containerValues(key: string): ReadonlyMap<string, string>;
  /** Whether the compose file (or, without one, the stock compose) passes `key` anywhere. */
  referenced(key: string): boolean;
  /** Values of the baseline files (last deployed), when given. */
  readonly baseline: ReadonlyMap<string, string> | undefined;
}

const splitRoles: Readonly<Record<string, FileRole>> = { '.env.api': 'api', '.env.frontend': 'frontend', '.env.live': 'live' };

/** The split layout's role of a file from its name (`.env.api` …); `env` for anything else. */
export function fileRole(layout: Layout, path: string): FileRole {
  if (layout !== 'split') return 'env';
  const name = path.split(/[\\/]/).pop() ?? path;
  return splitRoles[name] ?? 'env';
}

/** Parses and resolves the inputs once; rules only read from the result. */
export function buildCheckContext(input: {
  layout: Layout;
  files: readonly EnvFileInput[];
  composeText?: string | undefined;
  version?: string | undefined;
  baseline?: readonly EnvFileInput[] | undefined;
}): CheckContext {
  const files: LoadedFile[] = input.files.map((f) => {
    const doc = parseEnvFile(f.text);
    return { path: f.path, role: fileRole(input.layout, f.path), doc, resolved: resolveEnvFile(doc) };
  });
  const merged = new Map<string, string>();
  for (const f of files) for (const [k, v] of f.resolved.values) merged.set(k, v);
  const compose = input.composeText === undefined ? undefined : readComposeFile(input.composeText);
  const version =
    parsePlaneVersion(input.version) ??
    parsePlaneVersion(merged.get('APP_RELEASE')) ??
    (compose ? versionFromCompose(compose.references) : versionFromCompose(new Set(merged.keys())));
  const schema = getEnvSchema(input.layout, version);
  const byPath = new Map(files.map((f) => [f.path, f.resolved.values]));
  const containers =
    compose === undefined
      ? undefined
      : resolveContainerEnvironment(compose, merged, {
          serviceEnvFile: (path) => byPath.get(path) ?? [...byPath].find(([p]) => p.endsWith(path.replace(/^\.\//, '')))?.[1],
        });

  const fileValue = (key: string, role?: FileRole): string | undefined => {
    for (const f of files) if ((role === undefined || f.role === role) && f.resolved.values.has(key)) return f.resolved.values.get(key);
    return undefined;
  };
  const containerValues = (key: string): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [service, vars] of containers ?? []) {
      const v = vars.get(key);
      if (v !== undefined) out.set(service, v.value);
    }
    return out;
  };
  const value = (key: string, role?: FileRole): string | undefined => {
    if (input.layout === 'split') return fileValue(key, role ?? 'api');
    if (containers !== undefined) {
      const seen = containerValues(key);
      const consumers = schema.spec(key)?.consumers ?? [];
      const preferred = consumers.find((c) => seen.has(c));
      if (preferred !== undefined) return seen.get(preferred);
      const first = seen.values().next();
      if (first.done !== true) return first.value;
      return fileValue(key);
    }
    const own = fileValue(key);
    return own === undefined || own === '' ? (schema.spec(key)?.default ?? own) : own;
  };
  const referenced = (key: string): boolean => {
    if (compose !== undefined)
      return (
        compose.references.has(key) || [...compose.services.values()].some((s) => s.environment.has(key) && s.environment.get(key) === null)
      );
    const consumers = schema.spec(key)?.consumers;
    return consumers !== undefined && consumers.length > 0;
  };
  const baseline = input.baseline === undefined ? undefined : mergeBaseline(input.baseline);
  return { layout: input.layout, version, schema, files, compose, containers, value, fileValue, containerValues, referenced, baseline };
}

function mergeBaseline(files: readonly EnvFileInput[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of files) for (const [k, v] of resolveEnvFile(parseEnvFile(f.text)).values) out.set(k, v);
  return out;
}

/**
 * When APP_RELEASE is a floating tag: the oldest release that has the variables the compose
 * passes (or, without a compose, the ones the shipped variables.env of that release contains).
 */
function versionFromCompose(names: ReadonlySet<string>): PlaneVersion | undefined {
  if (names.has('NGINX_PORT')) return [0, 27, 0];
  if (names.has('WEBHOOK_ALLOWED_IPS')) return [1, 3, 0];
  if (names.has('LIVE_SERVER_SECRET_KEY')) return [1, 1, 0];
  if (names.has('SITE_ADDRESS') || names.has('LISTEN_HTTP_PORT')) return [0, 28, 0];
  return undefined;
}
