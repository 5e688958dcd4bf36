import type { Client, SFTPWrapper } from 'ssh2';
import { mapSshError } from './ssh-errors';
import type { SshSession } from './ssh-session';

const sftpSessions = new WeakMap<Client, Promise<SFTPWrapper>>();

/**
 * The one SFTP subsystem of an SSH connection, opened lazily, shared by every file operation on
 * that connection (env reads, atomic writes, backups) and reopened if it closes.
 */
export function sftpFor(client: Client, session: SshSession): Promise<SFTPWrapper> {
  const existing = sftpSessions.get(client);
  if (existing) return existing;
  const opening = new Promise<SFTPWrapper>((resolve, reject) => {
    client.sftp((error, sftp) => {
      if (error) return reject(mapSshError(error, { target: session.label }));
      sftp.on('close', () => sftpSessions.delete(client));
      resolve(sftp);
    });
  });
  opening.catch(() => sftpSessions.delete(client));
  sftpSessions.set(client, opening);
  return opening;
}
