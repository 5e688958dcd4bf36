import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/ipc/contract';
import { envContract } from '../../shared/ipc/contracts/env';
import { freeLoopbackPort } from '../../e2e/lab/process-wait';
import type { PromptEvent } from '../../shared/ipc/contracts/connections';
import type { AppErrorData } from '../../shared/ipc/errors';
import type { ConnectionState } from '../../shared/schemas/connection';
import type { ContainerGroup } from '../../shared/schemas/container';
import type { HostConfig } from '../../shared/schemas/host';
import type { LogsEvent } from '../../shared/schemas/logs';
import type { StatusEvent } from '../../shared/schemas/status';
import { docker } from '../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../e2e/lab/image-build';
import { startSshd, type LabSshd } from '../../e2e/lab/sshd';
import { createServices, type Services } from '../app/create-services';
import { createNodePlatform } from '../services/platform/node-platform';
import { createHandlers } from './handlers';
import { createRouter, type Router } from './router';

/**
 * Every contract method, called through `createRouter` with output validation on, against the
 * real services: a real sshd, the real Docker Engine, a temp data dir and an empty ~/.ssh.
 */
describe('contract through the router, on the lab', () => {
  const called = new Set<string>();
  const project = `hangar-contract-${process.pid}`;
  let sshd: LabSshd;
  let home: string;
  let services: Services;
  let router: Router;

  const call = async (method: MethodName, input: unknown) => {
    called.add(method);
    return router.call(method, input, { owner: 'test' });
  };
  const value = async <T>(method: MethodName, input: unknown): Promise<T> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const watch = <T>(method: MethodName, id: string, input: unknown = {}) => {
    called.add(method);
    const events: T[] = [];
    let ended: AppErrorData | null | undefined;
    const cancel = router.subscribe(method, input, { owner: 'test', id }, { events: (b) => events.push(...(b as T[])), end: (e) => (ended = e) });
    return { events, cancel, ended: () => ended };
  };
  const until = async (check: () => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    sshd = await startSshd();
    home = mkdtempSync(join(tmpdir(), 'hangar-contract-'));
    mkdirSync(join(home, '.ssh'));
    services = createServices({ platform: createNodePlatform({ dataDir: join(home, 'data'), homeDir: home, env: {} }), agentSocket: '' });
    router = createRouter({ contract, handlers: createHandlers(services), validateOutput: true });
    const image = await ensureImage(baseImageSpec());
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    await docker(['run', '-d', '--name', `${project}-web-1`, '--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=web', ...mounts, image.ref, '/usr/bin/python3', '-u', '-c', "import time; print('hangar contract line'); time.sleep(600)"]);
  });

  afterAll(async () => {
    services?.dispose();
    await docker(['rm', '-f', `${project}-web-1`], { allowFailure: true });
    await sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('adds a host, asks about its key, connects, lists containers, and cleans up', async () => {
    writeFileSync(join(home, '.ssh', 'config'), `Host lab-alias\n  HostName ${sshd.host}\n  Port ${sshd.port}\n  User ${sshd.user}\n  IdentityFile ${sshd.clientKeyPath}\nMatch host *.corp\n  User admin\n`);
    const imported = await value<{ drafts: { name: string; sshConfigAlias?: string; port?: number }[]; issues: { line: number; directive: string }[] }>('hosts.importSshConfig', {});
    expect(imported.drafts).toMatchObject([{ name: 'lab-alias', sshConfigAlias: 'lab-alias', port: sshd.port }]);
    expect(imported.issues).toMatchObject([{ line: 6, directive: 'Match' }]);

    const initial = await value<{ hosts: HostConfig[] }>('hosts.list', {});
    expect(initial.hosts.map((h) => h.name)).toEqual(['This computer']);

    const host = await value<HostConfig>('hosts.add', {
      kind: 'ssh',
      name: 'lab',
      address: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: { kind: 'key', keyPath: sshd.clientKeyPath },
    });
    const states = watch<ConnectionState>('connections.watch', 'states');
    const prompts = watch<PromptEvent>('prompts.watch', 'prompts');

    const connecting = call('connections.connect', { hostId: host.id });
    await until(() => prompts.events.some((e) => e.event === 'ask'), 'the host-key question');
    const ask = prompts.events.find((e) => e.event === 'ask');
    if (ask?.event !== 'ask' || ask.pending.type !== 'host-key') throw new Error('expected a host-key question');
    const expected = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(ask.pending.prompt.fingerprint).toBe(expected);
    expect(ask.pending.prompt.kind).toBe('unknown');
    expect(await value('prompts.answer', { type: 'host-key', promptId: ask.pending.promptId, answer: 'trust' })).toEqual({ accepted: true });
    const connected = await connecting;
    expect(connected.ok && (connected.value as ConnectionState).state).toBe('connected');
    await until(() => states.events.some((s) => s.hostId === host.id && s.state === 'connected'), 'the connected state');

    const listed = await value<{ groups: ContainerGroup[] }>('containers.list', { hostId: host.id });
    const group = listed.groups.find((g) => g.project === project);
    expect(group?.containers.map((c) => [c.service, c.state])).toEqual([['web', 'running']]);

    const logs = watch<LogsEvent>('logs.tail', 'logs', { hostId: host.id, containerIds: [`${project}-web-1`], follow: false });
    await until(() => logs.ended() !== undefined, 'the log stream to end');
    expect(logs.ended()).toBeNull();
    expect(logs.events.map((e) => (e.event === 'lines' ? e.lines.map((l) => l.text) : e.event))).toEqual(['attached', ['hangar contract line'], 'detached']);

    const status = watch<StatusEvent>('status.watch', 'status', { hostId: host.id });
    await until(() => status.events.some((e) => e.event === 'snapshot'), 'the first status snapshot');
    const snapshot = status.events.find((e) => e.event === 'snapshot');
    expect(snapshot?.event === 'snapshot' && snapshot.groups.find((g) => g.project === project)?.containers.map((c) => c.state)).toEqual(['running']);
    status.cancel();
    await until(() => status.ended() !== undefined, 'the status stream to end');

    // Our labelled project is not a Plane deployment (other lab projects may run on this host too).
    const draft = await value<{ project: string | null; projects: string[]; notes: string[] }>('probes.inputFor', { hostId: host.id, project });
    expect(draft.project).toBeNull();
    expect(draft.projects).not.toContain(project);
    expect(draft.notes).toEqual([`No Plane deployment named "${project}" runs on lab. Pick another one, or type the web URL.`]);

    const notRefused = await call('hostKeys.replace', { hostId: host.id, fingerprint: expected });
    expect(!notRefused.ok && notRefused.error.code).toBe('INVALID_INPUT');

    const renamed = await value<HostConfig>('hosts.update', { ...host, name: 'lab (renamed)' });
    expect(renamed.name).toBe('lab (renamed)');
    expect((await value<ConnectionState>('connections.disconnect', { hostId: host.id })).state).toBe('idle');
    expect(await value('hosts.remove', { hostId: host.id })).toEqual({ removed: true });
    states.cancel();
    prompts.cancel();
    await until(() => states.ended() !== undefined && prompts.ended() !== undefined, 'both streams to end');
  });

  it('refuses a changed host key with both fingerprints, and replaces it only on request', async () => {
    const host = await value<HostConfig>('hosts.add', { kind: 'ssh', name: 'lab2', address: sshd.host, port: sshd.port, user: sshd.user, auth: { kind: 'key', keyPath: sshd.clientKeyPath } });
    const prompts = watch<PromptEvent>('prompts.watch', 'prompts2');
    const trustedFingerprint = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';
    // The key was trusted in the previous test for this address: no second question.
    expect((await call('connections.connect', { hostId: host.id })).ok).toBe(true);
    expect(prompts.events.filter((e) => e.event === 'ask')).toHaveLength(0);
    await call('connections.disconnect', { hostId: host.id });

    const port = sshd.port;
    await sshd.stop();
    sshd = await startSshd({ port }); // same address, "reinstalled": new host key, new authorised client key
    await value('hosts.update', { ...host, auth: { kind: 'key', keyPath: sshd.clientKeyPath } });
    const refused = await call('connections.connect', { hostId: host.id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('SSH_HOST_KEY_MISMATCH');
    const newFingerprint = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(refused.error.details).toMatchObject({ fingerprint: newFingerprint, previousFingerprint: trustedFingerprint });
    expect(refused.error.details?.previousTrustedAt).toEqual(expect.any(String));

    const wrong = await call('hostKeys.replace', { hostId: host.id, fingerprint: trustedFingerprint });
    expect(!wrong.ok && wrong.error.code).toBe('INVALID_INPUT');
    expect(await value('hostKeys.replace', { hostId: host.id, fingerprint: newFingerprint })).toEqual({ replaced: true });
    const again = await call('connections.connect', { hostId: host.id });
    expect(again.ok && (again.value as ConnectionState).state).toBe('connected');
    prompts.cancel();
  });

  it('recovers a connection whose key changed while connected: refused on reconnect, then replaced and connected again', async () => {
    const host = await value<HostConfig>('hosts.add', { kind: 'ssh', name: 'lab3', address: sshd.host, port: sshd.port, user: sshd.user, auth: { kind: 'key', keyPath: sshd.clientKeyPath } });
    expect((await value<ConnectionState>('connections.connect', { hostId: host.id })).state).toBe('connected'); // key trusted earlier
    const states = watch<ConnectionState>('connections.watch', 'states3');

    // The server is reinstalled under the session: same address and client key, new host key.
    const { port, clientKeyPath } = sshd;
    execFileSync('pkill', ['-P', String(sshd.pid)]);
    await sshd.stop();
    sshd = await startSshd({ port });
    appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${clientKeyPath}.pub`, 'utf8'));
    await until(() => states.events.some((s) => s.hostId === host.id && s.state === 'failed' && s.error?.code === 'SSH_HOST_KEY_MISMATCH'), 'the refusal on reconnect');

    const newFingerprint = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyPath}.pub`], { encoding: 'utf8' }).split(' ')[1];
    expect(await value('hostKeys.replace', { hostId: host.id, fingerprint: newFingerprint })).toEqual({ replaced: true });
    expect((await value<ConnectionState>('connections.connect', { hostId: host.id })).state).toBe('connected');
    states.cancel();
  });

  it('runs the probes from this machine and reports an unreachable deployment as data', async () => {
    const closed = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const report = await value<{ ok: boolean; findings: { group: string; status: string }[] }>('probes.run', { webUrl: closed, layout: 'community', timeoutMs: 2000 });
    expect(report.ok).toBe(false);
    expect(report.findings.some((f) => f.group === 'reachability' && f.status === 'fail')).toBe(true);
  });

  /** env.* and deployments.* are called through the router by electron/services/env/env-service.lab.test.ts. */
  it('called every other method of the contract', () => {
    const expected = Object.keys(contract).filter((method) => !(method in envContract));
    expect([...called].sort()).toEqual(expected.sort());
  });
});
