import { z } from 'zod';
import { appErrorDataSchema } from '../ipc/errors';

/** Lifecycle of one host's SSH connection, as the host list shows it. */
export const connectionStatusSchema = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'failed']);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/**
 * One state change. `retryInMs` is set while reconnecting (the UI counts down "reconnecting in N s");
 * `error` carries why the last attempt failed, so "failed" is never shown without a reason.
 */
export const connectionStateSchema = z.object({
  hostId: z.string(),
  state: connectionStatusSchema,
  retryInMs: z.number().int().nonnegative().optional(),
  attempt: z.number().int().nonnegative().optional(),
  error: appErrorDataSchema.optional(),
  /** ISO timestamp of when this state began. */
  since: z.string(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** `SHA256:` followed by unpadded base64, exactly as `ssh-keygen -lf` prints it. */
export const sha256FingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);

/**
 * Asked of the user when a host presents a key Hangar cannot verify. `changed` is never asked as
 * a question by the session (it is a hard stop); it is the payload of the refusal and of the
 * deliberate "replace key" action.
 */
export const hostKeyPromptSchema = z.object({
  hostId: z.string(),
  /** `host` or `[host]:port`, as known_hosts names it (a ProxyJump hop has its own). */
  hostLabel: z.string(),
  algorithm: z.string(),
  fingerprint: sha256FingerprintSchema,
  kind: z.enum(['unknown', 'changed']),
  previousFingerprint: sha256FingerprintSchema.optional(),
  previousTrustedAt: z.string().optional(),
  /** Where the old key was recorded, e.g. "~/.ssh/known_hosts line 12" or "Hangar". */
  previousSource: z.string().optional(),
});
export type HostKeyPrompt = z.infer<typeof hostKeyPromptSchema>;

export const hostKeyAnswerSchema = z.enum(['trust', 'reject']);
export type HostKeyAnswer = z.infer<typeof hostKeyAnswerSchema>;

/** The passphrase dialog. The answer goes to main only; the renderer never gets a passphrase back. */
export const passphrasePromptSchema = z.object({
  hostId: z.string(),
  keyPath: z.string(),
  attempt: z.number().int().min(1),
  maxAttempts: z.number().int().min(1),
  /** False when the OS keychain is unavailable: the UI then hides "remember". */
  canRemember: z.boolean(),
});
export type PassphrasePrompt = z.infer<typeof passphrasePromptSchema>;

export const passphraseAnswerSchema = z.object({ passphrase: z.string(), remember: z.boolean() }).nullable();
export type PassphraseAnswer = z.infer<typeof passphraseAnswerSchema>;

/** Keyboard-interactive (and password) prompts, shown as the server words them. */
export const authPromptSchema = z.object({
  hostId: z.string(),
  name: z.string(),
  instructions: z.string(),
  prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
});
export type AuthPrompt = z.infer<typeof authPromptSchema>;

/** One answer per prompt, or null when the user cancelled. */
export const authPromptAnswerSchema = z.array(z.string()).nullable();
export type AuthPromptAnswer = z.infer<typeof authPromptAnswerSchema>;
