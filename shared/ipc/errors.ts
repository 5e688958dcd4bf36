import { z } from 'zod';

/**
 * Stable error codes. They cross IPC as data and the UI maps each one to a sentence and a next
 * step, so a code is a promise: never rename one, only add.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'UNKNOWN_METHOD',
  'CANCELLED',
  'TIMEOUT',
  'INTERNAL',
  'NOT_FOUND',
  'HOST_NOT_FOUND',
  'HOST_EXISTS',
  'SSH_UNREACHABLE',
  'SSH_DNS_FAILED',
  'SSH_CONNECTION_REFUSED',
  'SSH_TIMEOUT',
  'SSH_AUTH_FAILED',
  'SSH_KEY_INVALID',
  'SSH_PASSPHRASE_REQUIRED',
  'SSH_PASSPHRASE_WRONG',
  'SSH_AGENT_UNAVAILABLE',
  'SSH_AGENT_NO_KEYS',
  'SSH_HOST_KEY_UNKNOWN',
  'SSH_HOST_KEY_MISMATCH',
  'SSH_DISCONNECTED',
  'SSH_CONFIG_INVALID',
  'DOCKER_NOT_FOUND',
  'DOCKER_PERMISSION_DENIED',
  'DOCKER_ERROR',
  'COMPOSE_NOT_FOUND',
  'ENV_PARSE_FAILED',
  'ENV_CONFLICT',
  'ENV_VERIFY_FAILED',
  'FILE_NOT_FOUND',
  'FILE_WRITE_FAILED',
  'PROBE_FAILED',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The serialisable shape of an error: what crosses IPC, what the CLI prints with --json. */
export const appErrorDataSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

/**
 * The one error class of Hangar. Services throw it with a code; the router turns it into data;
 * the renderer client rethrows it, so `code` survives every hop.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }
}

/** True for an AppError carrying one of the given codes (any code when none is given). */
export function isAppError(value: unknown, ...codes: ErrorCode[]): value is AppError {
  return value instanceof AppError && (codes.length === 0 || codes.includes(value.code));
}

/** Normalises anything thrown into an AppError; unknown failures become INTERNAL with their message. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  if (value instanceof Error && value.name === 'AbortError') return new AppError('CANCELLED', 'The operation was cancelled.');
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('INTERNAL', message, undefined, { cause: value });
}
