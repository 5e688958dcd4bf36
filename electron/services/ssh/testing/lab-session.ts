import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionState, HostKeyAnswer, HostKeyPrompt } from '../../../../shared/schemas/connection';
import type { SshHostConfig } from '../../../../shared/schemas/host';
import type { LabSshd } from '../../../../e2e/lab/sshd';
import { createKnownHosts, type KnownHosts } from '../known-hosts';
import { createSessionPool, type SessionPool, type SessionPoolDeps } from '../session-pool';

/**
 * Test wiring for lab tests: a pool with a fresh data dir and a scripted "user" who answers
 * host-key prompts and whose questions are recorded, so tests can assert what the UI would show.
 */
export interface LabPool {
  pool: SessionPool;
  knownHosts: KnownHosts;
  dataDir: string;
  prompts: HostKeyPrompt[];
  states: ConnectionState[];
}

export function createLabPool(options: { answer?: HostKeyAnswer; knownHostsFiles?: string[] } & Partial<SessionPoolDeps> = {}): LabPool {
  const dataDir = mkdtempSync(join(tmpdir(), 'hangar-svc-data-'));
  const knownHosts = options.knownHosts ?? createKnownHosts({ dataDir, knownHostsFiles: options.knownHostsFiles ?? [] });
  const prompts: HostKeyPrompt[] = [];
  const states: ConnectionState[] = [];
  const pool = createSessionPool({
    idleCloseMs: 0,
    connectTimeoutMs: 10_000,
    ...options,
    knownHosts,
    askHostKey: async (prompt) => {
      prompts.push(prompt);
      return options.answer ?? 'trust';
    },
  });
  pool.onState((state) => states.push(state));
  return { pool, knownHosts, dataDir, prompts, states };
}

/** The stored-host shape for a lab sshd, authenticating with its client key unless told otherwise. */
export function labHost(
  sshd: Pick<LabSshd, 'host' | 'port' | 'user' | 'clientKeyPath'>,
  overrides: Partial<SshHostConfig> = {},
): SshHostConfig {
  return {
    kind: 'ssh',
    id: `lab-${sshd.port}`,
    name: `lab ${sshd.port}`,
    address: sshd.host,
    port: sshd.port,
    user: sshd.user,
    auth: { kind: 'key', keyPath: sshd.clientKeyPath },
    ...overrides,
  };
}

/** Resolves once `predicate` holds for a state of the host, or rejects after `timeoutMs`. */
export function waitForState(
  pool: SessionPool,
  hostId: string,
  predicate: (state: ConnectionState) => boolean,
  timeoutMs = 15_000,
): Promise<ConnectionState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`host ${hostId} did not reach the expected state within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = pool.onState((state) => {
      if (state.hostId !== hostId || !predicate(state)) return;
      clearTimeout(timer);
      off();
      resolve(state);
    });
  });
}
