import { useShortcut } from '../components/shortcuts';
import { useUiStore, type HostView } from '../stores/ui-store';

const tabs: { view: HostView; label: string; key: string }[] = [
  { view: 'containers', label: 'Containers', key: '1' },
  { view: 'env', label: 'Environment', key: '2' },
  { view: 'checks', label: 'Checks', key: '3' },
];

/**
 * The views of a connected host, as a segmented control in the header (no extra row, so the
 * layout does not move when a host connects). Ctrl/⌘+1, 2, 3 switch views.
 */
export function HostTabs() {
  const view = useUiStore((s) => s.hostView);
  const setView = useUiStore((s) => s.setHostView);
  useShortcut('mod+1', () => setView('containers'));
  useShortcut('mod+2', () => setView('env'));
  useShortcut('mod+3', () => setView('checks'));
  return (
    <nav className="host-tabs" role="tablist" aria-label="Host views">
      {tabs.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          className={view === tab.view ? 'host-tab host-tab-active' : 'host-tab'}
          title={`${tab.label} (Ctrl/⌘+${tab.key})`}
          onClick={() => setView(tab.view)}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}
