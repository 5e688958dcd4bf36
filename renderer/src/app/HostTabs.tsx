import { useShortcut } from '../components/shortcuts';
import { useUiStore, type HostView } from '../stores/ui-store';

const tabs: { view: HostView; label: string; key: string }[] = [
  { view: 'architecture', label: 'Overview', key: '1' },
  { view: 'containers', label: 'Containers', key: '2' },
  { view: 'logs', label: 'Logs', key: '3' },
  { view: 'env', label: 'Environment', key: '4' },
  { view: 'checks', label: 'Checks', key: '5' },
];

/**
 * The views of a connected host, as a segmented control in the header (no extra row, so the
 * layout does not move when a host connects). Ctrl/⌘+1…5 switch views.
 */
export function HostTabs() {
  const view = useUiStore((s) => s.hostView);
  const setView = useUiStore((s) => s.setHostView);
  useShortcut('mod+1', () => setView('architecture'));
  useShortcut('mod+2', () => setView('containers'));
  useShortcut('mod+3', () => setView('logs'));
  useShortcut('mod+4', () => setView('env'));
  useShortcut('mod+5', () => setView('checks'));
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
