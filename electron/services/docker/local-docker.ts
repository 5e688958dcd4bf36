import Docker from 'dockerode';

/** Overrides for the local socket (tests, rootless Docker). */
export interface LocalDockerOptions {
  /** Explicit socket; otherwise a unix:// $DOCKER_HOST, then the platform default. */
  socketPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * "This computer": dockerode on the local socket, so the same container services serve a local
 * Docker and a remote one. Errors (no socket, EACCES) are mapped by the callers through
 * `mapDockerError` with `where: 'on this computer'`.
 */
export function localDocker(options: LocalDockerOptions = {}): Docker {
  return new Docker({ socketPath: localDockerSocket(options) });
}

/** The socket path Docker's own CLI would use, minus contexts (Hangar does not read ~/.docker). */
export function localDockerSocket(options: LocalDockerOptions = {}): string {
  if (options.socketPath) return options.socketPath;
  const dockerHost = (options.env ?? process.env).DOCKER_HOST;
  if (dockerHost?.startsWith('unix://')) return dockerHost.slice('unix://'.length);
  if (dockerHost?.startsWith('npipe://')) return dockerHost.slice('npipe:'.length);
  return process.platform === 'win32' ? '//./pipe/docker_engine' : '/var/run/docker.sock';
}
