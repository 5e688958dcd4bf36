import { readComposeFile } from '../../../shared/plane/env/compose-model';
import { referencedVariables } from '../../../shared/plane/env/interpolate';
import { parseYaml, type YamlValue } from '../../../shared/plane/env/mini-yaml';
import type { EnvSchema } from '../../../shared/plane/schema/env-schema';
import type { RecreatePlan } from '../../../shared/schemas/env-edit';

/** What compose knows about the services: which variables each definition reads, env_files, dependencies, file order. */
export interface ComposeServices {
  readonly order: readonly string[];
  readonly references: ReadonlyMap<string, ReadonlySet<string>>;
  readonly envFiles: ReadonlyMap<string, readonly string[]>;
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
}

/** Reads every compose file of the project (`-f` order; later files add to earlier ones, as compose merges them). */
export function composeServices(texts: readonly string[]): ComposeServices {
  const order: string[] = [];
  const references = new Map<string, Set<string>>();
  const envFiles = new Map<string, string[]>();
  const dependsOn = new Map<string, string[]>();
  for (const text of texts) {
    const root = parseYaml(text).root;
    const services = root instanceof Map ? root.get('services') : undefined;
    if (services instanceof Map) {
      for (const [name, node] of services) {
        if (!order.includes(name)) order.push(name);
        const refs = references.get(name) ?? new Set<string>();
        collect(node, refs);
        references.set(name, refs);
      }
    }
    for (const service of readComposeFile(text).services.values()) {
      envFiles.set(service.name, [...(envFiles.get(service.name) ?? []), ...service.envFiles]);
      dependsOn.set(service.name, [...new Set([...(dependsOn.get(service.name) ?? []), ...service.dependsOn])]);
    }
  }
  return { order, references, envFiles, dependsOn };
}

/** What changed, and how to map compose's `env_file:` entries to the files that changed. */
export interface RecreateInput {
  readonly compose: ComposeServices | undefined;
  /** Interpolation keys whose value changed (after `${…}` resolution inside the env file). */
  readonly changedInterpolationKeys: readonly string[];
  /** Per changed `env_file:` path as compose writes it (relative or absolute), the keys that changed. */
  readonly changedEnvFiles: ReadonlyMap<string, readonly string[]>;
  /** Resolves a compose `env_file:` entry to the absolute path discovery uses. */
  readonly resolvePath: (path: string) => string;
  readonly schema: EnvSchema;
  /** Services the deployment has containers for (fallback target when the compose file is unreadable). */
  readonly knownServices: readonly string[];
}

/**
 * Services whose container configuration a change alters, dependencies first: exactly those
 * whose compose definition reads a changed variable (this is what changes compose's config
 * hash, so `up -d` would recreate them), plus those whose `env_file:` changed. Without a
 * readable compose file the schema's consumers stand in.
 */
export function planRecreate(input: RecreateInput): RecreatePlan {
  const reasons = new Map<string, Set<string>>();
  const add = (service: string, key: string) => reasons.set(service, (reasons.get(service) ?? new Set<string>()).add(key));
  if (input.compose !== undefined) {
    for (const [service, refs] of input.compose.references) {
      for (const key of input.changedInterpolationKeys) if (refs.has(key)) add(service, key);
    }
    for (const [service, files] of input.compose.envFiles) {
      for (const file of files) for (const key of input.changedEnvFiles.get(input.resolvePath(file)) ?? []) add(service, key);
    }
  } else {
    const keys = [...input.changedInterpolationKeys, ...[...input.changedEnvFiles.values()].flat()];
    for (const key of keys) for (const consumer of input.schema.spec(key)?.consumers ?? []) if (input.knownServices.includes(consumer)) add(consumer, key);
  }
  const services = dependencyOrder([...reasons.keys()], input.compose);
  return { services, reasons: services.map((service) => ({ service, keys: [...(reasons.get(service) ?? [])].sort() })) };
}

/** Topological order over depends_on (dependencies first), ties in compose-file order. */
export function dependencyOrder(selected: readonly string[], compose: ComposeServices | undefined): string[] {
  const order = compose?.order ?? [];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length + selected.indexOf(s));
  const wanted = new Set(selected);
  const out: string[] = [];
  const visiting = new Set<string>();
  const visit = (service: string) => {
    if (out.includes(service) || visiting.has(service)) return;
    visiting.add(service);
    for (const dep of [...(compose?.dependsOn.get(service) ?? [])].sort((a, b) => rank(a) - rank(b))) visit(dep);
    visiting.delete(service);
    if (wanted.has(service)) out.push(service);
  };
  for (const service of [...selected].sort((a, b) => rank(a) - rank(b))) visit(service);
  return out;
}

function collect(node: YamlValue | undefined, into: Set<string>): void {
  if (typeof node === 'string') for (const name of referencedVariables(node)) into.add(name);
  else if (Array.isArray(node)) for (const item of node) collect(item, into);
  else if (node instanceof Map) {
    for (const [key, value] of node) {
      for (const name of referencedVariables(key)) into.add(name);
      collect(value, into);
    }
  }
}
