import { z } from 'zod';
import { isAppError, type AppErrorData } from '../../../shared/ipc/errors';
import type { Deployment, DeploymentService } from '../../../shared/schemas/deployment';
import type { Finding } from '../../../shared/schemas/env';
import type { BackupEntry, DiffHunk, EnvLoadResult, EnvPreviewResult, EnvSaveResult, KeyChange } from '../../../shared/schemas/env-edit';
import { create } from 'zustand';
import { buildChanges, type FieldEdit } from '../features/env/env-edits';
import { client } from './client-ref';
import { toErrorData } from './error-data';

/** ENV_CONFLICT's details as the service sends them (parsed: details cross IPC as unknown). */
export const conflictSchema = z.object({
  file: z.string(),
  path: z.string(),
  base: z.string().optional(),
  mine: z.string().optional(),
  theirs: z.string(),
  changedOnServer: z.array(z.string()).default([]),
});
export type EnvConflict = z.infer<typeof conflictSchema>;

/** `env.apply`'s progress: the command, its output, then the containers' states. */
export interface ApplyRun {
  services: string[];
  running: boolean;
  argv: string[];
  lines: string[];
  done: { ok: boolean; exitCode: number | null; services: DeploymentService[]; message: string } | null;
  error: AppErrorData | null;
}

/** History: backups per file, and the diff of the two versions picked. */
export interface HistoryState {
  files: { name: string; path: string; backups: BackupEntry[] }[] | null;
  loading: boolean;
  error: AppErrorData | null;
  diff: { file: string; a: string; b: string; hunks: DiffHunk[]; changedKeys: KeyChange[] } | null;
  diffLoading: boolean;
}

/** Everything the env screen shows for one host. */
export interface EnvSession {
  deployments: Deployment[] | null;
  listing: boolean;
  listError: AppErrorData | null;
  project: string | null;
  data: EnvLoadResult | null;
  loading: boolean;
  loadError: AppErrorData | null;
  edits: Record<string, FieldEdit>;
  rawTexts: Record<string, string>;
  /** Secrets the user asked to see, by field id; dropped on reload and save. */
  revealed: Record<string, string>;
  /** Findings with the pending edits applied (env.preview), null while there are none. */
  liveFindings: Finding[] | null;
  review: { preview: EnvPreviewResult | null; loading: boolean; saving: boolean; error: AppErrorData | null } | null;
  conflict: EnvConflict | null;
  saved: EnvSaveResult | null;
  apply: ApplyRun | null;
  history: HistoryState;
}

const EMPTY_HISTORY: HistoryState = { files: null, loading: false, error: null, diff: null, diffLoading: false };
const EMPTY: EnvSession = {
  deployments: null,
  listing: false,
  listError: null,
  project: null,
  data: null,
  loading: false,
  loadError: null,
  edits: {},
  rawTexts: {},
  revealed: {},
  liveFindings: null,
  review: null,
  conflict: null,
  saved: null,
  apply: null,
  history: EMPTY_HISTORY,
};
const MAX_LINES = 2000;

export interface EnvState {
  byHost: Record<string, EnvSession>;
  /** Lists the host's Plane deployments and opens the first one when none is chosen yet. */
  listDeployments(hostId: string): Promise<void>;
  select(hostId: string, project: string): Promise<void>;
  /** Re-reads the files (fresh etags, masked values); pending edits are kept unless `discard`. */
  reload(hostId: string, options?: { discard?: boolean }): Promise<void>;
  setEdit(hostId: string, fieldId: string, edit: FieldEdit | undefined): void;
  setRawText(hostId: string, file: string, text: string | undefined): void;
  discardEdits(hostId: string): void;
  reveal(hostId: string, fieldId: string, file: string, key: string): Promise<void>;
  hide(hostId: string, fieldId: string): void;
  /** Opens the save dialog with the service's diff of exactly what would change. */
  review(hostId: string): Promise<void>;
  closeReview(hostId: string): void;
  /** The safe save against the etags as loaded; ENV_CONFLICT opens the three-way view. */
  save(hostId: string, acknowledgeDokploy?: boolean): Promise<void>;
  /** After a conflict: reload the file, keeping the form edits (raw text edits of that file are dropped) or dropping all. */
  resolveConflict(hostId: string, choice: 'keep-mine' | 'take-theirs' | 'cancel'): Promise<void>;
  apply(hostId: string, services: string[]): void;
  dismissSaved(hostId: string): void;
  loadHistory(hostId: string): Promise<void>;
  diffVersions(hostId: string, file: string, a: string, b: string): Promise<void>;
  restore(hostId: string, file: string, backup: string): Promise<void>;
}

const findingTimers = new Map<string, ReturnType<typeof setTimeout>>();
const applyCancels = new Map<string, () => void>();

