import { join } from 'node:path';
import { createConnectionManager, type ConnectionManager } from '../services/connections/connection-manager';
import { createEnvService, type EnvService } from '../services/env/env-service';
import { createHostStore, type HostStore } from '../services/hosts/host-store';
import type { PlatformPort } from '../services/platform/platform-port';
import { createPromptBroker, type PromptBroker } from '../services/prompts/prompt-broker';
import { createKnownHosts, type KnownHosts } from '../services/ssh/known-hosts';
import { createPassphraseVault } from '../services/ssh/passphrase-vault';
import { createSessionPool, type SessionPool } from '../services/ssh/session-pool';
import { createSshConfigResolver } from '../services/ssh/ssh-config-import';

/** Everything the router's handlers and the CLI use, built once per process. */
export interface Services {
  readonly platform: PlatformPort;
  readonly hosts: HostStore;
  readonly prompts: PromptBroker;
  readonly knownHosts: KnownHosts;
  readonly pool: SessionPool;
  readonly connections: ConnectionManager;
  /** The ~/.ssh/config Hangar reads aliases from (and imports hosts from). */
  readonly sshConfigPath: string;
  /** Plane deployments and their env files: load, preview, safe save, history, apply. */
  readonly env: EnvService;
  dispose(): void;
}

export interface ServicesOptions {
  platform: PlatformPort;
  /** OpenSSH known_hosts files to honour; default ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts. */
  knownHostsFiles?: string[];
  /** ~/.ssh/config to read aliases from; default in the platform's home. */
  sshConfigPath?: string;
  /** ssh-agent socket; default $SSH_AUTH_SOCK. */
  agentSocket?: string;
  /** How long a question to the user may stay unanswered (default 5 min). */
  askTimeoutMs?: number;
  localSocketPath?: string;
  connectTimeoutMs?: number;
  /** Replaces the saved-host store (the CLI adds a one-off `user@host` to it). */
  hosts?: HostStore;
  /** Replaces the prompt broker (the CLI refuses questions instead of waiting for a window). */
  prompts?: PromptBroker;
}

/**
 * The composition root (ARCHITECTURE §6): plain constructor injection, no framework. Electron
 * main, the Playwright harness and the CLI all call this with their own PlatformPort.
 */
export function createServices(options: ServicesOptions): Services {
  const { platform } = options;
  const hosts = options.hosts ?? createHostStore(platform);
  const prompts = options.prompts ?? createPromptBroker(options.askTimeoutMs);
  const knownHosts = createKnownHosts({ dataDir: platform.userDataDir(), homeDir: platform.homeDir(), knownHostsFiles: options.knownHostsFiles });
  const vault = platform.secrets.isAvailable() ? createPassphraseVault(platform.userDataDir(), platform.secrets) : undefined;
  const sshConfigPath = options.sshConfigPath ?? join(platform.homeDir(), '.ssh', 'config');
  const pool = createSessionPool({
    knownHosts,
    vault,
    agentSocket: options.agentSocket,
    connectTimeoutMs: options.connectTimeoutMs,
    resolveAlias: createSshConfigResolver({ path: sshConfigPath, homeDir: platform.homeDir() }),
    askHostKey: (prompt, signal) => prompts.ask('host-key', prompt, { signal }),
    askPassphrase: (prompt, signal) => prompts.ask('passphrase', prompt, { signal }),
    askAuthPrompt: (prompt, signal) => prompts.ask('auth', prompt, { signal }),
  });
  const connections = createConnectionManager({ hosts, pool, localSocketPath: options.localSocketPath });
  const env = createEnvService({ hosts, pool, connections });
  return {
    platform,
    hosts,
    prompts,
    knownHosts,
    pool,
    connections,
    sshConfigPath,
    env,
    dispose: () => connections.closeAll(),
  };
}
