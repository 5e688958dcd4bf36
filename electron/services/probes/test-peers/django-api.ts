import { fileURLToPath } from 'node:url';
import { freePort, startProcess, waitForExit, waitForPort, type PeerProcess } from './child-process';

const appDir = fileURLToPath(new URL('./django-api/', import.meta.url));

/** Plane-like Django API on 127.0.0.1 (Debian's Django and django-cors-headers). */
export interface DjangoApi {
  port: number;
  process: PeerProcess;
  /** False when Django refused to start (corsheaders E013/E014), as Plane's API does. */
  running: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the API with CORS_ALLOWED_ORIGINS as given (raw, like the env file) and WEB_URL, the
 * base of its sign-in redirect. With a value
 * Django rejects, the process exits during its system checks and `running` is false.
 */
export async function startDjangoApi(corsAllowedOrigins: string, webUrl: string): Promise<DjangoApi> {
  const port = await freePort();
  const process_ = startProcess('/usr/bin/python3', ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload'], {
    cwd: appDir,
    env: { PATH: '/usr/bin:/bin', CORS_ALLOWED_ORIGINS: corsAllowedOrigins, WEB_URL: webUrl, PYTHONDONTWRITEBYTECODE: '1' },
  });
  let running = true;
  try {
    await waitForPort(port, process_);
  } catch (error) {
    if (process_.child.exitCode === null) throw error;
    await waitForExit(process_);
    running = false;
  }
  return { port, process: process_, running, stop: () => process_.stop() };
}
