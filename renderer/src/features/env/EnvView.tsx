import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { describeError } from '../../bridge/error-text';
import { EmptyState } from '../../components/EmptyState';
import { Kbd } from '../../components/Kbd';
import { useShortcut } from '../../components/shortcuts';
import { envOf, useEnvStore } from '../../stores/env-store';
import { errorContextOf } from '../hosts/host-label';
import { ApplyPanel } from './ApplyPanel';
import { ConflictDialog } from './ConflictDialog';
import { DeploymentBar } from './DeploymentBar';
import { EnvForm, EnvFormSkeleton } from './EnvForm';
import { buildChanges } from './env-edits';
import { buildFields } from './env-fields';
import { FindingsList } from './FindingsList';
import { HistoryView } from './HistoryView';
import { RawView } from './RawView';
import { ReviewDialog } from './ReviewDialog';
import { validateValue } from './field-validation';
import { useEnvFocus } from './use-env-focus';
import '../../styles/env.css';

type Mode = 'form' | 'raw' | 'history';

/**
 * The env editor of a host's Plane deployments (issue 5): pick a deployment, edit its files as a
 * form or as text, see the rules' findings, save through a diff, then apply. Ctrl/⌘+S opens the
 * save dialog. The page keeps its frame while data loads (skeletons in the form's geometry).
 */
export function EnvView({ host }: { host: HostConfig }) {
  const s = useEnvStore((state) => envOf(state, host.id));
  const listDeployments = useEnvStore((state) => state.listDeployments);
  const review = useEnvStore((state) => state.review);
  const discard = useEnvStore((state) => state.discardEdits);
  const [mode, setMode] = useState<Mode>('form');
  const showForm = useCallback(() => setMode('form'), []);

  useEffect(() => {
    if (s.deployments === null && !s.listing) void listDeployments(host.id);
    // Once per host visit: later refreshes are the user's (the deployment picker's button).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host.id]);

  const fields = useMemo(() => (s.data === null ? [] : buildFields(s.data)), [s.data]);
  useEnvFocus(host.id, mode === 'form' && fields.length > 0, showForm);
  const changes = buildChanges(s.edits, s.rawTexts);
  const invalid = Object.entries(s.edits).filter(([id, edit]) => {
    const field = fields.find((f) => f.id === id);
    return edit.value !== null && validateValue(field?.spec, edit.value) !== null;
  }).length;
  const dirty = changes.length > 0;
  const canSave = dirty && invalid === 0 && s.review === null;
  useShortcut('mod+s', () => {
    if (canSave) void review(host.id);
  });

  const findings = s.liveFindings ?? s.data?.findings ?? [];
  const ctx = errorContextOf(host);

  return (
    <div className="env" data-testid="env-view">
      <div className="env-toolbar">
        <DeploymentBar host={host} session={s} />
        <div className="segmented env-modes" role="tablist" aria-label="Editor view">
          {(['form', 'raw', 'history'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'segment segment-on' : 'segment'}
              onClick={() => setMode(m)}
            >
              {m === 'form' ? 'Form' : m === 'raw' ? 'Text' : 'History'}
            </button>
          ))}
        </div>
        <span className="env-dirty" aria-live="polite">
          {dirty ? `${changes.length} unsaved ${changes.length === 1 ? 'change' : 'changes'}` : ''}
        </span>
        <button type="button" className="btn btn-ghost" disabled={!dirty} onClick={() => discard(host.id)}>
          Discard
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canSave}
          title={invalid > 0 ? 'Fix the highlighted values first' : 'Review and save (Ctrl/⌘+S)'}
          onClick={() => void review(host.id)}
        >
          Save…
          <Kbd keys={['mod', 'S']} />
        </button>
      </div>
      {s.listError && (
        <div className="banner banner-bad" role="alert">
          <strong>{describeError(s.listError, ctx).what}</strong> {describeError(s.listError, ctx).next}
        </div>
      )}
      {s.loadError && (
        <div className="banner banner-bad" role="alert" data-testid="env-error">
          <strong>{describeError(s.loadError, ctx).what}</strong> {describeError(s.loadError, ctx).next}
        </div>
      )}
      {s.deployments !== null && s.deployments.length === 0 && (
        <EmptyState icon="layers" title="No Plane deployment on this host">
          Hangar finds Plane by the labels Docker Compose puts on its containers. Start Plane with <code>docker compose up -d</code> in its
          folder, then refresh.
        </EmptyState>
      )}
      {s.project !== null && (
        <div className="env-body">
          <div className="env-main">
            {s.data?.deployment.dokployManaged && (
              <div className="banner banner-warn" role="note" data-testid="dokploy-warning">
                <strong>Dokploy regenerates these files on every deploy.</strong>{' '}
                {s.data.deployment.editElsewhere ??
                  'Edit the environment in Dokploy’s Environment tab for this compose app; changes saved here are temporary.'}
              </div>
            )}
            {s.saved && <ApplyPanel host={host} session={s} />}
            {mode === 'form' && (s.data === null ? <EnvFormSkeleton /> : <EnvForm host={host} session={s} fields={fields} />)}
            {mode === 'raw' && s.data !== null && <RawView host={host} session={s} fields={fields} />}
            {mode === 'history' && s.data !== null && <HistoryView host={host} session={s} />}
            {mode !== 'form' && s.data === null && <EnvFormSkeleton />}
          </div>
          <aside className="env-aside" aria-label="Findings">
            <FindingsList findings={findings} loading={s.data === null} pending={dirty && s.liveFindings === null} />
          </aside>
        </div>
      )}
      {s.review && <ReviewDialog host={host} session={s} />}
      {s.conflict && <ConflictDialog host={host} conflict={s.conflict} />}
    </div>
  );
}
