import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { HostDraft } from '../../../shared/schemas/host';
import {
  listSshConfigAliases,
  parseSshConfig,
  resolveSshHost,
  type ResolvedSshHost,
  type SshConfig,
  type SshConfigIssue,
} from './ssh-config';

/** Which ssh config to read and how to expand `~`/%u in it. */
export interface SshConfigSource {
  /** Defaults to ~/.ssh/config. */
  path?: string;
  homeDir: string;
  localUser?: string;
}

/** Reads ~/.ssh/config; a missing file is an empty config, not an error (most users have none). */
export async function loadSshConfig(source: SshConfigSource): Promise<SshConfig & { path: string }> {
  const path = source.path ?? join(source.homeDir, '.ssh', 'config');
  try {
    return { ...parseSshConfig(await readFile(path, 'utf8')), path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { blocks: [], issues: [], path };
    throw error;
  }
}

/**
 * Turns each concrete alias into a host draft that keeps pointing at the alias
 * (`sshConfigAlias`), so later edits to ~/.ssh/config apply at the next connect. The first
 * IdentityFile that exists becomes the key; without one, the agent is used.
 */
export async function importSshConfigHosts(
  source: SshConfigSource,
): Promise<{ drafts: HostDraft[]; issues: SshConfigIssue[]; path: string }> {
  const config = await loadSshConfig(source);
  const context = { homeDir: source.homeDir, localUser: source.localUser ?? userInfo().username };
  const drafts: HostDraft[] = [];
  for (const alias of listSshConfigAliases(config)) {
    const resolved = resolveSshHost(config, alias, context);
    const keyPath = await firstExisting(resolved.identityFiles);
    drafts.push({
      kind: 'ssh',
      name: alias,
      address: resolved.hostName,
      port: resolved.port,
      user: resolved.user ?? context.localUser,
      auth: keyPath !== undefined ? { kind: 'key', keyPath } : { kind: 'agent' },
      sshConfigAlias: alias,
      ...(resolved.proxyJump !== undefined ? { proxyJump: resolved.proxyJump } : {}),
    });
  }
  return { drafts, issues: config.issues, path: config.path };
}

/** A resolver the session pool calls at each connect, so a host imported by alias follows the file. */
export function createSshConfigResolver(source: SshConfigSource): (alias: string) => Promise<ResolvedSshHost | undefined> {
  const context = { homeDir: source.homeDir, localUser: source.localUser ?? userInfo().username };
  return async (alias) => {
    const config = await loadSshConfig(source);
    if (!config.blocks.some((b) => b.patterns.some((p) => p.toLowerCase() === alias.toLowerCase()))) return undefined;
    return resolveSshHost(config, alias, context);
  };
}

async function firstExisting(paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next one, as ssh does
    }
  }
  return undefined;
}
