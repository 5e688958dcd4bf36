import type { LogLevel, LogLine } from '../schemas/logs';
import { compareLogTimestamps, isLogTimestamp } from './log-timestamp';

/**
 * What the user asked to see. The CLI (`--grep`, `--level`, `--since`) and the renderer's filter
 * bar both compile this one spec, so "matches" means the same thing everywhere.
 */
export interface LogFilterSpec {
  /** Text to find; empty or omitted = every line. */
  text?: string;
  /**
   * `true`: `text` is a JavaScript regular expression source (flags from `caseSensitive`).
   * `false`: `text` is literal, even if it looks like `/…/`.
   * Omitted: `/source/flags` is a regular expression with exactly those flags (grep-like: `/err/`
   * is case-sensitive, `/err/i` is not); anything else is literal.
   */
  regex?: boolean;
  /** Literal text and `regex: true` match ignoring case unless this is true (default false). */
  caseSensitive?: boolean;
  /** Levels to keep; omitted or empty = all levels. `unknown` must be listed to keep undetected lines. */
  levels?: readonly LogLevel[];
  /** Inclusive bounds (ISO 8601 / Docker timestamps), compared at nanosecond precision. */
  since?: string;
  until?: string;
}

/** The part of a line a filter reads. */
export type LogFilterLine = Pick<LogLine, 'text' | 'level' | 'ts'>;

/** A compiled filter, or a sentence saying what is wrong with the spec (shown under the input). */
export type CompiledLogFilter =
  | {
      ok: true;
      /** True when the line passes every condition. */
      test(line: LogFilterLine): boolean;
      /** Where the text condition matches in `text` ([start, end) pairs, at most `limit`), for highlighting. */
      ranges(text: string, limit?: number): Array<[number, number]>;
      /** False when the spec has no condition at all (every line passes). */
      active: boolean;
    }
  | { ok: false; error: string };

/** Flags are limited to real ones so a path like `/api/users` stays literal text. */
const SLASH_FORM = /^\/(.+)\/([dgimsuvy]*)$/s;
const ALLOWED_FLAGS = new Set(['i', 'm', 's', 'u', 'g']);

/** `/source/flags` → its parts; undefined when `text` is not written that way. */
export function parseSlashRegex(text: string): { source: string; flags: string } | undefined {
  const m = SLASH_FORM.exec(text);
  return m === null ? undefined : { source: m[1] ?? '', flags: m[2] ?? '' };
}

/** Compiles a spec once; `test` is then cheap enough to run on every line of a 100k-line buffer. */
export function compileLogFilter(spec: LogFilterSpec): CompiledLogFilter {
  const text = spec.text ?? '';
  const matcher = text === '' ? undefined : compileMatcher(text, spec);
  if (typeof matcher === 'string') return { ok: false, error: matcher };
  for (const [name, value] of [['start', spec.since], ['end', spec.until]] as const) {
    if (value !== undefined && !isLogTimestamp(value))
      return { ok: false, error: `The ${name} time "${value}" is not a date and time with a zone, e.g. 2024-05-01T12:00:00Z.` };
  }
  if (spec.since !== undefined && spec.until !== undefined && compareLogTimestamps(spec.since, spec.until) > 0)
    return { ok: false, error: 'The start time is after the end time: swap them or widen the range.' };
  const levels = spec.levels !== undefined && spec.levels.length > 0 ? new Set(spec.levels) : undefined;
  const { since, until } = spec;
  return {
    ok: true,
    active: matcher !== undefined || levels !== undefined || since !== undefined || until !== undefined,
    test(line) {
      if (levels !== undefined && !levels.has(line.level)) return false;
      if (since !== undefined && compareLogTimestamps(line.ts, since) < 0) return false;
      if (until !== undefined && compareLogTimestamps(line.ts, until) > 0) return false;
      return matcher === undefined || matcher.test(line.text);
    },
    ranges: (value, limit = 100) => (matcher === undefined ? [] : matcher.ranges(value, limit)),
  };
}

interface Matcher {
  test(text: string): boolean;
  ranges(text: string, limit: number): Array<[number, number]>;
}

function compileMatcher(text: string, spec: LogFilterSpec): Matcher | string {
  const slash = spec.regex === undefined ? parseSlashRegex(text) : undefined;
  if (spec.regex === true || slash !== undefined) {
    const source = slash?.source ?? text;
    const flags = slash?.flags ?? (spec.caseSensitive === true ? '' : 'i');
    const unknown = [...flags].filter((f) => !ALLOWED_FLAGS.has(f));
    if (unknown.length > 0) return `The regular expression flag "${unknown.join('')}" is not supported here: use i (ignore case), m, s or u.`;
    let regex: RegExp;
    try {
      regex = new RegExp(source, [...new Set(flags.replace('g', ''))].join(''));
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
      return `The regular expression /${source}/ is not valid (${reason}). Fix it, or switch regular expressions off to search for the text as written.`;
    }
    const global = new RegExp(regex.source, `${regex.flags}g`);
    return { test: (value) => regex.test(value), ranges: (value, limit) => regexRanges(global, value, limit) };
  }
  const needle = spec.caseSensitive === true ? text : text.toLowerCase();
  const fold = spec.caseSensitive === true ? (v: string) => v : (v: string) => v.toLowerCase();
  return {
    test: (value) => fold(value).includes(needle),
    ranges(value, limit) {
      const haystack = fold(value);
      const out: Array<[number, number]> = [];
      for (let at = haystack.indexOf(needle); at !== -1 && out.length < limit; at = haystack.indexOf(needle, at + needle.length))
        out.push([at, at + needle.length]);
      return out;
    },
  };
}

function regexRanges(global: RegExp, value: string, limit: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  global.lastIndex = 0;
  for (let m = global.exec(value); m !== null && out.length < limit; m = global.exec(value)) {
    if (m[0].length === 0) {
      global.lastIndex += 1; // an empty match (e.g. /x*/) would loop forever
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
