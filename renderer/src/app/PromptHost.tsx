import { useHostsStore } from '../stores/hosts-store';
import { usePromptsStore } from '../stores/prompts-store';
import { HostKeyDialog } from '../features/host-key/HostKeyDialog';
import { AuthPromptDialog } from '../features/passphrase/AuthPromptDialog';
import { PassphraseDialog } from '../features/passphrase/PassphraseDialog';

/**
 * Shows the oldest question main is waiting on, one at a time. Keyed by prompt id so a follow-up
 * question (attempt 2 of 3) mounts a fresh dialog with empty fields.
 */
export function PromptHost() {
  const head = usePromptsStore((s) => s.queue[0]);
  const hosts = useHostsStore((s) => s.hosts);
  if (head === undefined) return null;
  const hostName = hosts.find((h) => h.id === head.prompt.hostId)?.name ?? 'the server';
  switch (head.type) {
    case 'host-key':
      return <HostKeyDialog key={head.promptId} promptId={head.promptId} prompt={head.prompt} hostName={hostName} />;
    case 'passphrase':
      return <PassphraseDialog key={head.promptId} promptId={head.promptId} prompt={head.prompt} hostName={hostName} />;
    case 'auth':
      return <AuthPromptDialog key={head.promptId} promptId={head.promptId} prompt={head.prompt} hostName={hostName} />;
  }
}
