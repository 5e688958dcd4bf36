import type { DiffHunk, KeyChange } from '../../../../shared/schemas/env-edit';

/** Hunks of a line diff as the file reads (secrets already masked by the service). */
export function DiffLines({ hunks, label }: { hunks: DiffHunk[]; label: string }) {
  if (hunks.length === 0) return <p className="dialog-text">No line differs.</p>;
  return (
    <div className="env-diff" role="table" aria-label={label} data-testid="diff">
      {hunks.map((hunk, h) => (
        <div key={h} className="env-diff-hunk" role="rowgroup">
          {hunk.lines.map((line, i) => (
            <div key={i} className={`env-diff-line env-diff-${line.op}`} role="row" data-op={line.op}>
              <span className="env-diff-no" role="cell">
                {line.oldLine ?? ''}
              </span>
              <span className="env-diff-no" role="cell">
                {line.newLine ?? ''}
              </span>
              <span className="env-diff-sign" role="cell">
                {line.op === 'add' ? '+' : line.op === 'remove' ? '−' : ' '}
              </span>
              <span className="env-diff-text" role="cell">
                {line.text}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Keys whose effective value changes, before → after (masked for secrets). */
export function KeyChanges({ changes }: { changes: KeyChange[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="env-key-changes" data-testid="key-changes">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.file}:${c.key}`}>
            <td className="mono">{c.key}</td>
            <td className="mono env-key-before">{c.before ?? <span className="cell-faint">not set</span>}</td>
            <td className="mono env-key-after">{c.after ?? <span className="cell-faint">removed</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
