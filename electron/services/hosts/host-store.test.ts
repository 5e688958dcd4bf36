import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/ipc/errors';
import { createNodePlatform } from '../platform/node-platform';
import { createHostStore, LOCAL_HOST_ID } from './host-store';

const draft = {
  kind: 'ssh' as const,
  name: 'Plane prod',
  address: 'plane.example.org',
  port: 22,
  user: 'deploy',
  auth: { kind: 'agent' as const },
};

function freshStore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hangar-hosts-'));
  return { dataDir, store: createHostStore(createNodePlatform({ dataDir })) };
}

describe('host store', () => {
  it('always lists "This computer" first and persists added hosts across instances', async () => {
    const { dataDir, store } = freshStore();
    const added = await store.add(draft);
    expect(added.id).toMatch(/[0-9a-f-]{36}/);
    const reopened = createHostStore(createNodePlatform({ dataDir }));
    expect((await reopened.list()).map((h) => h.name)).toEqual(['This computer', 'Plane prod']);
    expect(await reopened.find('plane PROD')).toEqual(added);
  });

  it('updates and removes hosts, forgetting lastUsedHostId of a removed host', async () => {
    const { store } = freshStore();
    const host = await store.add(draft);
    if (host.kind !== 'ssh') throw new Error('expected an ssh host');
    await store.setLastUsedHostId(host.id);
    expect(await store.lastUsedHostId()).toBe(host.id);
    await store.update({ ...host, port: 2222 });
    expect(await store.get(host.id)).toMatchObject({ port: 2222 });
    await store.remove(host.id);
    expect(await store.lastUsedHostId()).toBeUndefined();
    await expect(store.get(host.id)).rejects.toSatisfy((e) => isAppError(e, 'HOST_NOT_FOUND'));
    await expect(store.remove(LOCAL_HOST_ID)).rejects.toSatisfy((e) => isAppError(e, 'INVALID_INPUT'));
  });

  it('rejects duplicate names and invalid fields with a message naming the field', async () => {
    const { store } = freshStore();
    await store.add(draft);
    await expect(store.add({ ...draft, name: 'plane PROD' })).rejects.toSatisfy((e) => isAppError(e, 'HOST_EXISTS'));
    await expect(store.add({ ...draft, name: 'x', address: 'root@evil -oProxyCommand=sh' })).rejects.toThrow(/^address: /);
    await expect(store.add({ ...draft, name: 'y', port: 70000 })).rejects.toSatisfy((e) => isAppError(e, 'INVALID_INPUT'));
  });

  it('writes atomically (no temp files left) and keeps concurrent adds', async () => {
    const { dataDir, store } = freshStore();
    await Promise.all([1, 2, 3, 4].map((n) => store.add({ ...draft, name: `host ${n}` })));
    expect((await store.list()).length).toBe(5);
    expect(readdirSync(dataDir)).toEqual(['hosts.json']);
  });

  it('sets a corrupt file aside as .corrupt-<ts> with a clear error, then starts empty', async () => {
    const { dataDir, store } = freshStore();
    writeFileSync(join(dataDir, 'hosts.json'), '{"version":1,"hosts":[{"kind":"ssh","id":"1"}]}');
    await expect(store.list()).rejects.toThrow(/hosts.json was damaged .* set it aside as hosts.json.corrupt-/);
    const kept = readdirSync(dataDir).find((f) => f.startsWith('hosts.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(dataDir, kept!), 'utf8')).toContain('"id":"1"');
    expect((await store.list()).map((h) => h.id)).toEqual([LOCAL_HOST_ID]);
  });
});
