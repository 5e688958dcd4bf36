import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import type { ProbeReport, ProbeService, ProbeStatus } from '../../../shared/schemas/probe';
import { emptyChecksForm, formFromDraft, parseChecksForm, type ChecksForm, type ChecksFormErrors } from '../features/probes/checks-form';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** Where the form's starting values came from (a deployment), and what could not be read. */
export interface ChecksSource {
  project: string | null;
  projects: string[];
  notes: string[];
}

/** One host's Checks screen: the form, the last report, and what is in flight. */
export interface HostChecks {
  form: ChecksForm;
  formErrors: ChecksFormErrors;
  /** The user changed the form: a later prefill must not overwrite what they typed. */
  edited: boolean;
  source: ChecksSource | null;
  prefilling: boolean;
  prefillError: AppErrorData | null;
  running: boolean;
  report: ProbeReport | null;
  runError: AppErrorData | null;
}

export interface ProbesState {
  byHost: Record<string, HostChecks>;
  /** Reads the deployment's values (`probes.inputFor`); `project` picks another deployment and replaces the form. */
  prefill(hostId: string, project?: string): Promise<void>;
  editForm(hostId: string, patch: Partial<ChecksForm>): void;
  /** Validates the form and runs every check; the previous report stays on screen until the new one arrives. */
  run(hostId: string): Promise<void>;
}

const EMPTY: HostChecks = {
  form: emptyChecksForm,
  formErrors: {},
  edited: false,
  source: null,
  prefilling: false,
  prefillError: null,
  running: false,
  report: null,
  runError: null,
};

/** Owns `probes.inputFor` and `probes.run`; a second run while one is in flight is ignored. */
export const useProbesStore = create<ProbesState>()((set, get) => {
  const patch = (hostId: string, change: Partial<HostChecks>): void =>
    set({ byHost: { ...get().byHost, [hostId]: { ...checksOf(get(), hostId), ...change } } });

  return {
    byHost: {},
    async prefill(hostId, project) {
      if (checksOf(get(), hostId).prefilling) return;
      patch(hostId, { prefilling: true, prefillError: null });
      try {
        const result = await client().call('probes.inputFor', project === undefined ? { hostId } : { hostId, project });
        const current = checksOf(get(), hostId);
        const replace = project !== undefined || !current.edited;
        patch(hostId, {
          prefilling: false,
          source: { project: result.project, projects: result.projects, notes: result.notes },
          ...(replace ? { form: formFromDraft(result.draft), formErrors: {}, edited: false } : {}),
        });
      } catch (error) {
        patch(hostId, { prefilling: false, prefillError: toErrorData(error) });
      }
    },
    editForm(hostId, change) {
      const current = checksOf(get(), hostId);
      const cleared = { ...current.formErrors };
      for (const key of Object.keys(change)) {
        if (key === 'resolve')
          for (const k of Object.keys(cleared)) if (k.startsWith('resolve.')) delete cleared[k as keyof ChecksFormErrors];
        delete cleared[key as keyof ChecksFormErrors];
      }
      patch(hostId, { form: { ...current.form, ...change }, formErrors: cleared, edited: true });
    },
    async run(hostId) {
      const current = checksOf(get(), hostId);
      if (current.running) return;
      const parsed = parseChecksForm(current.form);
      if ('errors' in parsed) {
        patch(hostId, { formErrors: parsed.errors });
        return;
      }
      patch(hostId, { running: true, runError: null, formErrors: {} });
      try {
        const report = await client().call('probes.run', parsed.input);
        patch(hostId, { running: false, report });
      } catch (error) {
        patch(hostId, { running: false, runError: toErrorData(error) });
      }
    },
  };
});

/** A host's Checks state, or the blank one before anything happened. */
export function checksOf(state: ProbesState, hostId: string): HostChecks {
  return state.byHost[hostId] ?? EMPTY;
}

const severity: Record<ProbeStatus, number> = { skip: 0, pass: 1, warn: 2, fail: 3 };

/**
 * The worst status per Plane service in a report, for the architecture view's edges: one failed
 * check makes the edge red even when others to the same service passed. Services no finding
 * names are absent (unknown), never "pass".
 */
export function serviceStatuses(report: ProbeReport | null): Partial<Record<ProbeService, ProbeStatus>> {
  const out: Partial<Record<ProbeService, ProbeStatus>> = {};
  for (const finding of report?.findings ?? []) {
    const service = finding.service ?? finding.fix?.service;
    if (service === undefined) continue;
    const before = out[service];
    if (before === undefined || severity[finding.status] > severity[before]) out[service] = finding.status;
  }
  return out;
}

const statusCache = new WeakMap<ProbeReport, Partial<Record<ProbeService, ProbeStatus>>>();
const NONE: Partial<Record<ProbeService, ProbeStatus>> = {};

/**
 * Selector form of {@link serviceStatuses} for one host's last report. Memoised per report, so
 * `useProbesStore(selectServiceStatuses(id))` returns the same object until a new report lands
 * (a fresh object on every call would re-render forever).
 */
export function selectServiceStatuses(hostId: string): (state: ProbesState) => Partial<Record<ProbeService, ProbeStatus>> {
  return (state) => {
    const report = checksOf(state, hostId).report;
    if (report === null) return NONE;
    let statuses = statusCache.get(report);
    if (statuses === undefined) {
      statuses = serviceStatuses(report);
      statusCache.set(report, statuses);
    }
    return statuses;
  };
}
