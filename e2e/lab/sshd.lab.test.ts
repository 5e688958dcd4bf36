import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDockerEngine } from './docker-check';
import { isAlive, startSshd, type LabSshd } from './sshd';

const run = promisify(execFile);

/** Runs a command on the lab sshd with the system OpenSSH client, trusting only its known_hosts line. */
async function sshRun(sshd: LabSshd, knownHosts: string, command: string): Promise<string> {
  const { stdout } = await run(
    'ssh',
    [
      '-p', String(sshd.port),
      '-i', sshd.clientKeyPath,
      '-o', 'BatchMode=yes',
      '-o', 'IdentitiesOnly=yes',
      '-o', 'StrictHostKeyChecking=yes',
      '-o', `UserKnownHostsFile=${knownHosts}`,
      '-o', 'ConnectTimeout=5',
      `${sshd.user}@${sshd.host}`,
      command,
    ],
    { timeout: 20_000 },
  );
  return stdout;
}

describe('lab sshd', () => {
  let sshd: LabSshd;
  let knownHosts: string;

  beforeAll(async () => {
    await assertDockerEngine();
    sshd = await startSshd();
    knownHosts = join(sshd.dir, 'known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('lets the system ssh client in with the client key and runs docker there', async () => {
    const out = await sshRun(sshd, knownHosts, "docker ps --format '{{.ID}}' && echo DOCKER_OK");
    expect(out).toContain('DOCKER_OK');
  });

  it('presents the host key it advertises, so a wrong known_hosts entry is refused', async () => {
    const other = await startSshd();
    try {
      const wrong = join(sshd.dir, 'known_hosts_wrong');
      writeFileSync(wrong, `[127.0.0.1]:${sshd.port} ${other.hostPublicKey}\n`);
      await expect(sshRun(sshd, wrong, 'true')).rejects.toThrow(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    } finally {
      await other.stop();
    }
  });

  it('restarts on the same port with the same host key when given the same dir', async () => {
    const first = await startSshd();
    const { port, dir, hostPublicKey, pid } = first;
    await first.stop();
    expect(isAlive(pid)).toBe(false);
    const second = await startSshd({ port, dir });
    try {
      expect(second.hostPublicKey).toBe(hostPublicKey);
      const kh = join(dir, 'known_hosts');
      writeFileSync(kh, `${second.knownHostsLine}\n`);
      expect(await sshRun(second, kh, 'echo again')).toBe('again\n');
    } finally {
      await second.stop();
    }
  });

  it('forwards a stream-local channel to the Docker socket by default', async () => {
    const reply = await pingDockerOverStreamLocal(sshd);
    expect(reply).toMatch(/^HTTP\/1\.[01] 200/);
    expect(reply).toContain('OK');
  });

  it('refuses stream-local forwarding when started with allowStreamLocalForwarding: false', async () => {
    const strict = await startSshd({ allowStreamLocalForwarding: false });
    try {
      await expect(pingDockerOverStreamLocal(strict)).rejects.toThrow(/prohibited|open failed|refused/i);
    } finally {
      await strict.stop();
    }
  });
});

/** Opens openssh_forwardOutStreamLocal to the Docker socket (what Hangar does) and sends GET /_ping. */
function pingDockerOverStreamLocal(target: LabSshd): Promise<string> {
  return new Promise((resolveReply, reject) => {
    const client = new Client();
    const timer = setTimeout(() => {
      client.end();
      reject(new Error('timed out'));
    }, 15_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      client.end();
      reject(error);
    };
    client.on('error', fail);
    client.on('ready', () => {
      client.openssh_forwardOutStreamLocal('/var/run/docker.sock', (error, stream) => {
        if (error) return fail(error);
        let reply = '';
        stream.on('data', (chunk: Buffer) => (reply += chunk.toString('utf8')));
        stream.on('close', () => {
          clearTimeout(timer);
          client.end();
          resolveReply(reply);
        });
        stream.end('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
      });
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: target.user,
      privateKey: readFileSync(target.clientKeyPath),
      hostVerifier: (key: Buffer) => key.toString('base64') === target.hostPublicKey.split(' ')[1],
      readyTimeout: 10_000,
    });
  });
}
