import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SshHostConfig } from '../../../shared/schemas/host';
import { createSshConfigResolver, importSshConfigHosts } from './ssh-config-import';
import { resolveTarget } from './ssh-target';

const home = mkdtempSync(join(tmpdir(), 'hangar-home-'));
const configPath = join(home, 'config');
writeFileSync(join(home, 'id_plane'), 'placeholder: only its existence matters to import');
writeFileSync(
  configPath,
  [
    'Host plane',
    '  HostName 10.0.0.20',
    '  User deploy',
    '  Port 2202',
    `  IdentityFile ${home}/missing_key`,
    `  IdentityFile ${home}/id_%n`,
    '  ProxyJump bastion',
    'Host bastion',
    '  HostName bastion.example.org',
    '  User ops',
    '  Port 2222',
    'Match all',
    '  User nobody',
  ].join('\n'),
);
const source = { path: configPath, homeDir: home, localUser: 'ana' };

describe('~/.ssh/config import', () => {
  it('turns aliases into hosts that keep pointing at the alias, with the first existing key', async () => {
    const { drafts, issues } = await importSshConfigHosts(source);
    expect(drafts).toEqual([
      {
        kind: 'ssh',
        name: 'plane',
        address: '10.0.0.20',
        port: 2202,
        user: 'deploy',
        auth: { kind: 'key', keyPath: join(home, 'id_plane') },
        sshConfigAlias: 'plane',
        proxyJump: 'bastion',
      },
      {
        kind: 'ssh',
        name: 'bastion',
        address: 'bastion.example.org',
        port: 2222,
        user: 'ops',
        auth: { kind: 'agent' },
        sshConfigAlias: 'bastion',
      },
    ]);
    expect(issues.map((i) => i.directive)).toEqual(['Match']);
  });

  it('resolves at connect time from the file, including ProxyJump hops named by alias', async () => {
    const stored: SshHostConfig = {
      kind: 'ssh',
      id: 'h',
      name: 'plane',
      address: 'stale.example',
      port: 22,
      user: 'old',
      auth: { kind: 'agent' },
      sshConfigAlias: 'plane',
    };
    const target = await resolveTarget(stored, createSshConfigResolver(source));
    expect(target.endpoint).toEqual({ host: '10.0.0.20', port: 2202, user: 'deploy' });
    expect(target.jumps).toEqual([{ host: 'bastion.example.org', port: 2222, user: 'ops' }]);
  });

  it('uses the stored fields when there is no alias, with hop defaults taken from the target', async () => {
    const stored: SshHostConfig = {
      kind: 'ssh',
      id: 'h',
      name: 'x',
      address: '192.0.2.5',
      port: 22,
      user: 'root',
      auth: { kind: 'agent' },
      proxyJump: 'jump.example:2200,admin@second',
    };
    const target = await resolveTarget(stored);
    expect(target.jumps).toEqual([
      { host: 'jump.example', port: 2200, user: 'root' },
      { host: 'second', port: 22, user: 'admin' },
    ]);
  });
});
