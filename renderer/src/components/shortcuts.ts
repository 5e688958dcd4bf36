import { useEffect, useRef } from 'react';

/** True on macOS, where the command key plays the role of Ctrl in shortcuts. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** `mod+n`, `r`, `shift+d`: lower-case keys joined by `+`; `mod` is ⌘ on macOS, Ctrl elsewhere. */
export type Shortcut = string;

function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const parts = shortcut.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const wantMod = parts.includes('mod');
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  return event.key.toLowerCase() === key && mod === wantMod && event.shiftKey === parts.includes('shift') && !event.altKey;
}

function typingInField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target === null) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Binds a window-level shortcut while the component is mounted. Plain-letter shortcuts are
 * ignored while the user types in a field or a modal is open, so "r" in a form types an "r".
 */
export function useShortcut(shortcut: Shortcut, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!matches(event, shortcut)) return;
      const plain = !shortcut.toLowerCase().includes('mod');
      if (plain && (typingInField(event) || document.querySelector('dialog[open]') !== null)) return;
      event.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut, enabled]);
}
