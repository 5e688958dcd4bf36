import { create } from 'zustand';

/** `system` follows prefers-color-scheme; the others pin a theme. */
export type ThemePreference = 'system' | 'light' | 'dark';

const KEY = 'hangar.theme';
const ORDER: ThemePreference[] = ['system', 'light', 'dark'];

/** The user's theme choice, persisted in localStorage under `hangar.theme`. */
export interface ThemeState {
  preference: ThemePreference;
  /** Cycles system → light → dark, persists, and applies it to <html data-theme>. */
  cycle(): void;
  set(preference: ThemePreference): void;
}

function read(): ThemePreference {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Writes the attribute the CSS keys on. With `system` the attribute is removed and the
 * stylesheet's `color-scheme: light dark` lets the OS decide, so an OS switch needs no JS.
 */
export function applyTheme(preference: ThemePreference): void {
  const root = document.documentElement;
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}

/** Read once at start (main.tsx applies it before the first paint), then changed by the toggle. */
export const useThemeStore = create<ThemeState>()((set, get) => ({
  preference: read(),
  cycle() {
    const next = ORDER[(ORDER.indexOf(get().preference) + 1) % ORDER.length] ?? 'system';
    get().set(next);
  },
  set(preference) {
    try {
      localStorage.setItem(KEY, preference);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this window only.
    }
    applyTheme(preference);
    set({ preference });
  },
}));
