import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/ipc/contract';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { StatusEvent } from '../../../shared/schemas/status';
import { docker } from '../../../e2e/lab/docker-cli';
import { baseImageSpec, ensureImage, HOST_RUNTIME_MOUNTS } from '../../../e2e/lab/image-build';
import { startSshd, type LabSshd } from '../../../e2e/lab/sshd';
import { createServices, type Services } from '../../app/create-services';
import { createHandlers } from '../../rpc/handlers';
import { createRouter, type Router } from '../../rpc/router';
import { createNodePlatform } from '../platform/node-platform';

/**
 * `status.watch` through the router against the real sshd and Docker Engine: Docker's event
 * stream over the SSH session drives the snapshots. Other projects may run on this engine too,
 * so every assertion looks at this test's own compose project only.
 */
describe('status.watch on the lab', () => {
  const project = `hangar-status-${process.pid}`;
  const worker = `${project}-worker-1`;
  let sshd: LabSshd;
  let home: string;
  let services: Services;
  let router: Router;
  let hostId: string;

  beforeAll(async () => {
    sshd = await startSshd();
    home = mkdtempSync(join(tmpdir(), 'hangar-status-'));
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
    services = createServices({
      platform: createNodePlatform({ dataDir: join(home, 'data'), homeDir: home, env: {} }),
      knownHostsFiles: [join(home, '.ssh', 'known_hosts')],
      agentSocket: '',
    });
    router = createRouter({ contract, handlers: createHandlers(services), validateOutput: true });
    const image = await ensureImage(baseImageSpec());
    const mounts = HOST_RUNTIME_MOUNTS.flatMap((m) => ['-v', m]);
    for (const service of ['api', 'worker']) {
      await docker(['rm', '-f', `${project}-${service}-1`], { allowFailure: true });
      // The api's healthcheck runs every 250 ms: Docker emits exec events for each run.
      const health = service === 'api' ? ['--health-cmd', 'true', '--health-interval', '250ms', '--health-start-period', '0s'] : [];
      await docker([
        'run',
        '-d',
        '--name',
        `${project}-${service}-1`,
        '--label',
        `com.docker.compose.project=${project}`,
        '--label',
        `com.docker.compose.service=${service}`,
        ...health,
        ...mounts,
        image.ref,
        'sleep',
        '600',
      ]);
    }
    const host = await services.hosts.add({
      kind: 'ssh',
      name: 'lab',
      address: sshd.host,
      port: sshd.port,
      user: sshd.user,
      auth: { kind: 'key', keyPath: sshd.clientKeyPath },
    });
    hostId = host.id;
    await services.connections.connect(hostId);
  });

  afterAll(async () => {
    services?.dispose();
    for (const service of ['api', 'worker']) await docker(['rm', '-f', `${project}-${service}-1`], { allowFailure: true });
    await sshd?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  /** Subscribes like a window does; `stateOf` reads our worker's state in the latest snapshot. */
  const subscribe = (id: string) => {
    const events: Array<{ event: StatusEvent; at: number }> = [];
    let ended: AppErrorData | null | undefined;
    const cancel = router.subscribe(
      'status.watch',
      { hostId },
      { owner: 'test', id },
      {
        events: (batch) => events.push(...(batch as StatusEvent[]).map((event) => ({ event, at: Date.now() }))),
        end: (error) => (ended = error),
      },
    );
    const snapshots = () => events.flatMap((e) => (e.event.event === 'snapshot' ? [{ groups: e.event.groups, at: e.at }] : []));
    const stateOf = (name: string): string | undefined =>
      snapshots()
        .at(-1)
        ?.groups.find((g) => g.project === project)
        ?.containers.find((c) => c.name === name)?.state;
    return { events, snapshots, stateOf, cancel, ended: () => ended };
  };

  const until = async (check: () => boolean, what: string, timeoutMs = 5000): Promise<number> => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return Date.now() - started;
  };

  it('sends a snapshot first, then follows a stop and a start within seconds', async () => {
    const watch = subscribe('w1');
    await until(() => watch.snapshots().length > 0, 'the first snapshot', 15_000);
    expect(watch.events[0]?.event.event).toBe('snapshot');
    expect(watch.stateOf(worker)).toBe('running');
    expect(
      watch
        .snapshots()[0]
        ?.groups.find((g) => g.project === project)
        ?.containers.map((c) => c.service),
    ).toEqual(['api', 'worker']);

    await docker(['stop', '-t', '1', worker]);
    const stoppedAfter = await until(() => watch.stateOf(worker) === 'exited', 'the worker to show as exited');
    expect(stoppedAfter).toBeLessThan(5000);
    const exited = watch
      .snapshots()
      .at(-1)
      ?.groups.find((g) => g.project === project)
      ?.containers.find((c) => c.name === worker);
    expect(exited?.status).toMatch(/^Exited \(\d+\)/);

    await docker(['start', worker]);
    await until(() => watch.stateOf(worker) === 'running', 'the worker to run again');
    expect(watch.ended()).toBeUndefined();

    watch.cancel();
    await until(() => watch.ended() !== undefined, 'the stream to end', 2000);
    expect(watch.ended()).toMatchObject({ code: 'CANCELLED' });
    expect(router.activeSubscriptions('test')).toBe(0);
  });

  it('does not re-list on healthcheck chatter (no polling in disguise)', async () => {
    const watch = subscribe('w2');
    await until(() => watch.snapshots().length > 0, 'the first snapshot', 15_000);
    const api = () =>
      watch
        .snapshots()
        .at(-1)
        ?.groups.find((g) => g.project === project)
        ?.containers.find((c) => c.service === 'api');
    await until(() => api()?.health === 'healthy', 'the api to report healthy');
    const before = watch.snapshots().length;
    await new Promise((r) => setTimeout(r, 2500));
    // Ten healthcheck runs happened meanwhile; re-listing on them would give several snapshots.
    // One is tolerated for a change made by another project on this shared engine.
    expect(watch.snapshots().length - before).toBeLessThanOrEqual(1);
    watch.cancel();
    await until(() => watch.ended() !== undefined, 'the stream to end', 2000);
  });

  it('says the status is stale when the SSH session drops, then snapshots again once reconnected', async () => {
    const watch = subscribe('w4');
    await until(() => watch.snapshots().length > 0, 'the first snapshot', 15_000);
    execFileSync('pkill', ['-P', String(sshd.pid)]); // ends the session's sshd process: the host "drops"
    await until(() => watch.events.some((e) => e.event.event === 'stale'), 'the stale event', 15_000);
    const staleIndex = watch.events.findIndex((e) => e.event.event === 'stale');
    const stale = watch.events[staleIndex]?.event;
    expect(stale?.event === 'stale' && stale.message).toMatch(/^Live status paused: .+ Hangar tries again in \d+ s\.$/);
    await until(() => watch.events.slice(staleIndex).some((e) => e.event.event === 'snapshot'), 'a snapshot after the reconnect', 30_000);
    expect(watch.stateOf(worker)).toBe('running');
    expect(watch.ended()).toBeUndefined();
    watch.cancel();
    await until(() => watch.ended() !== undefined, 'the stream to end', 2000);
  });

  it('ends with the connection’s error when the host cannot be reached at all', async () => {
    const gone = await services.hosts.add({
      kind: 'ssh',
      name: 'nowhere',
      address: '127.0.0.1',
      port: 1,
      user: sshd.user,
      auth: { kind: 'key', keyPath: sshd.clientKeyPath },
    });
    let ended: AppErrorData | null | undefined;
    router.subscribe(
      'status.watch',
      { hostId: gone.id },
      { owner: 'test', id: 'w3' },
      { events: () => undefined, end: (error) => (ended = error) },
    );
    await until(() => ended !== undefined, 'the refusal', 15_000);
    expect(ended).toMatchObject({ code: 'SSH_CONNECTION_REFUSED' });
  });
});
