import { useId, type ReactNode } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { probeLayoutSchema, type ProbeLayout } from '../../../../shared/schemas/probe';
import { describeError } from '../../bridge/error-text';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useProbesStore, type HostChecks } from '../../stores/probes-store';
import type { ChecksField, ChecksForm } from './checks-form';
import { ExpectedValues } from './ExpectedValues';
import { ResolveOverrides } from './ResolveOverrides';

const layoutLabels: Record<ProbeLayout, string> = { community: 'Community', split: 'Split', dokploy: 'Dokploy' };

/**
 * The target of the checks: URLs prefilled from the deployment and editable, "resolve host → IP"
 * overrides, and the one action. Messages sit under the field they concern.
 */
export function ChecksInputs({ host, checks }: { host: HostConfig; checks: HostChecks }) {
  const editForm = useProbesStore((s) => s.editForm);
  const prefill = useProbesStore((s) => s.prefill);
  const run = useProbesStore((s) => s.run);
  const id = useId();
  const { form, formErrors, source } = checks;
  const edit = (patch: Partial<ChecksForm>) => editForm(host.id, patch);

  const field = (name: 'webUrl' | 'apiUrl' | 'liveUrl', label: ReactNode, placeholder: string, hint?: string) => {
    const error = formErrors[name as ChecksField];
    return (
      <div className="field">
        <label className="field-label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        <input
          id={`${id}-${name}`}
          className="input mono"
          value={form[name]}
          placeholder={placeholder}
          onChange={(e) => edit({ [name]: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${name}-note`}
          spellCheck={false}
          autoComplete="off"
        />
        {error ? (
          <span className="field-error" id={`${id}-${name}-note`} role="alert">
            {error}
          </span>
        ) : (
          <span className="field-hint" id={`${id}-${name}-note`}>
            {hint ?? '\u00a0'}
          </span>
        )}
      </div>
    );
  };

  const web = form.webUrl.trim().replace(/\/+$/, '') || 'https://plane.example.com';
  return (
    <section className="checks-card" aria-label="What to check">
      <header className="checks-card-header">
        <span className="checks-source" data-testid="checks-source">
          {checks.prefilling ? (
            'Reading the deployment’s env…'
          ) : source?.project ? (
            <>
              From <strong>{source.project}</strong> on {host.name}
            </>
          ) : (
            'Typed by you'
          )}
        </span>
        {source && source.projects.length > 1 && (
          <select
            className="input checks-select"
            aria-label="Deployment"
            value={source.project ?? ''}
            onChange={(e) => void prefill(host.id, e.target.value)}
          >
            {source.projects.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => void prefill(host.id, source?.project ?? undefined)}
          disabled={checks.prefilling}
          title="Read WEB_URL, CORS_ALLOWED_ORIGINS… again from the server"
        >
          <Icon name="refresh" size={13} className={checks.prefilling ? 'spin' : undefined} />
          Reload from server
        </button>
      </header>
      {checks.prefillError && (
        <div className="banner banner-warn" role="status">
          Could not read the deployment: {describeError(checks.prefillError).what} Type the URLs to check.
        </div>
      )}
      {source && source.notes.length > 0 && (
        <ul className="checks-notes" data-testid="checks-notes">
          {source.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="checks-fields">
        {field(
          'webUrl',
          <>
            Web URL <code>WEB_URL</code>
          </>,
          'https://plane.example.com',
          'The address users open in the browser.',
        )}
        {field(
          'apiUrl',
          'API URL',
          web,
          form.layout === 'split' ? 'The API’s own origin (VITE_API_BASE_URL).' : 'Empty: same origin as the web URL.',
        )}
        {field('liveUrl', 'Live URL', `${web}/live`, 'Empty: the web URL + /live.')}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-layout`}>
            Layout
          </label>
          <select
            id={`${id}-layout`}
            className="input"
            value={form.layout}
            onChange={(e) => edit({ layout: probeLayoutSchema.parse(e.target.value) })}
          >
            {probeLayoutSchema.options.map((layout) => (
              <option key={layout} value={layout}>
                {layoutLabels[layout]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ResolveOverrides rows={form.resolve} errors={formErrors} onChange={(resolve) => edit({ resolve })} />
      <footer className="checks-card-footer">
        <ExpectedValues expected={form.expected} />
        <button type="button" className="btn btn-primary" onClick={() => void run(host.id)} disabled={checks.running}>
          <Icon name="shield" size={14} />
          {checks.running ? 'Checking…' : 'Check deployment'}
          <Kbd keys={['mod', 'Enter']} />
        </button>
      </footer>
    </section>
  );
}
