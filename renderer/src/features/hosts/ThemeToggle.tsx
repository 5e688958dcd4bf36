import { Icon } from '../../components/Icon';
import { useThemeStore, type ThemePreference } from '../../stores/theme-store';

const labels: Record<ThemePreference, { icon: 'monitor' | 'sun' | 'moon'; text: string }> = {
  system: { icon: 'monitor', text: 'Theme: follow the system' },
  light: { icon: 'sun', text: 'Theme: light' },
  dark: { icon: 'moon', text: 'Theme: dark' },
};

/** Cycles system → light → dark; the icon shows the current choice. */
export function ThemeToggle() {
  const preference = useThemeStore((s) => s.preference);
  const cycle = useThemeStore((s) => s.cycle);
  const { icon, text } = labels[preference];
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon theme-toggle"
      onClick={cycle}
      aria-label={text}
      title={text}
      data-theme-preference={preference}
    >
      <Icon name={icon} size={15} />
    </button>
  );
}
