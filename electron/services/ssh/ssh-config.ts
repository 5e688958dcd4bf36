/**
 * A reader for OpenSSH client config (ssh_config(5)) limited to what Hangar uses to connect:
 * HostName, User, Port, IdentityFile, ProxyJump, IdentitiesOnly. Everything else is listed as
 * an issue with its line, so a user relying on ProxyCommand or Match learns that Hangar will
 * not honour it instead of connecting somewhere unexpected.
 */

/** A config line Hangar did not apply, with why; shown at import so nothing is silently dropped. */
export interface SshConfigIssue {
  line: number;
  directive: string;
  kind: 'unsupported' | 'ignored' | 'malformed';
  message: string;
}

interface Directive {
  line: number;
  key: string;
  value: string;
}

interface HostBlock {
  line: number;
  patterns: string[];
  directives: Directive[];
}

/** Parsed config: Host blocks in file order (a leading implicit `Host *` holds global lines). */
export interface SshConfig {
  blocks: HostBlock[];
  issues: SshConfigIssue[];
}

/** What ssh would use for one alias, after first-value-wins merging across matching blocks. */
export interface ResolvedSshHost {
  alias: string;
  hostName: string;
  user?: string;
  port: number;
  identityFiles: string[];
  /** Raw ProxyJump value (`none` already removed); parse with `parseProxyJump`. */
  proxyJump?: string;
  identitiesOnly: boolean;
}

/** What %d/%u and `~` expand to. */
export interface ExpandContext {
  homeDir: string;
  localUser: string;
}

const USED = new Set(['hostname', 'user', 'port', 'identityfile', 'proxyjump', 'identitiesonly']);
/** Directives that change where or how ssh connects: ignoring them silently could mislead. */
const UNSUPPORTED = new Set([
  'include',
  'match',
  'proxycommand',
  'hostkeyalias',
  'certificatefile',
  'localcommand',
  'remotecommand',
  'canonicalizehostname',
]);

/** Parses ssh_config text; never throws, bad or unsupported lines become `issues`. */
export function parseSshConfig(text: string): SshConfig {
  const blocks: HostBlock[] = [{ line: 0, patterns: ['*'], directives: [] }];
  const issues: SshConfigIssue[] = [];
  let skippingMatch = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = /^([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*|\s+)(.*)$/.exec(trimmed);
    if (!match) {
      issues.push({
        line,
        directive: trimmed.split(/\s/)[0] ?? '',
        kind: 'malformed',
        message: `Line ${line} is not "Keyword value"; it was skipped.`,
      });
      return;
    }
    const key = (match[1] ?? '').toLowerCase();
    const value = unquote((match[2] ?? '').trim());
    if (key === 'host') {
      skippingMatch = false;
      blocks.push({ line, patterns: value.split(/\s+/).filter(Boolean), directives: [] });
      return;
    }
    if (key === 'match') {
      skippingMatch = true;
      issues.push({
        line,
        directive: 'Match',
        kind: 'unsupported',
        message: `Match block at line ${line} is not evaluated by Hangar; the settings inside it are not applied. Move what Hangar needs into a Host block.`,
      });
      return;
    }
    if (key === 'include') {
      issues.push({
        line,
        directive: 'Include',
        kind: 'unsupported',
        message: `Include at line ${line} (${value}) is not followed by Hangar; hosts defined in that file are not imported.`,
      });
      return;
    }
    if (skippingMatch) return;
    if (UNSUPPORTED.has(key)) {
      issues.push({
        line,
        directive: match[1] ?? key,
        kind: 'unsupported',
        message: `${match[1]} at line ${line} is not supported by Hangar, so connections may differ from ssh's. Use ProxyJump instead of ProxyCommand.`,
      });
    } else if (!USED.has(key)) {
      issues.push({
        line,
        directive: match[1] ?? key,
        kind: 'ignored',
        message: `${match[1]} at line ${line} does not affect how Hangar connects and is ignored.`,
      });
    }
    blocks[blocks.length - 1]?.directives.push({ line, key, value });
  });
  return { blocks, issues };
}

