import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import type { EnvFileInput, Layout } from '../../../shared/schemas/env';

/** A deployment's env files (and compose file, if found) read from this machine's disk. */
export interface LocalDeployment {
  readonly layout: Layout;
  readonly files: readonly EnvFileInput[];
  readonly composePath: string | undefined;
  readonly composeText: string | undefined;
  /** Why this layout was chosen, for the CLI's first line. */
  readonly reason: string;
}

const composeNames = ['docker-compose.yaml', 'docker-compose.yml', 'compose.yaml', 'compose.yml'];
const splitNames = ['.env.api', '.env.frontend', '.env.live'];
const communityNames = ['plane.env', 'variables.env'];
/** Env files are a few KiB; anything this big is not one, and reading it would only waste time. */
const maxBytes = 1024 * 1024;

/**
 * Reads the env files of a deployment from a directory or explicit paths and tells the layout
 * apart by file names: `.env.api`/`.env.frontend`/`.env.live` = split, `plane.env` (or Plane's
 * `variables.env`) = community, `.env` beside a compose file with `plane-*` services = Dokploy.
 * `layout` overrides detection. Paths in the result are as given, so findings point at them.
 */
export async function loadLocalDeployment(
  paths: readonly string[],
  options: { cwd: string; layout?: Layout; signal?: AbortSignal },
): Promise<LocalDeployment> {
  const expanded: string[] = [];
  for (const p of paths) {
    const absolute = resolve(options.cwd, p);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined)
      throw new AppError('FILE_NOT_FOUND', `${p} does not exist. Pass a deployment directory or its env files.`, { path: p });
    if (info.isDirectory()) {
      const names = await readdir(absolute);
      const wanted = [...splitNames, ...communityNames, '.env', ...composeNames].filter((n) => names.includes(n));
      expanded.push(...wanted.map((n) => join(p, n)));
    } else {
      expanded.push(p);
    }
  }
  const composeArg = expanded.find((p) => /\.ya?ml$/.test(p)) ?? (await siblingCompose(expanded, options.cwd));
  const envPaths = expanded.filter((p) => !/\.ya?ml$/.test(p));
  const composeText = composeArg === undefined ? undefined : await readText(composeArg, options);
  const detected =
    options.layout === undefined
      ? detectLayout(envPaths, composeArg, composeText)
      : { layout: options.layout, reason: 'given with --layout' };
  const chosen = pickFiles(detected.layout, envPaths);
  if (chosen.length === 0) {
    throw new AppError(
      'FILE_NOT_FOUND',
      `No env file of a ${detected.layout} deployment among: ${paths.join(', ')}. Expected ${expectedNames(detected.layout)}.`,
      { paths: [...paths] },
    );
  }
  const files = await Promise.all(chosen.map(async (path) => ({ path, text: await readText(path, options) })));
  return { layout: detected.layout, files, composePath: composeArg, composeText, reason: detected.reason };
}

function detectLayout(
  envPaths: readonly string[],
  composePath: string | undefined,
  composeText: string | undefined,
): { layout: Layout; reason: string } {
  const names = envPaths.map((p) => basename(p));
  if (names.some((n) => splitNames.includes(n))) return { layout: 'split', reason: 'found .env.api/.env.frontend/.env.live' };
  if (names.some((n) => communityNames.includes(n)))
    return { layout: 'community', reason: `found ${names.find((n) => communityNames.includes(n))}` };
  if (names.includes('.env')) {
    const dokploy = composePath?.includes('/etc/dokploy/') === true || /^\s{2}plane-api:\s*$/m.test(composeText ?? '');
    if (dokploy) return { layout: 'dokploy', reason: 'found .env beside a compose file with plane-* services (Dokploy template)' };
    return { layout: 'community', reason: 'found .env beside a stock compose file' };
  }
  throw new AppError('INVALID_INPUT', 'Cannot tell the layout from these file names. Pass --layout community|split|dokploy.', {
    paths: [...envPaths],
  });
}

function pickFiles(layout: Layout, envPaths: readonly string[]): string[] {
  const wanted = layout === 'split' ? splitNames : layout === 'community' ? [...communityNames, '.env'] : ['.env'];
  const matching = envPaths.filter((p) => wanted.includes(basename(p)));
  // Files named explicitly under an unusual name (with --layout) are taken as they are.
  if (matching.length === 0) return [...envPaths];
  if (layout === 'community') {
    // plane.env wins over variables.env and .env when a directory holds several.
    const first = wanted.find((n) => matching.some((p) => basename(p) === n));
    return matching.filter((p) => basename(p) === first);
  }
  return matching;
}

function expectedNames(layout: Layout): string {
  return layout === 'split' ? '.env.api, .env.frontend and .env.live' : layout === 'community' ? 'plane.env' : '.env';
}

async function siblingCompose(paths: readonly string[], cwd: string): Promise<string | undefined> {
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    const names = await readdir(resolve(cwd, dir)).catch(() => [] as string[]);
    const found = composeNames.find((n) => names.includes(n));
    if (found !== undefined) return join(dir, found);
  }
  return undefined;
}

async function readText(path: string, options: { cwd: string; signal?: AbortSignal }): Promise<string> {
  const absolute = resolve(options.cwd, path);
  const info = await stat(absolute);
  if (info.size > maxBytes)
    throw new AppError('INVALID_INPUT', `${path} is ${info.size} bytes: too large for an env or compose file. Check the path.`, { path });
  return readFile(absolute, { encoding: 'utf8', ...(options.signal === undefined ? {} : { signal: options.signal }) });
}
