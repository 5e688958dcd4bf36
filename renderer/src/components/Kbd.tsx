import { isMac } from './shortcuts';

/** A key hint; `mod` renders as ⌘ on macOS and Ctrl elsewhere, matching what the shortcut listens for. */
export function Kbd({ keys }: { keys: string[] }) {
  return (
    <span className="kbd-group" aria-hidden="true">
      {keys.map((key) => (
        <kbd key={key} className="kbd">
          {key === 'mod' ? (isMac() ? '⌘' : 'Ctrl') : key}
        </kbd>
      ))}
    </span>
  );
}