/** Owns every env.* call of the editor; components read `byHost[hostId]` and dispatch. */
export const useEnvStore = create<EnvState>()((set, get) => {
  const session = (hostId: string): EnvSession => get().byHost[hostId] ?? EMPTY;
  const patch = (hostId: string, change: Partial<EnvSession>): void =>
    set({ byHost: { ...get().byHost, [hostId]: { ...session(hostId), ...change } } });
  const ref = (hostId: string): { hostId: string; project: string } => {
    const project = session(hostId).project;
    if (project === null) throw new Error('No deployment is selected.');
    return { hostId, project };
  };
  const etags = (hostId: string): Record<string, string> =>
    Object.fromEntries((session(hostId).data?.files ?? []).map((f) => [f.name, f.etag]));

  /** Findings of the edited files, a moment after the user stops typing (the rules run in main, on the real values). */
  const scheduleFindings = (hostId: string): void => {
    clearTimeout(findingTimers.get(hostId));
    const s = session(hostId);
    const changes = buildChanges(s.edits, s.rawTexts);
    if (changes.length === 0 || s.project === null) {
      patch(hostId, { liveFindings: null });
      return;
    }
    findingTimers.set(
      hostId,
      setTimeout(() => {
        if (session(hostId).project === null) return;
        const input = { ...ref(hostId), changes };
        Promise.resolve()
          .then(() => client().call('env.preview', input))
          .then(
            (preview) => {
              // Only if the edits are still the ones previewed.
              if (JSON.stringify(buildChanges(session(hostId).edits, session(hostId).rawTexts)) === JSON.stringify(changes))
                patch(hostId, { liveFindings: preview.findings });
            },
            () => undefined,
          );
      }, 500),
    );
  };

  return {
    byHost: {},
    async listDeployments(hostId) {
      patch(hostId, { listing: true });
      try {
        const { deployments } = await client().call('deployments.list', { hostId });
        patch(hostId, { deployments, listing: false, listError: null });
        const current = session(hostId).project;
        const first = deployments[0];
        if ((current === null || !deployments.some((d) => d.project === current)) && first !== undefined)
          await get().select(hostId, first.project);
      } catch (error) {
        patch(hostId, { listing: false, listError: toErrorData(error) });
      }
    },
    async select(hostId, project) {
      const keep = session(hostId);
      patch(hostId, { ...EMPTY, deployments: keep.deployments, listError: keep.listError, project });
      await get().reload(hostId, { discard: true });
    },
    async reload(hostId, options = {}) {
      patch(hostId, { loading: true, ...(options.discard ? { edits: {}, rawTexts: {}, liveFindings: null } : {}), revealed: {} });
      try {
        const data = await client().call('env.load', ref(hostId));
        patch(hostId, { data, loading: false, loadError: null });
        scheduleFindings(hostId);
      } catch (error) {
        patch(hostId, { loading: false, loadError: toErrorData(error) });
      }
    },
    setEdit(hostId, fieldId, edit) {
      const edits = { ...session(hostId).edits };
      if (edit === undefined) delete edits[fieldId];
      else edits[fieldId] = edit;
      patch(hostId, { edits });
      scheduleFindings(hostId);
    },
    setRawText(hostId, file, text) {
      const rawTexts = { ...session(hostId).rawTexts };
      if (text === undefined) delete rawTexts[file];
      else rawTexts[file] = text;
      patch(hostId, { rawTexts });
      scheduleFindings(hostId);
    },
    discardEdits(hostId) {
      patch(hostId, { edits: {}, rawTexts: {}, liveFindings: null });
    },
    async reveal(hostId, fieldId, file, key) {
      try {
        const { value } = await client().call('env.revealSecret', { ...ref(hostId), file, key });
        patch(hostId, { revealed: { ...session(hostId).revealed, [fieldId]: value } });
      } catch (error) {
        patch(hostId, { loadError: toErrorData(error) });
      }
    },
    hide(hostId, fieldId) {
      const revealed = { ...session(hostId).revealed };
      delete revealed[fieldId];
      patch(hostId, { revealed });
    },
    async review(hostId) {
      const s = session(hostId);
      const changes = buildChanges(s.edits, s.rawTexts);
      if (changes.length === 0) return;
      patch(hostId, { review: { preview: null, loading: true, saving: false, error: null } });
      try {
        const preview = await client().call('env.preview', { ...ref(hostId), changes });
        if (session(hostId).review !== null)
          patch(hostId, { review: { preview, loading: false, saving: false, error: null }, liveFindings: preview.findings });
      } catch (error) {
        if (session(hostId).review !== null)
          patch(hostId, { review: { preview: null, loading: false, saving: false, error: toErrorData(error) } });
      }
    },
    closeReview(hostId) {
      patch(hostId, { review: null });
    },
    async save(hostId, acknowledgeDokploy) {
      const s = session(hostId);
      const review = s.review;
      if (review === null || review.saving) return;
      patch(hostId, { review: { ...review, saving: true, error: null } });
      try {
        const input = {
          ...ref(hostId),
          changes: buildChanges(s.edits, s.rawTexts),
          expectedEtags: etags(hostId),
          ...(acknowledgeDokploy ? { acknowledgeDokploy } : {}),
        };
        const saved = await client().call('env.save', input);
        patch(hostId, { review: null, saved, apply: null, edits: {}, rawTexts: {}, liveFindings: null, history: EMPTY_HISTORY });
        await get().reload(hostId);
      } catch (error) {
        const conflict = isAppError(error, 'ENV_CONFLICT') ? conflictSchema.safeParse(error.details) : null;
        if (conflict?.success) patch(hostId, { review: null, conflict: conflict.data });
        else patch(hostId, { review: { ...review, saving: false, error: toErrorData(error) } });
      }
    },
    async resolveConflict(hostId, choice) {
      const conflict = session(hostId).conflict;
      patch(hostId, { conflict: null });
      if (choice === 'cancel' || conflict === null) return;
      if (choice === 'keep-mine') {
        const rawTexts = { ...session(hostId).rawTexts };
        delete rawTexts[conflict.file];
        patch(hostId, { rawTexts });
      }
      await get().reload(hostId, { discard: choice === 'take-theirs' });
    },
    apply(hostId, services) {
      applyCancels.get(hostId)?.();
      const run: ApplyRun = { services, running: true, argv: [], lines: [], done: null, error: null };
      patch(hostId, { apply: run });
      const update = (change: Partial<ApplyRun>) => {
        const current = session(hostId).apply;
        if (current !== null) patch(hostId, { apply: { ...current, ...change } });
      };
      const cancel = client().subscribe(
        'env.apply',
        { ...ref(hostId), services },
        {
          onEvents(events) {
            const current = session(hostId).apply;
            if (current === null) return;
            let { argv, lines, done } = current;
            for (const event of events) {
              if (event.type === 'start') argv = event.argv;
              else if (event.type === 'line') lines = [...lines, event.line];
              else done = { ok: event.ok, exitCode: event.exitCode, services: event.services, message: event.message };
            }
            update({ argv, lines: lines.slice(-MAX_LINES), done });
          },
          onEnd(error) {
            applyCancels.delete(hostId);
            update({ running: false, error: error === null ? null : error.toData() });
          },
        },
      );
      applyCancels.set(hostId, cancel);
    },
    dismissSaved(hostId) {
      applyCancels.get(hostId)?.();
      patch(hostId, { saved: null, apply: null });
    },
    async loadHistory(hostId) {
      patch(hostId, { history: { ...session(hostId).history, loading: true } });
      try {
        const { files } = await client().call('env.history', ref(hostId));
        patch(hostId, { history: { ...session(hostId).history, files, loading: false, error: null } });
      } catch (error) {
        patch(hostId, { history: { ...session(hostId).history, loading: false, error: toErrorData(error) } });
      }
    },
    async diffVersions(hostId, file, a, b) {
      patch(hostId, { history: { ...session(hostId).history, diffLoading: true } });
      try {
        const result = await client().call('env.diffBackups', { ...ref(hostId), file, a, b });
        patch(hostId, { history: { ...session(hostId).history, diff: { file, a, b, ...result }, diffLoading: false, error: null } });
      } catch (error) {
        patch(hostId, { history: { ...session(hostId).history, diffLoading: false, error: toErrorData(error) } });
      }
    },
    async restore(hostId, file, backup) {
      const expectedEtag = etags(hostId)[file];
      if (expectedEtag === undefined) return;
      const dokploy = session(hostId).data?.deployment.dokployManaged === true;
      try {
        const saved = await client().call('env.restore', {
          ...ref(hostId),
          file,
          backup,
          expectedEtag,
          ...(dokploy ? { acknowledgeDokploy: true } : {}),
        });
        patch(hostId, { saved, apply: null, history: EMPTY_HISTORY, edits: {}, rawTexts: {}, liveFindings: null });
        await get().reload(hostId);
        await get().loadHistory(hostId);
      } catch (error) {
        const conflict = isAppError(error, 'ENV_CONFLICT') ? conflictSchema.safeParse(error.details) : null;
        if (conflict?.success) patch(hostId, { conflict: conflict.data });
        else patch(hostId, { history: { ...session(hostId).history, error: toErrorData(error) } });
      }
    },
  };
});

/** A host's env session, or the empty one before its first visit. */
export function envOf(state: EnvState, hostId: string): EnvSession {
  return state.byHost[hostId] ?? EMPTY;
}
