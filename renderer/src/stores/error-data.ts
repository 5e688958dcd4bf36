import { AppError, type AppErrorData } from '../../../shared/ipc/errors';

/**
 * Stores keep errors as plain data (serialisable, comparable in tests); anything thrown that is
 * not an AppError becomes INTERNAL with its message so the UI still has words to show.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
