import { randomUUID } from 'node:crypto';
import type { PendingPrompt, PromptAnswer, PromptEvent } from '../../../shared/ipc/contracts/connections';
import { AppError } from '../../../shared/ipc/errors';
import { createEventHub } from '../events/event-hub';

type PromptType = PendingPrompt['type'];
type PromptOf<T extends PromptType> = Extract<PendingPrompt, { type: T }>['prompt'];
type AnswerOf<T extends PromptType> = Extract<PromptAnswer, { type: T }>['answer'];

/**
 * Questions a service needs a person to answer (trust this host key? the passphrase?). The
 * service awaits `ask`; every open window sees the question on `prompts.watch`; the first
 * answer wins. Unanswered questions time out, so a connect never hangs on a closed window.
 */
export interface PromptBroker {
  ask<T extends PromptType>(type: T, prompt: PromptOf<T>, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<AnswerOf<T>>;
  answer(answer: PromptAnswer): boolean;
  watch(signal: AbortSignal): AsyncIterable<PromptEvent>;
  pending(): PendingPrompt[];
}

interface Waiting {
  pending: PendingPrompt;
  resolve: (answer: unknown) => void;
  reject: (error: AppError) => void;
}

export function createPromptBroker(defaultTimeoutMs = 5 * 60_000): PromptBroker {
  const waiting = new Map<string, Waiting>();
  const hub = createEventHub<PromptEvent>(() => [...waiting.values()].map((w) => ({ event: 'ask' as const, pending: w.pending })));

  const settle = (promptId: string): Waiting | undefined => {
    const entry = waiting.get(promptId);
    if (entry === undefined) return undefined;
    waiting.delete(promptId);
    hub.publish({ event: 'settled', promptId });
    return entry;
  };

  return {
    ask(type, prompt, options = {}) {
      const promptId = randomUUID();
      const pending = { type, promptId, prompt } as PendingPrompt;
      return new Promise((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
        const timer = setTimeout(() => {
          settle(promptId)?.reject(new AppError('TIMEOUT', 'Nobody answered the question in time, so the connection was abandoned. Connect again.'));
        }, timeoutMs);
        const onAbort = (): void => {
          settle(promptId)?.reject(new AppError('CANCELLED', 'The connection attempt was cancelled.'));
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const cleanup = (): void => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        };
        waiting.set(promptId, {
          pending,
          resolve: (answer) => {
            cleanup();
            (resolve as (value: unknown) => void)(answer);
          },
          reject: (error) => {
            cleanup();
            reject(error);
          },
        });
        hub.publish({ event: 'ask', pending });
        if (options.signal?.aborted === true) onAbort();
      });
    },
    answer(answer) {
      const entry = waiting.get(answer.promptId);
      if (entry === undefined || entry.pending.type !== answer.type) return false;
      settle(answer.promptId)?.resolve(answer.answer);
      return true;
    },
    watch: (signal) => hub.subscribe(signal),
    pending: () => [...waiting.values()].map((w) => w.pending),
  };
}
