import { z } from 'zod';
import { sha256FingerprintSchema } from '../../../../shared/schemas/connection';
import type { AppErrorData } from '../../../../shared/ipc/errors';

/**
 * The command that prints the same fingerprint on the server, so the user compares like with
 * like: `ssh-keygen -lf` on the host key file of the algorithm the server presented.
 */
export function keygenHint(algorithm: string): string {
  return `ssh-keygen -lf /etc/ssh/ssh_host_${keyFileType(algorithm)}_key.pub`;
}

/** "ED25519", "ECDSA", "RSA": how ssh-keygen names the key type in its output. */
export function keyTypeLabel(algorithm: string): string {
  return keyFileType(algorithm).toUpperCase();
}

function keyFileType(algorithm: string): string {
  if (algorithm.includes('ed25519')) return 'ed25519';
  if (algorithm.startsWith('ecdsa')) return 'ecdsa';
  if (algorithm.includes('rsa')) return 'rsa';
  if (algorithm.includes('dss')) return 'dsa';
  return algorithm.replace(/^ssh-/, '');
}

/**
 * What a SSH_HOST_KEY_MISMATCH error carries in `details`. Parsed, not trusted: if main ever
 * sends less, the refusal still shows with whatever is there rather than crashing.
 */
export const hostKeyMismatchSchema = z.object({
  hostLabel: z.string().optional(),
  algorithm: z.string().optional(),
  fingerprint: sha256FingerprintSchema,
  previousFingerprint: sha256FingerprintSchema,
  previousTrustedAt: z.string().optional(),
  previousSource: z.string().optional(),
});
/** The parsed refusal payload the changed-key panel shows. */
export type HostKeyMismatch = z.infer<typeof hostKeyMismatchSchema>;

/** The mismatch payload of an error, or undefined when the error is something else. */
export function mismatchOf(error: AppErrorData | undefined): HostKeyMismatch | undefined {
  if (error?.code !== 'SSH_HOST_KEY_MISMATCH') return undefined;
  const parsed = hostKeyMismatchSchema.safeParse(error.details ?? {});
  return parsed.success ? parsed.data : undefined;
}

/** "12 March 2025, 14:03": when the old key was trusted, in the user's locale. */
export function formatTrustedAt(iso: string | undefined): string | undefined {
  if (iso === undefined) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toLocaleString(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
