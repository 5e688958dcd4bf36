import { useState } from 'react';
import type { SshHostConfig } from '../../../../shared/schemas/host';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useShortcut } from '../../components/shortcuts';
import { openHost } from '../../stores/boot';
import { useHostsStore } from '../../stores/hosts-store';
import { useUiStore } from '../../stores/ui-store';
import { EditHostDialog } from './EditHostDialog';
import { ImportSshConfigDialog } from './ImportSshConfigDialog';
import { ThemeToggle } from './ThemeToggle';
import { HostListItem } from './HostListItem';

/**
 * The left column: every saved host with its live connection state. "This computer" always
 * comes first (main guarantees it), so the list is never truly empty; the hint below it says
 * how to add a server when it is the only one.
 */
export function HostSidebar() {
  const hosts = useHostsStore((s) => s.hosts);
  const loaded = useHostsStore((s) => s.loaded);
  const selectedId = useHostsStore((s) => s.selectedId);
  const openAddHost = useUiStore((s) => s.openAddHost);
  const [editing, setEditing] = useState<SshHostConfig | null>(null);
  const [importing, setImporting] = useState(false);
  useShortcut('mod+n', openAddHost);
  useShortcut('mod+arrowdown', () => step(1));
  useShortcut('mod+arrowup', () => step(-1));

  function step(delta: number) {
    if (hosts.length === 0) return;
    const index = hosts.findIndex((h) => h.id === selectedId);
    const next = hosts[(index + delta + hosts.length) % hosts.length];
    if (next) openHost(next.id);
  }

  const remoteCount = hosts.filter((h) => h.kind === 'ssh').length;
  return (
    <nav className="sidebar" aria-label="Hosts">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="layers" size={15} />
        </span>
        <span className="brand-name">Hangar</span>
        <ThemeToggle />
      </div>
      <div className="sidebar-section">
        <span className="sidebar-section-title">Hosts</span>
        <button type="button" className="btn btn-ghost btn-icon" onClick={openAddHost} aria-label="Add host" title="Add host">
          <Icon name="plus" />
        </button>
      </div>
      <ul className="host-list" aria-busy={!loaded}>
        {!loaded && <li className="host-skeleton" aria-hidden="true" />}
        {hosts.map((host) => (
          <HostListItem
            key={host.id}
            host={host}
            selected={host.id === selectedId}
            onOpen={() => openHost(host.id)}
            onEdit={host.kind === 'ssh' ? () => setEditing(host) : undefined}
          />
        ))}
      </ul>
      {loaded && remoteCount === 0 && <p className="sidebar-hint">Add the server that runs Plane to manage its containers over SSH.</p>}
      <div className="sidebar-footer">
        <button type="button" className="btn btn-ghost sidebar-add" style={{ marginBottom: 6 }} onClick={() => setImporting(true)}>
          <Icon name="terminal" size={14} />
          Import from ~/.ssh/config
        </button>
        <button type="button" className="btn sidebar-add" onClick={openAddHost}>
          <Icon name="plus" size={14} />
          Add host
          <span className="sidebar-add-keys">
            <Kbd keys={['mod', 'N']} />
          </span>
        </button>
      </div>
      {editing && <EditHostDialog key={editing.id} host={editing} onClose={() => setEditing(null)} />}
      {importing && <ImportSshConfigDialog onClose={() => setImporting(false)} />}
    </nav>
  );
}
