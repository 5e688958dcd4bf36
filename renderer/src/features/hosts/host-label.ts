import type { HostConfig } from '../../../../shared/schemas/host';

/** `user@address` plus `:port` when not 22: how ssh users write a destination. */
export function hostDestination(host: HostConfig): string {
  if (host.kind === 'local') return host.socketPath ?? 'Local Docker socket';
  return `${host.user}@${host.address}${host.port !== 22 ? `:${host.port}` : ''}`;
}

/** The context error texts need to name the port, the user or the key. */
export function errorContextOf(host: HostConfig | undefined): { address?: string; port?: number; user?: string; keyPath?: string } {
  if (host === undefined || host.kind === 'local') return {};
  return { address: host.address, port: host.port, user: host.user, keyPath: host.auth.kind === 'key' ? host.auth.keyPath : undefined };
}
