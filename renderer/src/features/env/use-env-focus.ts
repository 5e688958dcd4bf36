import { useEffect } from 'react';
import { useNavigationStore } from '../../stores/navigation-store';

/**
 * Consumes "open the env form at key X" (set by the Checks screen's fix button): once the form
 * for this host has rendered its fields, scrolls the key's field into view, focuses its input,
 * and clears the target so a later visit does not jump again.
 */
export function useEnvFocus(hostId: string, formReady: boolean, showForm: () => void): void {
  const target = useNavigationStore((s) => s.focusEnvKey);
  const clear = useNavigationStore((s) => s.clearEnvFocus);
  useEffect(() => {
    if (target === null || target.hostId !== hostId) return;
    showForm();
    if (!formReady) return;
    const frame = requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>(`[data-testid="env-field"][data-key="${CSS.escape(target.key)}"]`);
      field?.scrollIntoView({ block: 'center' });
      field?.querySelector<HTMLElement>('input, textarea, select')?.focus();
      clear();
    });
    return () => cancelAnimationFrame(frame);
  }, [target, hostId, formReady, showForm, clear]);
}
