import { z } from 'zod';

/**
 * Log lines as Hangar streams them from `docker logs`. The daemon and the applications writing the
 * lines are untrusted: text arrives sanitised (control characters and ANSI escapes removed,
 * invalid UTF-8 replaced, very long lines cut with `truncated: true`), so the renderer can show it
 * as plain text.
 */

/** Detected from the line's own text (JSON `level`, logfmt `level=`, `[ERROR]`, `WARNING:`, …); `unknown` when nothing says. */
export const logLevelSchema = z.enum(['error', 'warn', 'info', 'debug', 'unknown']);
export type LogLevel = z.infer<typeof logLevelSchema>;

export const logLineSchema = z.object({
  containerId: z.string().min(1),
  /** Container name without the leading '/', e.g. `plane-app-api-1`. */
  container: z.string(),
  /** Compose service (`api`, `plane-api`) when the container has compose labels. */
  service: z.string().optional(),
  stream: z.enum(['stdout', 'stderr']),
  /** Docker's RFC 3339 timestamp with nanoseconds, kept verbatim: re-attaching uses it as `since` and to drop doubles. */
  ts: z.string(),
  text: z.string(),
  level: logLevelSchema,
  truncated: z.boolean().optional(),
});
export type LogLine = z.infer<typeof logLineSchema>;

/** Which containers, which window of time, follow or not. */
export const logsTailInputSchema = z.object({
  hostId: z.string().min(1),
  /** Container ids (or names); several are merged in time order. */
  containerIds: z.array(z.string().min(1).max(128)).min(1).max(40),
  /** Lines from this instant on (ISO 8601). */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Lines up to this instant (ISO 8601); with `until`, following stops there. */
  until: z.iso.datetime({ offset: true }).optional(),
  /** Last N lines per container before following (default 500). */
  tail: z.number().int().min(0).max(100_000).optional(),
  /** Keep streaming new lines (default true); re-attaches when a container restarts. */
  follow: z.boolean().optional(),
});
export type LogsTailInput = z.infer<typeof logsTailInputSchema>;

/**
 * Events of one `logs.tail` subscription. `lines` carries lines in time order per container;
 * `attached`/`detached` tell the viewer when a container's stream starts, stops (exited,
 * restarting, removed) and resumes, so a gap is visible instead of silent.
 */
export const logsEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('lines'), lines: z.array(logLineSchema) }),
  z.object({ event: z.literal('attached'), containerId: z.string(), container: z.string(), since: z.string().optional() }),
  z.object({
    event: z.literal('detached'),
    containerId: z.string(),
    container: z.string(),
    reason: z.enum(['exited', 'restarting', 'removed', 'error', 'ended']),
    message: z.string().optional(),
  }),
]);
export type LogsEvent = z.infer<typeof logsEventSchema>;
