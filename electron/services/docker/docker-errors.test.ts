import { describe, expect, it } from 'vitest';
import { fromDockerCliStderr, mapDockerError } from './docker-errors';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('Docker error mapping', () => {
  const where = { where: 'on this computer' };
  it('tells a missing daemon from a permission problem', () => {
    expect(mapDockerError(errno('ENOENT', 'connect ENOENT /var/run/docker.sock'), where).code).toBe('DOCKER_NOT_FOUND');
    expect(mapDockerError(errno('EACCES', 'connect EACCES /var/run/docker.sock'), where)).toMatchObject({
      code: 'DOCKER_PERMISSION_DENIED',
      message: expect.stringContaining('docker" group'),
    });
    expect(fromDockerCliStderr('bash: line 1: docker: command not found', where)?.code).toBe('DOCKER_NOT_FOUND');
    expect(
      fromDockerCliStderr('permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', where)
        ?.code,
    ).toBe('DOCKER_PERMISSION_DENIED');
    expect(
      fromDockerCliStderr('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', where)?.code,
    ).toBe('DOCKER_NOT_FOUND');
    expect(mapDockerError(Object.assign(new Error('server error'), { statusCode: 500, json: { message: 'boom' } }), where)).toMatchObject({
      code: 'DOCKER_ERROR',
      message: expect.stringContaining('boom'),
    });
  });
});
