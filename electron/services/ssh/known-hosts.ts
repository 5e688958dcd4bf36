import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { keyBlobAlgorithm, sha256Fingerprint } from './fingerprint';
import { entryMatches, knownHostsName, parseKnownHosts, type KnownHostsIssue } from './known-hosts-file';
import { createTrustedKeyStore, type TrustedKeyStore } from './trusted-keys';

/** The verdict on a presented host key. Only `trusted` lets a connection proceed without asking. */
export type HostKeyDecision =
  | { status: 'trusted'; algorithm: string; fingerprint: string; source: string }
  | { status: 'unknown'; algorithm: string; fingerprint: string }
  | {
      status: 'changed';
      algorithm: string;
      fingerprint: string;
      previousFingerprint: string;
      previousTrustedAt?: string;
      previousSource: string;
    }
  | { status: 'revoked'; algorithm: string; fingerprint: string; source: string };

/** A known_hosts file Hangar read, with the lines it could not use. */
export interface KnownHostsReport {
  path: string;
  issues: KnownHostsIssue[];
}

/** Host-key trust decisions for every connection and hop; the only way a key becomes trusted. */
export interface KnownHosts {
  check(host: string, port: number, keyBlob: Buffer): Promise<HostKeyDecision>;
  /** Trust on first use. Refuses (SSH_HOST_KEY_MISMATCH) when the host already has another key of that type. */
  trust(host: string, port: number, keyBlob: Buffer): Promise<void>;
  /**
   * The deliberate "replace key" action: accepts the key last seen as `changed` for host:port if
   * its fingerprint equals the one the user confirmed. The renderer never sends key bytes.
   */
  replace(host: string, port: number, confirmedFingerprint: string): Promise<void>;
  /** Key types already recorded for the host, so the handshake can prefer them (as OpenSSH does). */
  knownKeyTypes(host: string, port: number): Promise<string[]>;
  /** Problems found in the OpenSSH files (malformed lines, ignored markers), for the UI and CLI. */
  reports(): Promise<KnownHostsReport[]>;
}

/** Where trust is read from and written to; tests inject files and a clock. */
export interface KnownHostsOptions {
  /** Where Hangar keeps its own trusted keys. */
  dataDir: string;
  /** OpenSSH files, read-only; default ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. */
  knownHostsFiles?: string[];
  homeDir?: string;
  now?: () => Date;
  store?: TrustedKeyStore;
}

/**
 * Combines the user's OpenSSH known_hosts (honoured, never written) with Hangar's store.
 * Invariant: a key is accepted only if one of them lists it for this exact host:port and no
 * @revoked line names it; a different key of the same type anywhere is a hard "changed".
 */
export function createKnownHosts(options: KnownHostsOptions): KnownHosts {
  const store = options.store ?? createTrustedKeyStore(options.dataDir);
  const files = options.knownHostsFiles ?? [
    join(options.homeDir ?? process.env.HOME ?? '/', '.ssh', 'known_hosts'),
    '/etc/ssh/ssh_known_hosts',
  ];
  const now = options.now ?? (() => new Date());
  const pendingChanges = new Map<string, Buffer>();

  const openSshKeys = async (host: string, port: number) => {
    const found: { keyType: string; key: Buffer; revoked: boolean; source: string }[] = [];
    for (const path of files) {
      const text = await readOptional(path);
      if (text === undefined) continue;
      for (const entry of parseKnownHosts(text).entries) {
        if (entryMatches(entry, host, port))
          found.push({ keyType: entry.keyType, key: entry.key, revoked: entry.revoked, source: `${path} line ${entry.line}` });
      }
    }
    return found;
  };

  const check = async (host: string, port: number, keyBlob: Buffer): Promise<HostKeyDecision> => {
    const algorithm = keyBlobAlgorithm(keyBlob) ?? 'unknown';
    const fingerprint = sha256Fingerprint(keyBlob);
    const fromOpenSsh = await openSshKeys(host, port);
    const revoked = fromOpenSsh.find((k) => k.revoked && k.key.equals(keyBlob));
    if (revoked) return { status: 'revoked', algorithm, fingerprint, source: revoked.source };
    const fromHangar = await store.list(host, port);
    const hangarMatch = fromHangar.find((k) => k.key === keyBlob.toString('base64'));
    if (hangarMatch) return { status: 'trusted', algorithm, fingerprint, source: `Hangar (trusted ${hangarMatch.trustedAt})` };
    const sshMatch = fromOpenSsh.find((k) => !k.revoked && k.key.equals(keyBlob));
    if (sshMatch) return { status: 'trusted', algorithm, fingerprint, source: sshMatch.source };
    const previousHangar = fromHangar.find((k) => k.keyType === algorithm);
    const previousSsh = fromOpenSsh.find((k) => !k.revoked && k.keyType === algorithm);
    const label = knownHostsName(host.toLowerCase(), port);
    if (previousHangar) {
      pendingChanges.set(label, keyBlob);
      const { fingerprint: previousFingerprint, trustedAt: previousTrustedAt } = previousHangar;
      return { status: 'changed', algorithm, fingerprint, previousFingerprint, previousTrustedAt, previousSource: 'Hangar' };
    }
    if (previousSsh) {
      pendingChanges.set(label, keyBlob);
      return {
        status: 'changed',
        algorithm,
        fingerprint,
        previousFingerprint: sha256Fingerprint(previousSsh.key),
        previousSource: previousSsh.source,
      };
    }
    return { status: 'unknown', algorithm, fingerprint };
  };

  const record = (host: string, port: number, keyBlob: Buffer, replaceType: boolean) =>
    store.add(
      {
        host,
        port,
        keyType: keyBlobAlgorithm(keyBlob) ?? 'unknown',
        key: keyBlob.toString('base64'),
        fingerprint: sha256Fingerprint(keyBlob),
        trustedAt: now().toISOString(),
      },
      { replaceType },
    );

  return {
    check,
    async trust(host, port, keyBlob) {
      const decision = await check(host, port, keyBlob);
      if (decision.status === 'trusted') return;
      if (decision.status !== 'unknown') {
        throw new AppError(
          'SSH_HOST_KEY_MISMATCH',
          `${knownHostsName(host, port)} already has a different ${decision.algorithm} key, so this one was not trusted. Use "Replace key" only if you know why the server's key changed.`,
          { ...decision },
        );
      }
      await record(host, port, keyBlob, false);
    },
    async replace(host, port, confirmedFingerprint) {
      const label = knownHostsName(host.toLowerCase(), port);
      const presented = pendingChanges.get(label);
      if (!presented || sha256Fingerprint(presented) !== confirmedFingerprint) {
        throw new AppError(
          'SSH_HOST_KEY_UNKNOWN',
          `Hangar has not seen a new key with fingerprint ${confirmedFingerprint} for ${label}. Connect again, compare the fingerprint, then replace.`,
          { host, port },
        );
      }
      await record(host, port, presented, true);
      pendingChanges.delete(label);
    },
    async knownKeyTypes(host, port) {
      const types = [
        ...(await store.list(host, port)).map((k) => k.keyType),
        ...(await openSshKeys(host, port)).filter((k) => !k.revoked).map((k) => k.keyType),
      ];
      return [...new Set(types)];
    },
    async reports() {
      const reports: KnownHostsReport[] = [];
      for (const path of files) {
        const text = await readOptional(path);
        if (text !== undefined) reports.push({ path, issues: parseKnownHosts(text).issues });
      }
      return reports;
    },
  };
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
