import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../../e2e/lab/image-build';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { runCli } from '../index';

/** `hangar containers` as a script runs it: one-off `user@host:port`, a known_hosts file, --json. */
describe('hangar containers on the lab', () => {
  const project = `hangar-cli-${process.pid}`;
  let sshd: LabSshd;
  let home: string;

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

  beforeAll(async () => {
    sshd = await startSshd();
    home = mkdtempSync(join(tmpdir(), 'hangar-cli-'));
    const image = await ensureImage(baseImageSpec());
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    await docker(['run', '-d', '--name', `${project}-api-1`, '--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=api', ...mounts, image.ref, 'sleep', '600']);
  });

  afterAll(async () => {
    await docker(['rm', '-f', `${project}-api-1`], { allowFailure: true });
    await sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses an unknown host key with its fingerprint instead of trusting it', async () => {
    const result = await run('containers', '--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.clientKeyPath);
    const fingerprint = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(fingerprint);
    expect(result.stdout).toBe('');
  });

  it('lists the containers by project as JSON with a known_hosts file', async () => {
    const knownHosts = join(home, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
    const result = await run('containers', '--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.clientKeyPath, '--known-hosts', knownHosts, '--json');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { groups: { project: string | null; containers: { service?: string; state: string }[] }[] };
    expect(parsed.groups.find((g) => g.project === project)?.containers).toMatchObject([{ service: 'api', state: 'running' }]);
  });

  it('says which saved hosts exist when --host names none', async () => {
    const result = await run('containers', '--host', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No saved host is called "nope"');
  });

  it('exits 2 with the usage when --host is missing', async () => {
    const result = await run('containers');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: hangar containers');
  });
});
