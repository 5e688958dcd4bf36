import { create } from 'zustand';
import type { AppErrorData } from '../../../shared/ipc/errors';
import { compileLogFilter } from '../../../shared/logs/log-filter';
import type { ContainerSummary } from '../../../shared/schemas/container';
import type { LogLevel, LogsEvent, LogsTailInput } from '../../../shared/schemas/logs';
import { LogBuffer, timeKey } from '../features/logs/log-buffer';
import { attachedMark, detachedMark } from '../features/logs/log-marks';
import { aroundWindow, defaultRange, rangeFollows, rangeInput, type LogRange } from '../features/logs/log-range';
import { containersForTarget, shortContainerName } from '../features/logs/log-target';
import { allLevels, buildView, emptyView, updateView, type LevelSet, type LogView, type ViewFilter } from '../features/logs/log-view';
import { sourceColours } from '../features/logs/source-colours';
import { client } from './client-ref';
import { containersOf, useContainersStore } from './containers-store';
import { toErrorData } from './error-data';
import type { LogsTarget } from './navigation-store';

/** Lines the viewer keeps; older ones are dropped (and the list says so). */
export const LOG_CAPACITY = 100_000;

/** A selected container as the list labels it. */
export interface LogSource {
  id: string;
  name: string;
  /** Name without the compose project prefix: `api-1`. */
  short: string;
  service?: string;
  project?: string;
  /** Index into the stripe palette (see source-colours.ts). */
  colour: number;
}

/** The filter bar: text (plain or regex, case) and the level toggles. */
export interface LogsFilter {
  text: string;
  regex: boolean;
  caseSensitive: boolean;
  levels: LevelSet;
}

/**
 * `live`: lines stream in. `paused`: the user stopped following (lines kept). `complete`: a closed
 * window was read to its end. `ended`/`failed`: the stream stopped on its own (Retry resumes).
 */
export type LogsStatus = 'idle' | 'connecting' | 'live' | 'paused' | 'complete' | 'ended' | 'failed';

export interface LogsState {
  hostId: string | null;
  sources: LogSource[];
  range: LogRange;
  filter: LogsFilter;
  /** The filter text cannot be used (an invalid regex): said in words; the last valid filter stays applied. */
  filterError: string | null;
  status: LogsStatus;
  error: AppErrorData | null;
  view: LogView;
  /** Lines dropped because the buffer was full, since the last clear. */
  dropped: number;
  /** A jump that found nothing to show ("No container of proxy …"). */
  notice: string | null;
  wrap: boolean;
  timestamps: boolean;
  /** Match ranges of the current filter in a text, for highlighting. */
  highlight(text: string): Array<[number, number]>;
  /** The logs screen is on screen for this host: streams may run. Returns the detach (closes the stream). */
  attach(hostId: string): () => void;
  /** Replaces the selection (merged in time order when several). */
  select(containers: readonly ContainerSummary[]): void;
  toggleSource(container: ContainerSummary): void;
  setRange(range: LogRange): void;
  /** Pauses or resumes following; on a closed window it switches to the live tail. */
  toggleFollow(): void;
  setFilter(patch: Partial<Omit<LogsFilter, 'levels'>>): void;
  toggleLevel(level: LogLevel): void;
  /** Empties the list; the stream keeps running. */
  clear(): void;
  /** Re-opens a stream that ended or failed, continuing after the last line held. */
  retry(): void;
  /** Opens the logs a navigation target means (a role, a service, containers, a time). */
  openTarget(target: LogsTarget): Promise<void>;
  setWrap(on: boolean): void;
  setTimestamps(on: boolean): void;
}

const emptyFilter: LogsFilter = { text: '', regex: false, caseSensitive: false, levels: allLevels };

/**
 * Owns the `logs.tail` subscription and the buffer behind the list; components only select and
 * dispatch. One stream at a time: any change of host, selection or range closes the old one
 * before opening the next, and events of a closed stream are ignored by generation.
 */