/** Host aliases that name one concrete host (no wildcards or negations): the importable ones. */
export function listSshConfigAliases(config: SshConfig): string[] {
  const aliases = config.blocks.flatMap((b) => b.patterns).filter((p) => !/[*?!]/.test(p));
  return [...new Set(aliases)];
}

/** Resolves an alias the way ssh does: the first value seen wins, IdentityFile accumulates. */
export function resolveSshHost(config: SshConfig, alias: string, context: ExpandContext): ResolvedSshHost {
  const found = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const block of config.blocks) {
    if (!hostMatches(block.patterns, alias)) continue;
    for (const d of block.directives) {
      if (d.key === 'identityfile') identityFiles.push(d.value);
      else if (!found.has(d.key)) found.set(d.key, d.value);
    }
  }
  const hostName = expandTokens(found.get('hostname') ?? alias, { alias, host: alias, port: '', remoteUser: '', ...context });
  const portText = found.get('port');
  const port = portText !== undefined && /^\d+$/.test(portText) && Number(portText) > 0 && Number(portText) < 65536 ? Number(portText) : 22;
  const user = found.get('user');
  const tokens = { alias, host: hostName, port: String(port), remoteUser: user ?? context.localUser, ...context };
  const jump = found.get('proxyjump');
  return {
    alias,
    hostName,
    ...(user !== undefined ? { user } : {}),
    port,
    identityFiles: identityFiles.map((f) => expandTokens(f, tokens)),
    ...(jump !== undefined && jump.toLowerCase() !== 'none' ? { proxyJump: jump } : {}),
    identitiesOnly: (found.get('identitiesonly') ?? 'no').toLowerCase() === 'yes',
  };
}

/** One `[user@]host[:port]` hop of a ProxyJump list; `ssh://user@host:port` is accepted too. */
export interface JumpSpec {
  user?: string;
  host: string;
  port?: number;
}

/** Splits a ProxyJump value into hops; throws a plain-sentence Error for a hop it cannot read. */
export function parseProxyJump(value: string): JumpSpec[] {
  return value
    .split(',')
    .map((hop) => hop.trim().replace(/^ssh:\/\//, ''))
    .filter(Boolean)
    .map((hop) => {
      const at = hop.lastIndexOf('@');
      const user = at >= 0 ? hop.slice(0, at) : undefined;
      const rest = at >= 0 ? hop.slice(at + 1) : hop;
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
      const plain = /^([^:]+)(?::(\d+))?$/.exec(rest);
      const parts = bracketed ?? plain;
      if (!parts?.[1]) throw new Error(`"${hop}" is not a ProxyJump hop like user@bastion:22.`);
      return { ...(user ? { user } : {}), host: parts[1], ...(parts[2] ? { port: Number(parts[2]) } : {}) };
    });
}

/** Expands `~` and the %-tokens ssh_config documents for IdentityFile (%d %h %n %p %r %u %%). */
export function expandTokens(value: string, t: ExpandContext & { alias: string; host: string; port: string; remoteUser: string }): string {
  const tilde = value === '~' ? t.homeDir : value.startsWith('~/') ? `${t.homeDir}${value.slice(1)}` : value;
  return tilde.replace(/%([%dhnpru])/g, (_all, token: string) => {
    switch (token) {
      case '%':
        return '%';
      case 'd':
        return t.homeDir;
      case 'h':
        return t.host;
      case 'n':
        return t.alias;
      case 'p':
        return t.port;
      case 'r':
        return t.remoteUser;
      default:
        return t.localUser;
    }
  });
}

function hostMatches(patterns: string[], alias: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const source = (negated ? pattern.slice(1) : pattern)
      .replace(/[.+^${}()|\\[\]]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    if (new RegExp(`^${source}$`, 'i').test(alias)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
