import type { HostConfig } from '../../../../shared/schemas/host';
import { EmptyState } from '../../components/EmptyState';

/** Logs of one or many containers. (Being built.) */
export function LogsView({ host }: { host: HostConfig }) {
  return <EmptyState icon="server" title="Logs">Logs of {host.name} will appear here.</EmptyState>;
}
