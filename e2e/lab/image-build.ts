import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { docker } from './docker-cli';

/** One entry of an image's root filesystem. Paths are absolute inside the image. */
export type ImageEntry =
  | { path: string; content: string | Buffer; mode?: number }
  | { path: string; symlink: string }
  | { path: string; dir: true; mode?: number };

/** A lab image: a tiny rootfs plus the config `docker import --change` can set. */
export interface ImageSpec {
  /** e.g. "hangar-lab/plane-backend:v1.3.1" */
  ref: string;
  entries: ImageEntry[];
  cmd?: string[];
  entrypoint?: string[];
  env?: Record<string, string>;
  workdir?: string;
  labels?: Record<string, string>;
  expose?: number[];
}

/**
 * Label carrying the content hash an image was built from. `ensureImage` rebuilds only when the
 * hash differs, which keeps a warm `lab:up` fast and a code change effective immediately.
 */
export const HASH_LABEL = 'dev.hangar.lab.hash';

/**
 * Host paths every lab container needs read-only. Images hold no binaries of their own: the
 * rootfs links /bin, /lib… into /usr (Debian is merged-/usr) and the host's /usr is mounted over
 * it, so python3, node, caddy, postgres and redis-server run unchanged inside containers.
 */
export const HOST_RUNTIME_MOUNTS: readonly string[] = [
  '/usr:/usr:ro',
  '/etc/ssl:/etc/ssl:ro',
  '/etc/alternatives:/etc/alternatives:ro',
];

const skeleton: ImageEntry[] = [
  { path: '/usr', dir: true },
  { path: '/bin', symlink: 'usr/bin' },
  { path: '/sbin', symlink: 'usr/sbin' },
  { path: '/lib', symlink: 'usr/lib' },
  { path: '/lib64', symlink: 'usr/lib64' },
  { path: '/tmp', dir: true, mode: 0o1777 },
  { path: '/var/tmp', dir: true, mode: 0o1777 },
  { path: '/var/lib', dir: true },
  { path: '/var/log', dir: true },
  { path: '/run', dir: true },
  { path: '/var/run', symlink: '../run' },
  { path: '/root', dir: true, mode: 0o700 },
  { path: '/home', dir: true },
  { path: '/data', dir: true },
  { path: '/etc/ssl', dir: true },
  { path: '/etc/alternatives', dir: true },
  {
    path: '/etc/passwd',
    content:
      'root:x:0:0:root:/root:/bin/sh\npostgres:x:70:70:postgres:/var/lib/postgresql:/bin/sh\n' +
      'redis:x:999:1000:redis:/data:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
  },
  { path: '/etc/group', content: 'root:x:0:\npostgres:x:70:\nredis:x:1000:\nnogroup:x:65534:\n' },
  { path: '/etc/nsswitch.conf', content: 'passwd: files\ngroup: files\nhosts: files dns\n' },
  { path: '/etc/os-release', content: 'NAME="Hangar lab"\nID=hangar-lab\nPRETTY_NAME="Hangar lab rootfs (host /usr)"\n' },
];

/** The bare base image (skeleton only), used by the first-slice containers. */
export function baseImageSpec(): ImageSpec {
  return { ref: 'hangar-lab/base:latest', entries: [], cmd: ['/bin/sh'], labels: { 'dev.hangar.lab': 'base' } };
}

/** Stable hash of everything that ends up in the image. */
export function imageHash(spec: ImageSpec): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ ...spec, entries: undefined, skeletonVersion: 1 }));
  for (const entry of [...skeleton, ...spec.entries]) {
    h.update(entry.path);
    if ('content' in entry) h.update(`\0${entry.mode ?? 0o644}\0`).update(entry.content);
    else if ('symlink' in entry) h.update(`\0->${entry.symlink}`);
    else h.update(`\0dir${entry.mode ?? 0o755}`);
    h.update('\n');
  }
  return h.digest('hex');
}

const inspectSchema = z.array(z.object({ Config: z.object({ Labels: z.record(z.string(), z.string()).nullable() }) }));

/** Builds the image unless one with the same ref and content hash exists. */
export async function ensureImage(spec: ImageSpec, signal?: AbortSignal): Promise<{ ref: string; hash: string; built: boolean }> {
  const hash = imageHash(spec);
  const existing = await docker(['image', 'inspect', spec.ref], { allowFailure: true, signal, timeoutMs: 15_000 });
  if (existing.code === 0) {
    const parsed = inspectSchema.safeParse(JSON.parse(existing.stdout));
    if (parsed.success && parsed.data[0]?.Config.Labels?.[HASH_LABEL] === hash) return { ref: spec.ref, hash, built: false };
  }
  const stage = await mkdtemp(join(tmpdir(), 'hangar-lab-rootfs-'));
  try {
    for (const entry of [...skeleton, ...spec.entries]) await writeEntry(stage, entry);
    await docker(['import', ...changes(spec, hash), '-', spec.ref], { input: tarStream(stage), signal, timeoutMs: 120_000 });
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return { ref: spec.ref, hash, built: true };
}

async function writeEntry(stage: string, entry: ImageEntry): Promise<void> {
  const target = join(stage, entry.path);
  await mkdir(dirname(target), { recursive: true });
  if ('content' in entry) await writeFile(target, entry.content, { mode: entry.mode ?? 0o644 });
  else if ('symlink' in entry) await symlink(entry.symlink, target);
  else await mkdir(target, { recursive: true });
  if (!('symlink' in entry)) await chmod(target, entry.mode ?? ('dir' in entry ? 0o755 : 0o644));
}

function changes(spec: ImageSpec, hash: string): string[] {
  const out: string[] = [];
  const add = (line: string): void => void out.push('--change', line);
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...spec.env };
  for (const [key, value] of Object.entries(env)) add(`ENV ${key}=${JSON.stringify(value)}`);
  for (const [key, value] of Object.entries({ ...spec.labels, [HASH_LABEL]: hash })) add(`LABEL ${key}=${JSON.stringify(value)}`);
  if (spec.workdir) add(`WORKDIR ${spec.workdir}`);
  if (spec.entrypoint) add(`ENTRYPOINT ${JSON.stringify(spec.entrypoint)}`);
  if (spec.cmd) add(`CMD ${JSON.stringify(spec.cmd)}`);
  for (const port of spec.expose ?? []) add(`EXPOSE ${port}`);
  return out;
}

function tarStream(dir: string): NodeJS.ReadableStream {
  const tar = spawn('tar', ['-C', dir, '--numeric-owner', '--owner=0', '--group=0', '-cf', '-', '.'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return tar.stdout;
}
