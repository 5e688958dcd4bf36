import type { HostConfig } from '../../../../shared/schemas/host';
import { EmptyState } from '../../components/EmptyState';

/** The deployment's architecture, live. (Being built.) */
export function ArchitectureView({ host }: { host: HostConfig }) {
  return <EmptyState icon="server" title="Overview">The architecture of {host.name} will appear here.</EmptyState>;
}
