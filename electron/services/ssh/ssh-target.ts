import { AppError } from '../../../shared/ipc/errors';
import type { SshHostConfig } from '../../../shared/schemas/host';
import { parseProxyJump, type ResolvedSshHost } from './ssh-config';
import type { SshTarget } from './ssh-session';
import type { SshEndpoint } from './ssh-connect';

/** Looks an alias up in ~/.ssh/config (see `createSshConfigResolver`). */
export type AliasResolver = (alias: string) => Promise<ResolvedSshHost | undefined>;

/**
 * Turns a stored host into what to dial. A host imported from ~/.ssh/config takes HostName,
 * Port, User and ProxyJump from the file at connect time; a ProxyJump hop naming an alias is
 * resolved the same way. Each hop keeps its own host:port so its key is checked separately.
 */
export async function resolveTarget(host: SshHostConfig, resolveAlias?: AliasResolver): Promise<SshTarget> {
  const fromConfig = host.sshConfigAlias !== undefined && resolveAlias ? await resolveAlias(host.sshConfigAlias) : undefined;
  const endpoint: SshEndpoint = {
    host: fromConfig?.hostName ?? host.address,
    port: fromConfig?.port ?? host.port,
    user: fromConfig?.user ?? host.user,
  };
  const jumpText = fromConfig?.proxyJump ?? host.proxyJump;
  const jumps: SshEndpoint[] = [];
  if (jumpText !== undefined) {
    let specs;
    try {
      specs = parseProxyJump(jumpText);
    } catch (error) {
      throw new AppError(
        'SSH_CONFIG_INVALID',
        `ProxyJump of ${host.name} is not valid: ${(error as Error).message} Fix it in the host settings or ~/.ssh/config.`,
      );
    }
    for (const spec of specs) {
      const alias = spec.user === undefined && spec.port === undefined && resolveAlias ? await resolveAlias(spec.host) : undefined;
      jumps.push({
        host: alias?.hostName ?? spec.host,
        port: spec.port ?? alias?.port ?? 22,
        user: spec.user ?? alias?.user ?? endpoint.user,
      });
    }
  }
  return { hostId: host.id, endpoint, jumps, auth: host.auth };
}