export const useLogsStore = create<LogsState>()((set, get) => {
  const buffer = new LogBuffer(LOG_CAPACITY);
  let attached = false;
  let generation = 0;
  let cancel: (() => void) | null = null;
  /** Newest line key per container: where a resumed stream continues, and what it must not repeat. */
  const lastKey = new Map<string, string>();
  let floor = new Map<string, string>();
  const detached = new Set<string>();
  let viewFilter: ViewFilter = { matches: () => true, levels: allLevels };
  let ranges: (text: string) => Array<[number, number]> = () => [];

  const closeStream = (): void => {
    generation++;
    cancel?.();
    cancel = null;
  };

  const resetLines = (): void => {
    buffer.clear();
    lastKey.clear();
    floor = new Map();
    detached.clear();
    set({ view: emptyView, dropped: 0 });
  };

  const nameOf = (containerId: string, container: string): string =>
    get().sources.find((s) => s.id === containerId || s.name === container)?.short ?? container;

  const onEvents = (events: LogsEvent[]): void => {
    let view = get().view;
    let status = get().status;
    const following = rangeFollows(get().range);
    for (const event of events) {
      if (event.event === 'lines') {
        const fresh = floor.size === 0 ? event.lines : event.lines.filter((l) => timeKey(l.ts) > (floor.get(l.containerId) ?? ''));
        for (const line of fresh) {
          const key = timeKey(line.ts);
          if (key > (lastKey.get(line.containerId) ?? '')) lastKey.set(line.containerId, key);
        }
        if (fresh.length > 0) view = updateView(view, buffer.entries(), buffer.addLines(fresh), viewFilter);
        status = 'live';
        continue;
      }
      const name = nameOf(event.containerId, event.container);
      const mark =
        event.event === 'attached'
          ? attachedMark(name, detached.delete(event.containerId), new Date())
          : detachedMark(name, event, following, new Date());
      if (event.event === 'detached') detached.add(event.containerId);
      else status = 'live';
      if (mark !== null) view = updateView(view, buffer.entries(), buffer.addMark({ containerId: event.containerId, ...mark }), viewFilter);
    }
    set({ view, status, dropped: buffer.droppedTotal });
  };

  const openStream = (resume: boolean): void => {
    closeStream();
    const { hostId, sources, range } = get();
    if (!attached || hostId === null || sources.length === 0) return;
    if (!resume) resetLines();
    const input: LogsTailInput = {
      hostId,
      containerIds: sources.map((s) => s.id),
      ...rangeInput(range, Date.now(), LOG_CAPACITY / sources.length),
    };
    if (resume && lastKey.size > 0) {
      floor = new Map(lastKey);
      // Every container has lines: continue from the oldest of their last lines (doubles are dropped by `floor`).
      if (sources.every((s) => lastKey.has(s.id))) input.since = [...lastKey.values()].sort()[0];
    }
    const mine = ++generation;
    set({ status: 'connecting', error: null });
    cancel = client().subscribe('logs.tail', input, {
      onEvents: (events) => {
        if (mine === generation) onEvents(events);
      },
      onEnd: (error) => {
        if (mine !== generation) return;
        cancel = null;
        if (error === null) set({ status: rangeFollows(get().range) ? 'ended' : 'complete' });
        else set({ status: 'failed', error: toErrorData(error) });
      },
    });
  };

  const restart = (): void => {
    closeStream();
    resetLines();
    set({ status: 'idle', error: null });
    openStream(false);
  };

  const applyFilter = (filter: LogsFilter): void => {
    const compiled = compileLogFilter({ text: filter.text, regex: filter.regex, caseSensitive: filter.caseSensitive });
    if (!compiled.ok) {
      set({ filter, filterError: compiled.error });
      return;
    }
    viewFilter = { matches: (line) => compiled.test(line), levels: filter.levels };
    ranges = (text) => compiled.ranges(text, 64);
    set({ filter, filterError: null, view: buildView(buffer.entries(), viewFilter), highlight: (text) => ranges(text) });
  };

  return {
    hostId: null,
    sources: [],
    range: defaultRange,
    filter: emptyFilter,
    filterError: null,
    status: 'idle',
    error: null,
    view: emptyView,
    dropped: 0,
    notice: null,
    wrap: false,
    timestamps: true,
    highlight: () => [],
    attach(hostId) {
      if (get().hostId !== hostId) {
        closeStream();
        resetLines();
        set({ hostId, sources: [], range: defaultRange, status: 'idle', error: null, notice: null });
        applyFilter(emptyFilter);
      }
      attached = true;
      if (get().status === 'idle' || get().status === 'connecting' || get().status === 'live') openStream(buffer.size > 0);
      return () => {
        attached = false;
        closeStream();
        const { status } = get();
        if (status === 'connecting' || status === 'live') set({ status: 'idle' });
      };
    },
    select(containers) {
      set({ sources: toSources(containers), notice: null });
      restart();
    },
    toggleSource(container) {
      const current = get().sources;
      const next = current.some((s) => s.id === container.id) ? current.filter((s) => s.id !== container.id) : [...current, container];
      set({ sources: toSources(next), notice: null });
      restart();
    },
    setRange(range) {
      set({ range });
      restart();
    },
    toggleFollow() {
      const { range, status } = get();
      if (!rangeFollows(range)) {
        get().setRange(defaultRange);
        return;
      }
      if (status === 'live' || status === 'connecting') {
        closeStream();
        set({ status: 'paused' });
      } else openStream(buffer.size > 0);
    },
    setFilter(patch) {
      applyFilter({ ...get().filter, ...patch });
    },
    toggleLevel(level) {
      const { filter } = get();
      applyFilter({ ...filter, levels: { ...filter.levels, [level]: !filter.levels[level] } });
    },
    clear() {
      buffer.clear();
      set({ view: emptyView, dropped: 0 });
    },
    retry() {
      openStream(buffer.size > 0);
    },
    async openTarget(target) {
      // Always re-list: a recreated container (a fix applied, `compose up`) has a new id.
      await useContainersStore.getState().refresh(target.hostId);
      const { groups, error } = containersOf(useContainersStore.getState(), target.hostId);
      const ids = target.containerIds;
      const found =
        ids !== undefined
          ? groups.flatMap((g) => g.containers).filter((c) => ids.includes(c.id))
          : containersForTarget(groups, target.target ?? '', target.project);
      if (get().hostId !== target.hostId) {
        closeStream();
        resetLines();
        set({ hostId: target.hostId, sources: [], status: 'idle' });
      }
      if (found.length === 0) {
        closeStream();
        resetLines();
        const what = target.target ?? 'the chosen containers';
        set({
          sources: [],
          status: 'idle',
          notice:
            error !== null
              ? `The containers of this host could not be listed (${error.message}), so the logs of ${what} cannot be opened.`
              : `No container of ${what} runs on this host${target.project !== undefined ? ` in ${target.project}` : ''}. Pick containers on the left.`,
        });
        return;
      }
      const range = target.at !== undefined ? (aroundWindow(target.at, target.reason) ?? defaultRange) : defaultRange;
      set({ sources: toSources(found), range, notice: null });
      applyFilter(emptyFilter);
      restart();
    },
    setWrap: (wrap) => set({ wrap }),
    setTimestamps: (timestamps) => set({ timestamps }),
  };
});

/** Whether new lines are arriving or about to (what the Follow toggle shows as on). */
export function isFollowing(state: Pick<LogsState, 'status' | 'range'>): boolean {
  return rangeFollows(state.range) && (state.status === 'live' || state.status === 'connecting');
}

function sourceOf(c: Pick<ContainerSummary, 'id' | 'name' | 'service' | 'project'>): Omit<LogSource, 'colour'> {
  return {
    id: c.id,
    name: c.name,
    short: shortContainerName(c),
    ...(c.service !== undefined ? { service: c.service } : {}),
    ...(c.project !== undefined ? { project: c.project } : {}),
  };
}

/** Sources in picker order (project, then name), each with its stable stripe colour. */
function toSources(containers: readonly Pick<ContainerSummary, 'id' | 'name' | 'service' | 'project'>[]): LogSource[] {
  const unique = [...new Map(containers.map((c) => [c.id, sourceOf(c)])).values()];
  unique.sort((a, b) => (a.project ?? '\uffff').localeCompare(b.project ?? '\uffff') || a.name.localeCompare(b.name));
  const colours = sourceColours(unique.map((s) => ({ id: s.id, name: s.short })));
  return unique.map((s) => ({ ...s, colour: colours.get(s.id) ?? 0 }));
}
