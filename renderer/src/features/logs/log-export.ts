import type { LogEntry } from './log-buffer';

/**
 * The filtered view as a `.log` file: one line per shown log line, `<RFC 3339 ts> <container>
 * <text>`, in the viewer's merged order. Timestamps stay Docker's own (UTC, nanoseconds) so the
 * file sorts and greps like `docker logs -t`; marks (stream stopped/resumed) are left out, so the
 * file holds exactly the lines the user saw and nothing Hangar wrote.
 */
export function exportText(rows: readonly LogEntry[]): string {
  let out = '';
  for (const row of rows) {
    if (row.kind !== 'line') continue;
    out += `${row.line.ts} ${row.line.container} ${row.line.text}\n`;
  }
  return out;
}

/**
 * `lab-server_api-1+worker-1_2025-01-31T12-05-09.log`: host, sources and the moment of export,
 * with nothing a file system could refuse (no slashes, colons or spaces).
 */
export function exportFileName(hostName: string, sources: readonly string[], now: Date): string {
  const what = sources.length === 0 ? 'logs' : sources.length <= 3 ? sources.join('+') : `${sources.length}-containers`;
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${safe(hostName)}_${safe(what)}_${stamp}.log`;
}

function safe(part: string): string {
  return (
    part
      .replace(/[^A-Za-z0-9._+-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'logs'
  );
}
