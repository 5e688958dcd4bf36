import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/ipc/contract';
import { envContract } from '../../../shared/ipc/contracts/env';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { Deployment } from '../../../shared/schemas/deployment';
import type { EnvApplyEvent, EnvLoadResult, EnvPreviewResult, EnvSaveResult, BackupEntry } from '../../../shared/schemas/env-edit';
import type { HostConfig } from '../../../shared/schemas/host';
import { startLab, type Lab } from '../../../e2e/lab/lab';
import { createServices, type Services } from '../../app/create-services';
import { createHandlers } from '../../rpc/handlers';
import { createRouter, type Router } from '../../rpc/router';
import { createNodePlatform } from '../platform/node-platform';

/**
 * The env editor's service end to end on the lab, every call through the router with output
 * validation: a real sshd, Docker Engine and a Plane-shaped deployment started with the
 * cors-trailing-slash fault (its API refuses to start, like Django with corsheaders.E014).
 */
describe('env editing on the lab (community, cors-trailing-slash)', () => {
  const called = new Set<string>();
  let lab: Lab;
  let home: string;
  let services: Services;
  let router: Router;
  let hostId: string;
  let envPath: string;
  let origin: string;
  const project = 'plane-app';

  const call = async <T>(method: MethodName, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }> => {
    called.add(method);
    return (await router.call(method, input, { owner: 'test' })) as { ok: true; value: T } | { ok: false; error: AppErrorData };
  };
  const value = async <T>(method: MethodName, input: unknown): Promise<T> => {
    const result = await call<T>(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const collect = (method: MethodName, input: unknown): Promise<{ events: EnvApplyEvent[]; error: AppErrorData | null }> => {
    called.add(method);
    return new Promise((resolve) => {
      const events: EnvApplyEvent[] = [];
      router.subscribe(method, input, { owner: 'test', id: `s${called.size}-${Date.now()}` }, { events: (batch) => events.push(...(batch as EnvApplyEvent[])), end: (error) => resolve({ events, error }) });
    });
  };
  const backupsOnDisk = () => readdirSync(dirname(envPath)).filter((n) => n.startsWith('plane.env.hangar-backup-'));

  beforeAll(async () => {
    lab = await startLab({ layout: 'community', faults: ['cors-trailing-slash'] });
    const sshd = lab.sshd!;
    envPath = lab.envFiles['plane.env']!;
    origin = `http://127.0.0.1:${lab.httpPort}`;
    home = mkdtempSync(join(tmpdir(), 'hangar-env-lab-'));
    const knownHosts = join(home, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
    services = createServices({ platform: createNodePlatform({ dataDir: join(home, 'data'), homeDir: home, env: {} }), agentSocket: '', knownHostsFiles: [knownHosts] });
    router = createRouter({ contract, handlers: createHandlers(services), validateOutput: true });
    const host = (await router.call('hosts.add', { kind: 'ssh', name: 'lab', address: sshd.host, port: sshd.port, user: sshd.user, auth: { kind: 'key', keyPath: sshd.clientKeyPath } }, { owner: 'test' })) as { ok: true; value: HostConfig };
    hostId = host.value.id;
  });

  afterAll(async () => {
    services?.dispose();
    await lab?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('finds the deployment, shows the trailing slash, and fixes it: preview → save → apply → the API answers', async () => {
    const { deployments } = await value<{ deployments: Deployment[] }>('deployments.list', { hostId });
    const plane = deployments.find((d) => d.project === project);
    expect(plane).toMatchObject({ layout: 'community', dokployManaged: false, version: 'v1.3.1', workingDir: lab.composeDir, composeFiles: lab.composeFiles });
    expect(plane?.envFiles).toEqual([{ name: 'plane.env', path: envPath, role: 'env', interpolation: true, usedBy: [] }]);

    const loaded = await value<EnvLoadResult>('env.load', { hostId, project });
    const slash = loaded.findings.find((f) => f.keys.includes('CORS_ALLOWED_ORIGINS') && f.severity === 'error');
    expect(slash?.message).toMatch(/slash/i);
    expect(loaded.files[0]?.entries.find((e) => e.key === 'CORS_ALLOWED_ORIGINS')?.value).toBe(`${origin}/`);
    expect(JSON.stringify(loaded)).not.toContain('60gp0byfz2dvffa45cxl20p1scy9xbpf6d8c5y0geejgkyp1b5');
    const api = loaded.containerEnv.find((c) => c.service === 'api')?.variables;
    expect(api?.find((v) => v.key === 'DATABASE_URL')).toMatchObject({ secret: true, source: 'compose-default' });

    const revealed = await value<{ value: string }>('env.revealSecret', { hostId, project, file: 'plane.env', key: 'SECRET_KEY' });
    expect(readFileSync(envPath, 'utf8')).toContain(`SECRET_KEY=${revealed.value}\n`);

    const changes = [{ kind: 'set', file: 'plane.env', key: 'CORS_ALLOWED_ORIGINS', value: origin }];
    const preview = await value<EnvPreviewResult>('env.preview', { hostId, project, changes });
    expect(preview.files[0]?.hunks.flatMap((h) => h.lines).filter((l) => l.op !== 'same').map((l) => `${l.op} ${l.text}`)).toEqual([`remove CORS_ALLOWED_ORIGINS=${origin}/`, `add CORS_ALLOWED_ORIGINS=${origin}`]);
    expect(preview.recreate.services).toEqual(['api', 'worker', 'beat-worker', 'migrator']);
    expect(preview.fixed.map((f) => f.ruleId)).toContain(slash?.ruleId);

    const before = readFileSync(envPath, 'utf8');
    const mode = statSync(envPath).mode & 0o777;
    const saved = await value<EnvSaveResult>('env.save', { hostId, project, changes, expectedEtags: { 'plane.env': loaded.files[0]!.etag } });
    expect(readFileSync(envPath, 'utf8')).toBe(before.replace(`CORS_ALLOWED_ORIGINS=${origin}/\n`, `CORS_ALLOWED_ORIGINS=${origin}\n`));
    expect(statSync(envPath).mode & 0o777).toBe(mode);
    expect(readFileSync(saved.files[0]!.backupPath!, 'utf8')).toBe(before);
    expect(statSync(saved.files[0]!.backupPath!).mode & 0o777).toBe(mode);

    const applied = await collect('env.apply', { hostId, project, services: saved.recreate.services });
    expect(applied.error).toBeNull();
    const start = applied.events[0];
    expect(start).toMatchObject({ type: 'start', tool: 'docker-compose' });
    expect(start?.type === 'start' && start.argv).toEqual(expect.arrayContaining(['up', '-d', '--no-deps', 'api', 'worker', 'beat-worker', 'migrator', '--env-file', envPath]));
    expect(applied.events.some((e) => e.type === 'line' && /api/.test(e.line))).toBe(true);
    const done = applied.events.at(-1);
    expect(done).toMatchObject({ type: 'done', ok: true, exitCode: 0 });
    expect(done?.type === 'done' && done.services.find((s) => s.service === 'api')?.containers[0]?.state).toBe('running');
    // Running containers are not yet a serving API: gunicorn starts once the migrator is done.
    expect(await eventually(() => httpStatus(lab.httpPort, '/api/instances/'), 200, 60_000)).toBe(200);
  }, 180_000);

  it('detects a concurrent edit on the server and hands back base, mine and theirs', async () => {
    const loaded = await value<EnvLoadResult>('env.load', { hostId, project });
    const backups = backupsOnDisk().length;
    const sshd = lab.sshd!;
    execFileSync('ssh', ['-i', sshd.clientKeyPath, '-p', String(sshd.port), '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', `${sshd.user}@127.0.0.1`, `sed -i 's/^DEBUG=0$/DEBUG=1 # set by ops on the server/' ${envPath}`], { stdio: 'pipe' });
    const theirs = readFileSync(envPath, 'utf8');
    const result = await call('env.save', { hostId, project, changes: [{ kind: 'set', file: 'plane.env', key: 'API_KEY_RATE_LIMIT', value: '120/minute' }], expectedEtags: { 'plane.env': loaded.files[0]!.etag } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ENV_CONFLICT');
    const details = result.error.details as { base: string; mine: string; theirs: string; changedOnServer: string[] };
    expect(details.base).toMatch(/^DEBUG=0$/m);
    expect(details.theirs).toMatch(/^DEBUG=1 # set by ops on the server$/m);
    expect(details.mine).toMatch(/^API_KEY_RATE_LIMIT=120\/minute$/m);
    expect(details.mine).toMatch(/^DEBUG=0$/m);
    expect(details.changedOnServer).toEqual(['DEBUG']);
    const realSecret = /^SECRET_KEY=(.+)$/m.exec(theirs)?.[1] ?? 'missing';
    expect(JSON.stringify(details)).not.toContain(realSecret);
    expect(readFileSync(envPath, 'utf8')).toBe(theirs);
    expect(backupsOnDisk().length).toBe(backups);
  });

  it('keeps the last 20 backups, diffs any two, and restores one through a safe save', async () => {
    for (let i = 0; i < 21; i += 1) {
      const loaded = await value<EnvLoadResult>('env.load', { hostId, project });
      await value('env.save', { hostId, project, changes: [{ kind: 'set', file: 'plane.env', key: 'FILE_SIZE_LIMIT', value: String(5242880 + i) }], expectedEtags: { 'plane.env': loaded.files[0]!.etag } });
    }
    expect(backupsOnDisk()).toHaveLength(20);
    const history = await value<{ files: { name: string; backups: BackupEntry[] }[] }>('env.history', { hostId, project });
    const backups = history.files[0]!.backups;
    expect(backups.map((b) => b.name)).toEqual(backupsOnDisk().sort().reverse());

    const diff = await value<{ changedKeys: { key: string; before?: string; after?: string }[] }>('env.diffBackups', { hostId, project, file: 'plane.env', a: backups[5]!.name, b: 'current' });
    expect(diff.changedKeys).toEqual([{ key: 'FILE_SIZE_LIMIT', file: 'plane.env', secret: false, before: String(5242880 + 14), after: String(5242880 + 20) }]);

    const current = await value<EnvLoadResult>('env.load', { hostId, project });
    const restored = await value<EnvSaveResult>('env.restore', { hostId, project, file: 'plane.env', backup: backups[5]!.name, expectedEtag: current.files[0]!.etag });
    expect(readFileSync(envPath, 'utf8')).toBe(readFileSync(backups[5]!.path, 'utf8'));
    expect(restored.changedKeys.map((k) => k.key)).toEqual(['FILE_SIZE_LIMIT']);
    expect(restored.recreate.services).toContain('proxy');
    expect(backupsOnDisk()).toHaveLength(20);
    const traversal = await call('env.restore', { hostId, project, file: 'plane.env', backup: '../../etc/passwd', expectedEtag: current.files[0]!.etag });
    expect(!traversal.ok && traversal.error.code).toBe('INVALID_INPUT');
  });

  it('a save cut off by killing the SSH connection leaves the old or the new file and a complete backup', async () => {
    const padding = `# ${'x'.repeat(4 * 1024 * 1024)}\n`;
    writeFileSync(envPath, readFileSync(envPath, 'utf8') + padding);
    const loaded = await value<EnvLoadResult>('env.load', { hostId, project });
    const oldText = readFileSync(envPath, 'utf8');
    const newText = oldText.replace(/^API_KEY_RATE_LIMIT=.*$/m, 'API_KEY_RATE_LIMIT=90/minute');
    const backupsBefore = new Set(backupsOnDisk());
    const killed = killWhenTempAppears(dirname(envPath), lab.sshd!.pid);
    const result = await call('env.save', { hostId, project, changes: [{ kind: 'set', file: 'plane.env', key: 'API_KEY_RATE_LIMIT', value: '90/minute' }], expectedEtags: { 'plane.env': loaded.files[0]!.etag } });
    expect(await killed).toBeGreaterThan(0);
    expect(!result.ok && result.error.code).toBe('SSH_DISCONNECTED');
    const after = readFileSync(envPath, 'utf8');
    expect([oldText, newText]).toContain(after);
    const fresh = backupsOnDisk().filter((n) => !backupsBefore.has(n));
    expect(fresh).toHaveLength(1);
    expect(readFileSync(join(dirname(envPath), fresh[0]!), 'utf8')).toBe(oldText);

    // The session reconnects and the next save goes through.
    const reloaded = await value<EnvLoadResult>('env.load', { hostId, project });
    await value('env.save', { hostId, project, changes: [{ kind: 'text', file: 'plane.env', text: reloaded.files[0]!.text.replace(padding, '') }], expectedEtags: { 'plane.env': reloaded.files[0]!.etag } });
    expect(readFileSync(envPath, 'utf8')).not.toContain('xxxx');
  });

  it('called every env and deployments method', () => {
    expect([...called].filter((m) => m in envContract).sort()).toEqual(Object.keys(envContract).sort());
  });
});

async function eventually<T>(probe: () => Promise<T>, want: T, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined);
    if (last === want) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/**
 * Watches for remote-files' temp file (`.plane.env.hangar-<hex>.tmp`, the new content being
 * written) and SIGKILLs the sshd processes serving connections (children of the lab's sshd)
 * the moment it appears: the SSH connection dies mid-write. Resolves with how many it killed.
 */
function killWhenTempAppears(dir: string, sshdPid: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error('the save never created its temp file'));
    }, 20_000);
    const watcher = watch(dir, (_event, name) => {
      if (typeof name !== 'string' || !/^\.plane\.env\.hangar-[0-9a-f]{8}\.tmp$/.test(name)) return;
      watcher.close();
      clearTimeout(timer);
      let count = 0;
      for (const pid of childrenOf(sshdPid)) {
        try {
          process.kill(pid, 'SIGKILL');
          count += 1;
        } catch {
          // already gone
        }
      }
      resolve(count);
    });
  });
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return readFileSync(`/proc/${n}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}
