import type { ContainerGroup, ContainerSummary } from '../../../../shared/schemas/container';

/**
 * "3d 4h", "2h 14m", "5m", "40s": two units at most, like `docker ps` but denser. Running
 * containers count from `startedAt` (exact, ticking); others have no uptime.
 */
export function formatUptime(container: ContainerSummary, now: number, fetchedAt: string | null): string | undefined {
  if (container.state !== 'running') return undefined;
  let ms: number | undefined;
  if (container.startedAt !== undefined && !Number.isNaN(Date.parse(container.startedAt))) ms = now - Date.parse(container.startedAt);
  else if (container.uptimeMs !== undefined) ms = container.uptimeMs + (fetchedAt === null ? 0 : Math.max(0, now - Date.parse(fetchedAt)));
  if (ms === undefined) return undefined;
  return `${container.uptimeApproximate ? '~' : ''}${formatDuration(ms)}`;
}

/** A duration in at most two units, largest first. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

/** Totals for the toolbar and each group's header. */
export function countStates(containers: ContainerSummary[]): { total: number; running: number; unhealthy: number; stopped: number } {
  let running = 0;
  let unhealthy = 0;
  for (const c of containers) {
    if (c.state === 'running') running++;
    if (c.health === 'unhealthy' || c.state === 'restarting' || c.state === 'dead') unhealthy++;
  }
  return { total: containers.length, running, unhealthy, stopped: containers.length - running };
}

/**
 * Compose projects first (by name), loose containers last; within a group by service then
 * name. The order is stable across refreshes, so rows never swap places while data updates.
 */
export function sortGroups(groups: ContainerGroup[]): ContainerGroup[] {
  const byName = (a: ContainerSummary, b: ContainerSummary) =>
    (a.service ?? a.name).localeCompare(b.service ?? b.name) || a.name.localeCompare(b.name);
  return [...groups]
    .sort((a, b) => (a.project === null ? 1 : b.project === null ? -1 : a.project.localeCompare(b.project)))
    .map((g) => ({ ...g, containers: [...g.containers].sort(byName) }));
}

/** Keeps the containers whose name, service, image or project contains the query (case-insensitive). */
export function filterGroups(groups: ContainerGroup[], query: string): ContainerGroup[] {
  const q = query.trim().toLowerCase();
  if (q === '') return groups;
  return groups
    .map((g) => ({
      ...g,
      containers: g.containers.filter((c) => [c.name, c.service ?? '', c.image, g.project ?? ''].some((v) => v.toLowerCase().includes(q))),
    }))
    .filter((g) => g.containers.length > 0);
}

/** The image without a registry host and digest noise: `makeplane/plane-backend:v1.0.0`. */
export function shortImage(image: string): string {
  const noDigest = image.replace(/@sha256:[a-f0-9]+$/, '');
  if (/^sha256:[a-f0-9]{12,}$/.test(noDigest)) return noDigest.slice(7, 19);
  return noDigest.replace(/^(docker\.io\/|registry-1\.docker\.io\/)(library\/)?/, '');
}

const units: Record<string, string> = { second: 's', minute: 'm', hour: 'h', day: 'd', week: 'w', month: 'mo', year: 'y' };

/** Docker's status text made to fit a narrow column: "Exited (0) 3 hours ago" → "Exited (0) 3h ago". */
export function shortStatus(status: string): string {
  return status
    .replace(/\bAbout an? (hour|minute)\b/g, '1 $1')
    .replace(/\bLess than a second\b/g, '1 second')
    .replace(/(\d+) (second|minute|hour|day|week|month|year)s?\b/g, (_m, n: string, unit: string) => `${n}${units[unit] ?? unit}`);
}
