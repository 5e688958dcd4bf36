import type { ProbeFinding } from '../../../../shared/schemas/probe';
import { Icon } from '../../components/Icon';
import { useNavigationStore } from '../../stores/navigation-store';
import { checksOf, useProbesStore } from '../../stores/probes-store';
import { EvidenceView } from './EvidenceView';

/**
 * What a finding means and what to do: the explanation, the exact error the browser console
 * shows (so users can match it with what they saw), the fix with a jump to the env key or the
 * service, and the raw evidence. "Show logs of <service>" opens that service's logs at the time
 * of the check (the window around the report's start), in the deployment the checks read.
 */
export function FindingDetails({ id, hostId, finding }: { id: string; hostId: string; finding: ProbeFinding }) {
  const openEnvAt = useNavigationStore((s) => s.openEnvAt);
  const openServiceLogs = useNavigationStore((s) => s.openServiceLogs);
  const checkedAt = useProbesStore((s) => checksOf(s, hostId).report?.startedAt);
  const project = useProbesStore((s) => checksOf(s, hostId).source?.project ?? undefined);
  const { fix } = finding;
  const showLogs = (service: string): void =>
    openServiceLogs(hostId, service, {
      ...(checkedAt !== undefined ? { at: checkedAt, reason: 'the check' } : {}),
      ...(project !== undefined ? { project } : {}),
    });
  return (
    <div className="probe-finding-body" id={id} data-testid="finding-details">
      <p className="probe-finding-explanation" data-testid="finding-explanation">
        {finding.explanation}
      </p>
      {finding.browserError && (
        <div className="probe-finding-block">
          <span className="probe-finding-label">The browser console shows</span>
          <code className="probe-finding-browser-error" data-testid="finding-browser-error">
            {finding.browserError}
          </code>
        </div>
      )}
      {fix && (
        <div className="probe-finding-fix" data-testid="finding-fix">
          <span className="probe-finding-label">Fix</span>
          <p className="probe-finding-fix-text">{fix.text}</p>
          {(fix.envKey || fix.proxySetting) && (
            <p className="probe-finding-fix-where">
              {fix.envKey && (
                <>
                  <code>{fix.envKey}</code>
                  {fix.envFile && (
                    <>
                      {' '}
                      in <code>{fix.envFile}</code>
                    </>
                  )}
                </>
              )}
              {fix.envKey && fix.proxySetting && ' · '}
              {fix.proxySetting && <>Proxy: {fix.proxySetting}</>}
            </p>
          )}
          {(fix.envKey || fix.service) && (
            <div className="probe-finding-actions">
              {fix.envKey && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => openEnvAt({ hostId, key: fix.envKey ?? '', ...(fix.envFile ? { file: fix.envFile } : {}) })}
                >
                  <Icon name="key" size={13} />
                  Open in Environment
                </button>
              )}
              {fix.service && (
                <button
                  type="button"
                  className="btn"
                  onClick={() => showLogs(fix.service ?? '')}
                  title={checkedAt ? 'Opens the logs from 5 minutes before the check to 1 minute after' : undefined}
                >
                  <Icon name="terminal" size={13} />
                  Show logs of {fix.service}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {finding.evidence && <EvidenceView evidence={finding.evidence} />}
    </div>
  );
}
