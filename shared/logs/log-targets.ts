import type { ContainerGroup, ContainerSummary } from '../schemas/container';
import { planeRoles, servicesForRole, type PlaneRole } from '../plane/topology/service-roles';

/** The containers a user's word selects, or the words that selected nothing. */
export interface LogTargetSelection {
  containers: ContainerSummary[];
  unmatched: string[];
}

/**
 * Resolves what a user types after `hangar logs` (or picks in the viewer) to containers, in this
 * order per word: a container id (or its 12+-character prefix), a container name, a compose service
 * (`api`, `plane-api`), then a Plane role (`api`, `db`, `proxy`…) through `servicesForRole`, so
 * "api" works on every layout. `project` narrows services and roles to one deployment; ids and
 * names are exact and need no project. Each container appears once, in first-selected order.
 */
export function selectLogTargets(groups: readonly ContainerGroup[], words: readonly string[], project?: string): LogTargetSelection {
  const all = groups.flatMap((g) => g.containers.map((c) => ({ c, project: g.project })));
  const scoped = project === undefined ? all : all.filter((x) => x.project === project);
  const chosen = new Map<string, ContainerSummary>();
  const unmatched: string[] = [];
  for (const word of words) {
    const found = byIdOrName(all, word) ?? byService(scoped, word) ?? byRole(scoped, word);
    if (found === undefined || found.length === 0) unmatched.push(word);
    else for (const c of found) if (!chosen.has(c.id)) chosen.set(c.id, c);
  }
  return { containers: [...chosen.values()], unmatched };
}

type Row = { c: ContainerSummary; project: string | null };

function byIdOrName(rows: Row[], word: string): ContainerSummary[] | undefined {
  const name = word.replace(/^\//, '');
  const exact = rows.filter((r) => r.c.id === word || r.c.name === name);
  if (exact.length > 0) return exact.map((r) => r.c);
  if (/^[0-9a-f]{12,64}$/.test(word)) {
    const prefixed = rows.filter((r) => r.c.id.startsWith(word));
    if (prefixed.length === 1) return prefixed.map((r) => r.c);
  }
  return undefined;
}

function byService(rows: Row[], word: string): ContainerSummary[] | undefined {
  const matches = rows.filter((r) => r.c.service === word);
  return matches.length > 0 ? matches.map((r) => r.c) : undefined;
}

function byRole(rows: Row[], word: string): ContainerSummary[] | undefined {
  const role = planeRoles.find((r) => r === word.toLowerCase()) as PlaneRole | undefined;
  if (role === undefined) return undefined;
  const services = [...new Set(rows.map((r) => r.c.service).filter((s): s is string => s !== undefined))];
  const wanted = new Set(servicesForRole(role, services));
  const matches = rows.filter((r) => r.c.service !== undefined && wanted.has(r.c.service));
  return matches.length > 0 ? matches.map((r) => r.c) : undefined;
}
