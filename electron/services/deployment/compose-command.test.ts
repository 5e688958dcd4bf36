import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import type { CommandRunner } from './command-runner';
import { detectComposeTool, upCommand } from './compose-command';

/** A server that has exactly the given programs (argv[0] + argv[1] for the docker plugin). */
function server(has: { v2: boolean; v1: boolean }): CommandRunner & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async run(argv) {
      asked.push(argv.join(' '));
      const works = (argv[0] === 'docker' && argv[1] === 'compose' && has.v2) || (argv[0] === 'docker-compose' && has.v1);
      return works ? { code: 0, stdout: 'version', stderr: '' } : { code: 1, stdout: '', stderr: 'unknown command' };
    },
    stream: () => Promise.reject(new Error('not used')),
  };
}

const deployment = {
  project: 'plane-app',
  composeFiles: ['/srv/plane-app/docker-compose.yaml', '/srv/plane-app/docker-compose.override.yaml'],
  envFiles: [{ name: 'plane.env', path: '/srv/plane-app/plane.env', role: 'env' as const, interpolation: true, usedBy: [] }],
};

describe('compose on the server', () => {
  it('prefers the v2 plugin, falls back to v1, and says what to install when neither exists', async () => {
    expect(await detectComposeTool(server({ v2: true, v1: true }))).toBe('docker compose');
    const v1Only = server({ v2: false, v1: true });
    expect(await detectComposeTool(v1Only)).toBe('docker-compose');
    expect(v1Only.asked).toEqual(['docker compose version', 'docker-compose version']);
    const error = await detectComposeTool(server({ v2: false, v1: false })).catch((e: unknown) => e);
    expect(isAppError(error, 'COMPOSE_NOT_FOUND')).toBe(true);
  });

  it('recreates only the named services, with the project, files and env file the deployment uses', () => {
    expect(upCommand({ tool: 'docker compose', deployment, services: ['api', 'worker'], compatibility: true })).toEqual([
      'docker', 'compose', '--ansi', 'never', '-p', 'plane-app',
      '-f', '/srv/plane-app/docker-compose.yaml', '-f', '/srv/plane-app/docker-compose.override.yaml',
      '--env-file', '/srv/plane-app/plane.env', 'up', '-d', '--no-deps', 'api', 'worker',
    ]);
    const v1 = upCommand({ tool: 'docker-compose', deployment: { ...deployment, envFiles: [] }, services: ['api'], compatibility: true });
    expect(v1.slice(0, 4)).toEqual(['docker-compose', '--ansi', 'never', '--compatibility']);
    expect(v1).not.toContain('--env-file');
    expect(v1.slice(-4)).toEqual(['up', '-d', '--no-deps', 'api']);
  });
});
