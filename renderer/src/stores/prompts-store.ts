import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { PendingPrompt, PromptAnswer } from '../../../shared/ipc/contracts/connections';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** Questions main is waiting on (host key, passphrase, keyboard-interactive), oldest first. */
export interface PromptsState {
  queue: PendingPrompt[];
  /** The prompt whose answer is being sent, so its buttons disable instead of double-sending. */
  answering: string | null;
  answerError: AppErrorData | null;
  watch(): () => void;
  answer(answer: PromptAnswer): Promise<void>;
}

const RESUBSCRIBE_MS = 1000;

/**
 * Only the head of the queue is shown; a `settled` event (timeout, cancelled connect) removes a
 * prompt wherever it is, so a dialog never lingers for a question nobody is asking any more.
 */
export const usePromptsStore = create<PromptsState>()((set, get) => ({
  queue: [],
  answering: null,
  answerError: null,
  watch() {
    let stopped = false;
    let cancel: () => void = () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = (): void => {
      cancel = client().subscribe(
        'prompts.watch',
        {},
        {
          onEvents(events) {
            let queue = get().queue;
            for (const event of events) {
              queue =
                event.event === 'ask'
                  ? [...queue.filter((p) => p.promptId !== event.pending.promptId), event.pending]
                  : queue.filter((p) => p.promptId !== event.promptId);
            }
            set({ queue });
          },
          onEnd: () => {
            if (!stopped) timer = setTimeout(open, RESUBSCRIBE_MS);
          },
        },
      );
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      cancel();
    };
  },
  async answer(answer) {
    set({ answering: answer.promptId, answerError: null });
    try {
      await client().call('prompts.answer', answer);
      set({ queue: get().queue.filter((p) => p.promptId !== answer.promptId) });
    } catch (error) {
      set({ answerError: toErrorData(error) });
    } finally {
      set({ answering: null });
    }
  },
}));
