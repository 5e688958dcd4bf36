import type { HostConfig } from '../../../../shared/schemas/host';
import { EmptyState } from '../../components/EmptyState';

/** The env editor of the host's Plane deployments (issue 5). */
export function EnvView({ host }: { host: HostConfig }) {
  return <EmptyState icon="layers" title="Environment">{`Plane deployments on ${host.name} and their env files.`}</EmptyState>;
}
