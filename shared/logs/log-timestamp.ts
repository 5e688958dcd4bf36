/**
 * Timestamps of log lines. Docker writes RFC 3339 with nanoseconds (`2024-05-01T12:00:00.123456789Z`)
 * and its `since`/`until` are inclusive at that precision, so re-attaching and dropping doubles
 * needs exact comparison: a `Date` keeps only milliseconds. These helpers keep the nanoseconds.
 */

/** An instant as whole seconds since the epoch plus nanoseconds (both integers). */
export interface LogInstant {
  readonly seconds: number;
  readonly nanos: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;
/** Docker's own fixed-width form: these compare correctly as plain strings. */
const DOCKER_FIXED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

/** Parses an RFC 3339 / ISO 8601 timestamp with an offset; undefined when it is not one. */
export function parseLogInstant(ts: string): LogInstant | undefined {
  const m = RFC3339.exec(ts);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  let offsetSeconds = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetSeconds = sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
  }
  return { seconds: ms / 1000 - offsetSeconds, nanos: Number(fraction.padEnd(9, '0')) };
}

/** True when `ts` is a timestamp Hangar can order and resume from. */
export function isLogTimestamp(ts: string): boolean {
  return parseLogInstant(ts) !== undefined;
}

/**
 * Orders two timestamps exactly (negative, 0, positive). Unparseable values sort first, so a
 * garbled line never jumps ahead of real ones. Docker's fixed-width form takes a string fast path.
 */
export function compareLogTimestamps(a: string, b: string): number {
  if (a.length === 30 && b.length === 30 && DOCKER_FIXED.test(a) && DOCKER_FIXED.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = parseLogInstant(a);
  const y = parseLogInstant(b);
  if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1;
  return x.seconds !== y.seconds ? x.seconds - y.seconds : x.nanos - y.nanos;
}

/**
 * The `since`/`until` query value the Docker API wants: `<unix seconds>.<nanoseconds>` (it refuses
 * RFC 3339 there). Undefined when `ts` is not a timestamp.
 */
export function toDockerTime(ts: string): string | undefined {
  const instant = parseLogInstant(ts);
  if (instant === undefined) return undefined;
  return `${instant.seconds}.${String(instant.nanos).padStart(9, '0')}`;
}

/** Milliseconds since the epoch (nanoseconds dropped), for clocks and timers. */
export function logTimestampMs(ts: string): number | undefined {
  const instant = parseLogInstant(ts);
  return instant === undefined ? undefined : instant.seconds * 1000 + Math.floor(instant.nanos / 1e6);
}

/** `HH:MM:SS.mmm` of a line, in local time unless `utc`; the raw text when it is not a timestamp. */
export function formatLogClock(ts: string, options: { utc?: boolean } = {}): string {
  const ms = logTimestampMs(ts);
  if (ms === undefined) return ts;
  const date = new Date(ms);
  const parts = options.utc
    ? [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getHours(), date.getMinutes(), date.getSeconds()];
  const millis = options.utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  return `${parts.map((p) => String(p).padStart(2, '0')).join(':')}.${String(millis).padStart(3, '0')}`;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A user's time: a duration back from `now` (`90s`, `10m`, `2h`, `1h30m`, `7d`, as `docker logs
 * --since` takes them) or an ISO 8601 instant with an offset. Returns the canonical form (see
 * formatLogInstant) or undefined when it is neither.
 */
export function parseTimeSpec(spec: string, now: Date): string | undefined {
  const trimmed = spec.trim();
  if (/^(\d+(ms|s|m|h|d|w))+$/.test(trimmed)) {
    let total = 0;
    for (const [, count, unit] of trimmed.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) total += Number(count) * (UNIT_MS[unit ?? ''] ?? 0);
    const at = now.getTime() - total;
    const seconds = Math.floor(at / 1000);
    return formatLogInstant({ seconds, nanos: (at - seconds * 1000) * 1e6 });
  }
  const instant = parseLogInstant(trimmed);
  return instant === undefined ? undefined : formatLogInstant(instant);
}

/** The canonical form, `YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ`: Docker's own, and accepted by the contract's ISO checks. */
export function formatLogInstant(instant: LogInstant): string {
  return `${new Date(instant.seconds * 1000).toISOString().slice(0, 19)}.${String(instant.nanos).padStart(9, '0')}Z`;
}
