import type { EnvDiagnostic, EnvLine, LineEnding } from './env-document';

/** One physical line of the file: its text without terminator, and the terminator. */
export interface PhysicalLine {
  readonly content: string;
  readonly eol: LineEnding;
}

/** A later statement for a key already set: Compose keeps the last, the user should keep one. */
export function duplicateDiagnostics(lines: readonly EnvLine[]): EnvDiagnostic[] {
  const firstSeen = new Map<string, number>();
  const out: EnvDiagnostic[] = [];
  for (const l of lines) {
    if (l.kind !== 'entry' && l.kind !== 'inherit') continue;
    const first = firstSeen.get(l.key);
    if (first === undefined) {
      firstSeen.set(l.key, l.line);
      continue;
    }
    out.push({
      code: 'duplicate-key',
      severity: 'warning',
      line: l.line,
      key: l.key,
      message: `${l.key} is already set on line ${first}. Docker Compose uses the last one (line ${l.line}); remove the other so the file says one thing.`,
    });
  }
  return out;
}

/** CRLF and LF in one file: harmless for Compose, worth knowing before an editor normalises it. */
export function lineEndingDiagnostics(physical: readonly PhysicalLine[]): EnvDiagnostic[] {
  const crlf = physical.findIndex((p) => p.eol === '\r\n');
  const lf = physical.findIndex((p) => p.eol === '\n');
  if (crlf === -1 || lf === -1) return [];
  return [
    {
      code: 'mixed-line-endings',
      severity: 'info',
      line: Math.max(crlf, lf) + 1,
      message: 'The file mixes Windows (CRLF) and Unix (LF) line endings. Compose reads both; Hangar keeps each line as it is.',
    },
  ];
}

/** The terminator new lines get: the most common one, `\n` on a tie or an empty file. */
export function dominantNewline(physical: readonly PhysicalLine[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const p of physical) {
    if (p.eol === '\r\n') crlf += 1;
    else if (p.eol === '\n') lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}
