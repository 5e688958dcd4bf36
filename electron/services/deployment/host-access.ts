import type { ConnectionManager, DockerHandle } from '../connections/connection-manager';
import { createLocalFileAccess } from '../files/local-file-access';
import type { FileAccess } from '../files/file-access';
import { createSftpFileAccess } from '../files/sftp-file-access';
import type { HostStore } from '../hosts/host-store';
import type { SessionPool } from '../ssh/session-pool';
import { createLocalRunner, createRemoteRunner, type CommandRunner } from './command-runner';

/** Everything a deployment operation needs on one host, held until `release()`. */
export interface HostAccess {
  readonly hostId: string;
  readonly files: FileAccess;
  readonly commands: CommandRunner;
  readonly docker: DockerHandle;
  /** Gives the pooled SSH session back (no-op for "This computer"). */
  release(): void;
}

/** Opens a host for one operation; the caller must `release()` (use {@link withHost}). */
export type HostAccessProvider = (hostId: string, signal?: AbortSignal) => Promise<HostAccess>;

/** The composition root's pieces a host is opened with. */
export interface HostAccessDeps {
  readonly hosts: HostStore;
  readonly pool: SessionPool;
  readonly connections: ConnectionManager;
}

/**
 * Files, commands and Docker of a host through one lease on its pooled SSH session, so an env
 * save and the apply after it never cost a second handshake; a local host gets node:fs and
 * child processes with the same interfaces.
 */
export function createHostAccessProvider(deps: HostAccessDeps): HostAccessProvider {
  return async (hostId, signal) => {
    const host = await deps.hosts.get(hostId);
    if (host.kind === 'local') {
      const docker = await deps.connections.docker(hostId, signal);
      return { hostId, files: createLocalFileAccess(), commands: createLocalRunner(), docker, release: () => undefined };
    }
    const lease = await deps.pool.acquire(host, signal);
    try {
      const docker = await deps.connections.docker(hostId, signal);
      return { hostId, files: createSftpFileAccess(lease.session), commands: createRemoteRunner(lease.session), docker, release: () => lease.release() };
    } catch (error) {
      lease.release();
      throw error;
    }
  };
}

/** Runs `work` with the host open and always releases it. */
export async function withHost<T>(provider: HostAccessProvider, hostId: string, signal: AbortSignal | undefined, work: (host: HostAccess) => Promise<T>): Promise<T> {
  const host = await provider(hostId, signal);
  try {
    return await work(host);
  } finally {
    host.release();
  }
}
