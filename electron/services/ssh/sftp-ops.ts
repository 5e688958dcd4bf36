import { AppError } from '../../../shared/ipc/errors';

/** SFTP status codes (draft-ietf-secsh-filexfer-02) that have a user-facing meaning. */
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

/** Promisifies one SFTP callback call and maps its failure to a coded AppError naming the path. */
export function sftpCall<T>(start: (callback: (error: Error | null | undefined, value?: T) => void) => void, path: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((error, value) => {
      if (error) reject(sftpError(error, path));
      else resolve(value as T);
    });
  });
}

/** Maps an SFTP status error to FILE_NOT_FOUND / FILE_WRITE_FAILED with the path in the sentence. */
export function sftpError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === NO_SUCH_FILE) return new AppError('FILE_NOT_FOUND', `${path} does not exist on the server. Check the path.`, { path });
  if (code === PERMISSION_DENIED)
    return new AppError(
      'FILE_WRITE_FAILED',
      `The server denied access to ${path}. Connect as a user who may write it, or fix its permissions.`,
      { path },
    );
  return new AppError('FILE_WRITE_FAILED', `The file operation on ${path} failed: ${text}. Try again.`, { path, reason: text });
}
