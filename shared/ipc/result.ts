import { z } from 'zod';
import { appErrorDataSchema, type AppErrorData } from './errors';

/** Handlers answer with a Result instead of throwing across IPC: errors are data (ARCHITECTURE §4). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });

/** Wire schema of a Result whose value is not inspected (the transport checks only the envelope). */
export const wireResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorDataSchema }),
]);
