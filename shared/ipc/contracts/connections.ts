import { z } from 'zod';
import { rpc, stream } from '../define';
import {
  authPromptAnswerSchema,
  authPromptSchema,
  connectionStateSchema,
  hostKeyAnswerSchema,
  hostKeyPromptSchema,
  passphraseAnswerSchema,
  passphrasePromptSchema,
  sha256FingerprintSchema,
} from '../../schemas/connection';

const hostIdInput = z.object({ hostId: z.string().min(1) });

/**
 * A question a connection attempt is waiting on. Main asks, the window answers through
 * `prompts.answer`; the connect call stays pending meanwhile (and times out if nobody answers).
 */
export const pendingPromptSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('host-key'), promptId: z.string(), prompt: hostKeyPromptSchema }),
  z.object({ type: z.literal('passphrase'), promptId: z.string(), prompt: passphrasePromptSchema }),
  z.object({ type: z.literal('auth'), promptId: z.string(), prompt: authPromptSchema }),
]);
export type PendingPrompt = z.infer<typeof pendingPromptSchema>;

export const promptAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('host-key'), promptId: z.string(), answer: hostKeyAnswerSchema }),
  z.object({ type: z.literal('passphrase'), promptId: z.string(), answer: passphraseAnswerSchema }),
  z.object({ type: z.literal('auth'), promptId: z.string(), answer: authPromptAnswerSchema }),
]);
export type PromptAnswer = z.infer<typeof promptAnswerSchema>;

/** Prompt stream events: a new question, or one that was settled elsewhere (timeout, cancel). */
export const promptEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ask'), pending: pendingPromptSchema }),
  z.object({ event: z.literal('settled'), promptId: z.string() }),
]);
export type PromptEvent = z.infer<typeof promptEventSchema>;

/** Connecting, the state stream of every host, and the questions a connection may ask. */
export const connectionsContract = {
  'connections.connect': rpc(hostIdInput, connectionStateSchema),
  'connections.disconnect': rpc(hostIdInput, connectionStateSchema),
  'connections.watch': stream(z.object({}), connectionStateSchema),
  'prompts.watch': stream(z.object({}), promptEventSchema),
  'prompts.answer': rpc(promptAnswerSchema, z.object({ accepted: z.boolean() })),
  /** The fingerprint the user confirmed in the refusal dialog; it must equal the refused key's. */
  'hostKeys.replace': rpc(z.object({ hostId: z.string().min(1), fingerprint: sha256FingerprintSchema }), z.object({ replaced: z.boolean() })),
};
