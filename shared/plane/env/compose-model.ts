import { referencedVariables } from './interpolate';
import { parseYaml, type YamlMap, type YamlProblem, type YamlValue } from './mini-yaml';

/** What one compose service is given: its `environment:` templates and its `env_file:` paths. */
export interface ComposeService {
  readonly name: string;
  /** Key → template as written (anchors merged); null for a bare `KEY` taken from Compose's environment. */
  readonly environment: ReadonlyMap<string, string | null>;
  readonly envFiles: readonly string[];
  readonly image: string | undefined;
  readonly dependsOn: readonly string[];
}

/** The parts of a compose file that decide which variables reach which container. */
export interface ComposeModel {
  readonly services: ReadonlyMap<string, ComposeService>;
  /** Every variable the file's values can read through `${…}`/`$VAR`, defaults included. */
  readonly references: ReadonlySet<string>;
  readonly problems: readonly YamlProblem[];
}

/**
 * Reads a compose file (the subset Plane, Dokploy and hand-written files use) into the services'
 * environment. The basis for "what does each container really receive" and for invariant 23
 * (keys in plane.env that no `${…}` in the compose reads never reach a container).
 */
export function readComposeFile(text: string): ComposeModel {
  const { root, problems } = parseYaml(text);
  const services = new Map<string, ComposeService>();
  const servicesNode = root instanceof Map ? root.get('services') : undefined;
  if (servicesNode instanceof Map) {
    for (const [name, node] of servicesNode) {
      if (node instanceof Map) services.set(name, readService(name, node));
    }
  }
  const references = new Set<string>();
  collectReferences(root, references);
  return { services, references, problems };
}

function readService(name: string, node: YamlMap): ComposeService {
  const image = node.get('image');
  return {
    name,
    environment: readEnvironment(node.get('environment')),
    envFiles: readEnvFiles(node.get('env_file')),
    image: typeof image === 'string' ? image : undefined,
    dependsOn: readDependsOn(node.get('depends_on')),
  };
}

function readEnvironment(node: YamlValue | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (node instanceof Map) {
    for (const [key, value] of node) out.set(key, typeof value === 'string' || value === null ? value : null);
  } else if (Array.isArray(node)) {
    for (const item of node) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq === -1) out.set(item, null);
      else out.set(item.slice(0, eq), item.slice(eq + 1));
    }
  }
  return out;
}

function readEnvFiles(node: YamlValue | undefined): string[] {
  const list = Array.isArray(node) ? node : node === undefined || node === null ? [] : [node];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (item instanceof Map && typeof item.get('path') === 'string') out.push(item.get('path') as string);
  }
  return out;
}

function readDependsOn(node: YamlValue | undefined): string[] {
  if (Array.isArray(node)) return node.filter((v): v is string => typeof v === 'string');
  if (node instanceof Map) return [...node.keys()];
  return [];
}

function collectReferences(node: YamlValue | undefined, into: Set<string>): void {
  if (typeof node === 'string') {
    for (const name of referencedVariables(node)) into.add(name);
  } else if (Array.isArray(node)) {
    for (const item of node) collectReferences(item, into);
  } else if (node instanceof Map) {
    for (const value of node.values()) collectReferences(value, into);
  }
}
