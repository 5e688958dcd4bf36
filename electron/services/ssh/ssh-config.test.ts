import { describe, expect, it } from 'vitest';
import { listSshConfigAliases, parseProxyJump, parseSshConfig, resolveSshHost } from './ssh-config';

const context = { homeDir: '/home/ana', localUser: 'ana' };

const text = `
# a typical user config: Host blocks Hangar imports, Include and Match it reports
Include ~/.ssh/config.d/*
Host plane prod-plane
  HostName plane.example.org
  User deploy
  Port 2202
  IdentityFile ~/.ssh/id_%h_%r
  IdentityFile %d/.ssh/fallback_%u_%p
  IdentitiesOnly yes
  ProxyJump ops@bastion.example.org:2222,jump2
  ServerAliveInterval 30
  ProxyCommand nc %h %p

Match host *.internal
  User nobody-should-see-this

Host bastion
  HostName=bastion.example.org
  User "ops"

Host *
  User fallback
  Port 22
`;

describe('ssh config', () => {
  const config = parseSshConfig(text);

  it('resolves an alias with first-value-wins, accumulating IdentityFile and expanding ~ and %-tokens', () => {
    expect(resolveSshHost(config, 'prod-plane', context)).toEqual({
      alias: 'prod-plane',
      hostName: 'plane.example.org',
      user: 'deploy',
      port: 2202,
      identityFiles: ['/home/ana/.ssh/id_plane.example.org_deploy', '/home/ana/.ssh/fallback_ana_2202'],
      proxyJump: 'ops@bastion.example.org:2222,jump2',
      identitiesOnly: true,
    });
    expect(resolveSshHost(config, 'bastion', context)).toMatchObject({ hostName: 'bastion.example.org', user: 'ops', port: 22 });
    expect(resolveSshHost(config, 'unlisted', context)).toMatchObject({ hostName: 'unlisted', user: 'fallback' });
  });

  it('does not apply settings from a Match block, and says so', () => {
    expect(resolveSshHost(config, 'db.internal', context).user).toBe('fallback');
    const match = config.issues.find((i) => i.directive === 'Match');
    expect(match).toMatchObject({ kind: 'unsupported', line: 15 });
  });

  it('reports Include, ProxyCommand and ignored directives with line numbers', () => {
    expect(config.issues.map((i) => [i.directive, i.kind, i.line])).toEqual([
      ['Include', 'unsupported', 3],
      ['ServerAliveInterval', 'ignored', 12],
      ['ProxyCommand', 'unsupported', 13],
      ['Match', 'unsupported', 15],
    ]);
  });

  it('lists only concrete aliases for import', () => {
    expect(listSshConfigAliases(config)).toEqual(['plane', 'prod-plane', 'bastion']);
  });

  it('parses ProxyJump hops with users, ports, IPv6 brackets and ssh:// URLs', () => {
    expect(parseProxyJump('ops@bastion:2222, jump2,ssh://me@[2001:db8::1]:22')).toEqual([
      { user: 'ops', host: 'bastion', port: 2222 },
      { host: 'jump2' },
      { user: 'me', host: '2001:db8::1', port: 22 },
    ]);
    expect(() => parseProxyJump('a@b:c:d')).toThrow(/not a ProxyJump hop/);
  });
});
