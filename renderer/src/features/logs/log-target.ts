import type { ContainerGroup, ContainerSummary } from '../../../../shared/schemas/container';
import { selectLogTargets } from '../../../../shared/logs/log-targets';

/**
 * The containers a "show logs of …" jump means. `target` is a Plane role (`proxy`, `api`: what
 * the Checks screen and the Overview speak in), a compose service or a container name, resolved
 * exactly as `hangar logs` resolves it (shared/logs/log-targets), so a role works on every
 * layout. With `project`, that deployment is searched first (a host may run a staging copy next
 * to production); when it has no match, every project is, rather than showing nothing.
 */
export function containersForTarget(groups: readonly ContainerGroup[], target: string, project?: string): ContainerSummary[] {
  if (project !== undefined) {
    const inProject = selectLogTargets(groups, [target], project).containers;
    if (inProject.length > 0) return inProject;
  }
  return selectLogTargets(groups, [target]).containers;
}

/** `plane-app-api-1` → `api-1`: the compose project prefix says nothing inside one project's view. */
export function shortContainerName(container: Pick<ContainerSummary, 'name' | 'project'>): string {
  const { name, project } = container;
  if (project === undefined) return name;
  for (const sep of ['-', '_'])
    if (name.startsWith(`${project}${sep}`) && name.length > project.length + 1) return name.slice(project.length + 1);
  return name;
}
