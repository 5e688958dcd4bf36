import { useEffect } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { useShortcut } from '../../components/shortcuts';
import { checksOf, useProbesStore } from '../../stores/probes-store';
import { ChecksInputs } from './ChecksInputs';
import { ChecksSummary } from './ChecksSummary';
import { FindingGroups } from './FindingGroups';

/**
 * Checks of the host's Plane deployment from this machine (issue 6): the inputs, prefilled from
 * the deployment's env, one "Check deployment" action (Ctrl/⌘+Enter, also from inside a field),
 * and the findings by section. The previous report stays while a new run is in flight, so the
 * page does not jump.
 */
export function ChecksView({ host }: { host: HostConfig }) {
  const checks = useProbesStore((s) => checksOf(s, host.id));
  const prefill = useProbesStore((s) => s.prefill);
  const run = useProbesStore((s) => s.run);
  const needsPrefill = checks.source === null && !checks.prefilling && checks.prefillError === null;

  useEffect(() => {
    if (needsPrefill) void prefill(host.id);
  }, [host.id, needsPrefill, prefill]);
  useShortcut('mod+enter', () => void run(host.id));

  return (
    <div className="checks" data-testid="checks-view">
      <div className="checks-scroll">
        <ChecksInputs host={host} checks={checks} />
        {checks.runError && (
          <div className="banner banner-bad" role="alert" data-testid="checks-error">
            <strong>{describeError(checks.runError).what}</strong> {describeError(checks.runError).next}
          </div>
        )}
        <ChecksSummary report={checks.report} running={checks.running} />
        {checks.report ? (
          <FindingGroups hostId={host.id} report={checks.report} />
        ) : (
          <EmptyState icon="shield" title="See the deployment the way a browser does">
            Hangar requests the site from this computer — routes, CORS, cookies, WebSocket, TLS — and explains each answer with the setting
            to change. Press <Kbd keys={['mod', 'Enter']} /> to run the checks.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
