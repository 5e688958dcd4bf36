import type { HostConfig } from '../../../../shared/schemas/host';
import { EmptyState } from '../../components/EmptyState';

/** Checks of the host's Plane deployment from this machine (issue 6). */
export function ChecksView({ host }: { host: HostConfig }) {
  return <EmptyState icon="shield" title="Checks">{`Check how a browser sees the Plane deployment on ${host.name}.`}</EmptyState>;
}
