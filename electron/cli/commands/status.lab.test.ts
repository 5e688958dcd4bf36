import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../../e2e/lab/image-build';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { runCli } from '../index';

/** `hangar status` over the lab's sshd against a small Plane-shaped project of real containers. */
describe('hangar status on the lab', () => {
  const project = `hangar-cli-status-${process.pid}`;
  /** service → command; the worker crashes (exit 3), the migrator completes (exit 0). */
  const shape: Record<string, string[]> = {
    proxy: ['sleep', '600'],
    web: ['sleep', '600'],
    api: ['sleep', '600'],
    worker: ['sh', '-c', 'exit 3'],
    migrator: ['true'],
    'plane-db': ['sleep', '600'],
  };
  let sshd: LabSshd;
  let home: string;
  let knownHosts: string;

  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { HOME: home, HANGAR_DATA_DIR: join(home, 'data') },
      cwd: home,
      signal: new AbortController().signal,
    });
    return { code, stdout, stderr };
  };
  const hostArgs = () => ['--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.clientKeyPath, '--known-hosts', knownHosts];

  beforeAll(async () => {
    sshd = await startSshd();
    home = mkdtempSync(join(tmpdir(), 'hangar-cli-status-'));
    knownHosts = join(home, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
    const image = await ensureImage(baseImageSpec());
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    for (const [service, command] of Object.entries(shape)) {
      const labels = [
        `com.docker.compose.project=${project}`,
        `com.docker.compose.service=${service}`,
        `com.docker.compose.project.working_dir=/opt/${project}`,
      ];
      await docker(['rm', '-f', `${project}-${service}-1`], { allowFailure: true });
      await docker([
        'run',
        '-d',
        '--name',
        `${project}-${service}-1`,
        ...labels.flatMap((l) => ['--label', l]),
        ...mounts,
        image.ref,
        ...command,
      ]);
    }
    await docker(['wait', `${project}-worker-1`, `${project}-migrator-1`]);
  });

  afterAll(async () => {
    for (const service of Object.keys(shape)) await docker(['rm', '-f', `${project}-${service}-1`], { allowFailure: true });
    await sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('reports each part as JSON and exits 1 because the worker crashed', async () => {
    const result = await run('status', ...hostArgs(), '--project', project, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as {
      deployments: Array<{
        project: string;
        ok: boolean;
        nodes: Array<{ id: string; status: string; detail: string; containers: Array<{ name: string }> }>;
      }>;
    };
    expect(parsed.deployments.map((d) => d.project)).toEqual([project]);
    const node = (id: string) => parsed.deployments[0]?.nodes.find((n) => n.id === id);
    expect(node('api')).toMatchObject({ status: 'ok', detail: 'running', containers: [{ name: `${project}-api-1` }] });
    expect(node('worker')).toMatchObject({ status: 'fail', detail: 'exited (3)' });
    expect(node('migrator')).toMatchObject({ status: 'ok', detail: 'completed' });
    expect(node('space')).toMatchObject({ status: 'missing', containers: [] });
  });

  it('prints a table a person can read, with the failing parts named last', async () => {
    const result = await run('status', ...hostArgs(), '--project', project);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`Worker\\s+FAIL\\s+exited \\(3\\)\\s+worker\\s+${project}-worker-1\\s+exited`));
    expect(result.stdout).toContain('Worker (exited (3))');
  });

  it('names the deployments that exist when --project matches none', async () => {
    const result = await run('status', ...hostArgs(), '--project', 'no-such-plane');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No Plane deployment "no-such-plane"');
    expect(result.stderr).toContain(project);
  });
});
