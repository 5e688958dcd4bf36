import { AppError } from '../../shared/ipc/errors';
import { createPromptBroker, type PromptBroker } from '../services/prompts/prompt-broker';

/**
 * The CLI has nobody to ask: an unknown host key is refused with its fingerprint (trust it in the
 * app, or pass --known-hosts), and passphrase/keyboard-interactive questions fail with the way
 * out (ssh-agent). Never a silent accept, never a hang.
 */
export function createCliPrompts(): PromptBroker {
  const base = createPromptBroker();
  return {
    ...base,
    async ask(type, prompt) {
      if (type === 'host-key' && 'fingerprint' in prompt) {
        throw new AppError(
          'SSH_HOST_KEY_UNKNOWN',
          `${prompt.hostLabel} presented an unknown ${prompt.algorithm} key ${prompt.fingerprint}. Compare it with \`ssh-keygen -lf /etc/ssh/ssh_host_${prompt.algorithm.replace(/^ssh-/, '')}_key.pub\` on the server, then trust it in the app or pass --known-hosts FILE.`,
          { fingerprint: prompt.fingerprint, hostLabel: prompt.hostLabel },
        );
      }
      if (type === 'passphrase') {
        throw new AppError('SSH_PASSPHRASE_REQUIRED', 'The key is encrypted and the command line cannot ask for its passphrase. Add the key to ssh-agent (ssh-add) and try again.');
      }
      throw new AppError('SSH_AUTH_FAILED', 'The server asked for interactive authentication, which the command line cannot answer. Use a key or ssh-agent.');
    },
  };
}
