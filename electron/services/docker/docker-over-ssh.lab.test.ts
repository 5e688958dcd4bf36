import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/errors';
import { docker as dockerCli } from '../../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../../e2e/lab/image-build';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { createLabPool, labHost } from '../ssh/testing/lab-session';
import { listContainerGroups } from './containers';
import { dockerForSession } from './docker-over-ssh';
import { localDocker } from './local-docker';

const project = `hangar-svc-${randomBytes(3).toString('hex')}`;
const containerIds: string[] = [];
let withForwarding: LabSshd;
let withoutForwarding: LabSshd;

beforeAll(async () => {
  const image = await ensureImage(baseImageSpec());
  for (const service of ['web', 'worker']) {
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    const health = service === 'web' ? ['--health-cmd', 'true', '--health-interval', '1s'] : [];
    const { stdout } = await dockerCli(
      [
        'run',
        '-d',
        '--name',
        `${project}-${service}-1`,
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        `com.docker.compose.service=${service}`,
        '--label',
        `com.docker.compose.project.working_dir=/opt/${project}`,
        '--label',
        `com.docker.compose.project.config_files=/opt/${project}/docker-compose.yml`,
        ...health,
        ...mounts,
        image.ref,
        'sleep',
        '600',
      ],
      { timeoutMs: 30_000 },
    );
    containerIds.push(stdout.trim());
  }
  [withForwarding, withoutForwarding] = await Promise.all([startSshd(), startSshd({ allowStreamLocalForwarding: false })]);
});

afterAll(async () => {
  await Promise.all([withForwarding?.stop(), withoutForwarding?.stop()]);
  if (containerIds.length > 0) await dockerCli(['rm', '-f', ...containerIds], { allowFailure: true, timeoutMs: 30_000 });
});

async function labGroup(sshd: LabSshd) {
  const lab = createLabPool();
  const lease = await lab.pool.acquire(labHost(sshd));
  const remote = dockerForSession(lease.session);
  try {
    const groups = await listContainerGroups(remote.docker, { where: `on ${lease.session.label}`, exactUptime: true });
    return { group: groups.find((g) => g.project === project), transport: remote.transport() };
  } finally {
    remote.destroy();
    lease.release();
    lab.pool.closeAll();
  }
}

describe('Docker over the SSH session', () => {
  it('lists the compose project through a stream-local forward to /var/run/docker.sock', async () => {
    const { group, transport } = await labGroup(withForwarding);
    expect(transport).toBe('stream-local');
    expect(group).toMatchObject({ project, workingDir: `/opt/${project}`, configFiles: [`/opt/${project}/docker-compose.yml`] });
    expect(group?.containers.map((c) => [c.service, c.state])).toEqual([
      ['web', 'running'],
      ['worker', 'running'],
    ]);
    const worker = group?.containers.find((c) => c.service === 'worker');
    expect(worker).toMatchObject({ image: 'hangar-lab/base:latest', health: 'none' });
    expect(worker?.uptimeMs).toBeGreaterThanOrEqual(0);
    expect(worker?.startedAt).toMatch(/^\d{4}-/);
  });

  it('falls back to docker system dial-stdio when sshd forbids stream-local forwarding', async () => {
    const { group, transport } = await labGroup(withoutForwarding);
    expect(transport).toBe('dial-stdio');
    expect(group?.containers.map((c) => c.service)).toEqual(['web', 'worker']);
  });

  it('keeps listing while ten streams stay open on the streaming client', async () => {
    const lab = createLabPool();
    const lease = await lab.pool.acquire(labHost(withForwarding));
    const remote = dockerForSession(lease.session);
    const controller = new AbortController();
    try {
      // Ten follows: more than the pooled client's six channels would ever allow at once.
      const streams = await Promise.all(
        Array.from({ length: 10 }, () => remote.streaming.getEvents({ filters: { type: ['container'] }, abortSignal: controller.signal })),
      );
      expect(streams).toHaveLength(10);
      const groups = await listContainerGroups(remote.docker, { where: 'on the lab', timeoutMs: 5000 });
      expect(groups.find((g) => g.project === project)?.containers).toHaveLength(2);
    } finally {
      controller.abort();
      remote.destroy();
      lease.release();
      lab.pool.closeAll();
    }
  });

  it('says Docker is not found when dial-stdio cannot run docker on the server', async () => {
    const noDocker = await startSshd({ allowStreamLocalForwarding: false, extraConfig: 'SetEnv PATH=/nonexistent' });
    try {
      const error = await labGroup(noDocker).then(
        () => undefined,
        (e: AppError) => e,
      );
      expect(error?.code).toBe('DOCKER_NOT_FOUND');
      expect(error?.message).toMatch(/Docker is not installed or not running on .*127\.0\.0\.1/);
    } finally {
      await noDocker.stop();
    }
  });
});

describe('Docker on this computer', () => {
  it('lists the same project through the local socket', async () => {
    const groups = await listContainerGroups(localDocker(), { where: 'on this computer' });
    expect(groups.find((g) => g.project === project)?.containers.map((c) => c.name)).toEqual([`${project}-web-1`, `${project}-worker-1`]);
  });

  it('maps a missing socket to DOCKER_NOT_FOUND', async () => {
    const error = await listContainerGroups(localDocker({ socketPath: '/tmp/hangar-no-such-docker.sock' }), {
      where: 'on this computer',
    }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(error?.code).toBe('DOCKER_NOT_FOUND');
  });
});
