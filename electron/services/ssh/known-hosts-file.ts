import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyBlobAlgorithm } from './fingerprint';

/** One usable line of an OpenSSH known_hosts file. */
export interface KnownHostEntry {
  /** 1-based line number, for messages like "~/.ssh/known_hosts line 12". */
  readonly line: number;
  /** `@revoked` keys are refused outright; `@cert-authority` lines never become entries. */
  readonly revoked: boolean;
  readonly hosts: HostMatcher;
  readonly keyType: string;
  readonly key: Buffer;
}

/** How a line names its hosts: one hashed name (`|1|salt|hash`) or a pattern list. */
export type HostMatcher = { kind: 'hashed'; salt: Buffer; hash: Buffer } | { kind: 'patterns'; patterns: string[] };

/** A line Hangar did not use, and why: surfaced to the user instead of silently skipped. */
export interface KnownHostsIssue {
  readonly line: number;
  readonly kind: 'malformed' | 'unsupported';
  readonly message: string;
}

/** The usable entries of a file plus every line that was not used and why. */
export interface ParsedKnownHosts {
  readonly entries: KnownHostEntry[];
  readonly issues: KnownHostsIssue[];
}

/**
 * Parses known_hosts text the way OpenSSH reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"):
 * optional marker, host patterns or one `|1|salt|hash`, key type, base64 key, comment.
 * Never throws: a bad line becomes an issue with its line number and the rest still counts.
 */
export function parseKnownHosts(text: string): ParsedKnownHosts {
  const entries: KnownHostEntry[] = [];
  const issues: KnownHostsIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    let marker: string | undefined;
    if (fields[0]?.startsWith('@')) marker = fields.shift();
    if (marker === '@cert-authority') {
      issues.push({
        line,
        kind: 'unsupported',
        message:
          '@cert-authority line ignored: Hangar does not check host certificates, so hosts signed by this CA will be asked about like any unknown host.',
      });
      return;
    }
    if (marker !== undefined && marker !== '@revoked') {
      issues.push({
        line,
        kind: 'malformed',
        message: `Unknown marker "${marker}"; only @revoked and @cert-authority exist. Line ignored.`,
      });
      return;
    }
    const [hostField, keyType, keyText] = fields;
    if (hostField === undefined || keyType === undefined || keyText === undefined) {
      issues.push({ line, kind: 'malformed', message: 'Expected "host key-type base64-key"; line ignored.' });
      return;
    }
    const hosts = parseHostField(hostField);
    if (typeof hosts === 'string') {
      issues.push({ line, kind: 'malformed', message: `${hosts} Line ignored.` });
      return;
    }
    const key = decodeKey(keyText);
    const blobType = key ? keyBlobAlgorithm(key) : undefined;
    if (!key || blobType === undefined) {
      issues.push({ line, kind: 'malformed', message: 'The key is not valid base64 of an SSH public key; line ignored.' });
      return;
    }
    if (blobType !== keyType) {
      issues.push({ line, kind: 'malformed', message: `The line says "${keyType}" but the key is "${blobType}"; line ignored.` });
      return;
    }
    entries.push({ line, revoked: marker === '@revoked', hosts, keyType, key });
  });
  return { entries, issues };
}

/** The name known_hosts uses for a host: bare for port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * Whether an entry applies to host:port. Hashed entries compare HMAC-SHA1(salt, name); pattern
 * lists honour `*`, `?` and `!negation` (a negated match excludes the line), case-insensitively.
 */
export function entryMatches(entry: KnownHostEntry, host: string, port: number): boolean {
  const name = knownHostsName(host.toLowerCase(), port);
  if (entry.hosts.kind === 'hashed') {
    const digest = createHmac('sha1', entry.hosts.salt).update(name).digest();
    return digest.length === entry.hosts.hash.length && timingSafeEqual(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const pattern of entry.hosts.patterns) {
    const negated = pattern.startsWith('!');
    if (wildcardMatch(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function parseHostField(field: string): HostMatcher | string {
  if (field.startsWith('|')) {
    const parts = field.split('|');
    if (parts.length !== 4 || parts[1] !== '1') return 'A hashed host must look like |1|salt|hash.';
    const salt = decodeBase64(parts[2] ?? '');
    const hash = decodeBase64(parts[3] ?? '');
    if (!salt || salt.length !== 20 || !hash || hash.length !== 20) return 'The hashed host has a bad salt or hash.';
    return { kind: 'hashed', salt, hash };
  }
  const patterns = field
    .split(',')
    .filter((p) => p !== '')
    .map((p) => p.toLowerCase());
  if (patterns.length === 0) return 'No host names before the key.';
  return { kind: 'patterns', patterns };
}

function decodeKey(text: string): Buffer | undefined {
  return decodeBase64(text);
}

function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const buffer = Buffer.from(text, 'base64');
  return buffer.length > 0 ? buffer : undefined;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|\\[\]]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}
