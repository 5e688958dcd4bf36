import { useMemo, useState } from 'react';
import type { HostConfig } from '../../../../shared/schemas/host';
import { useEnvStore, type EnvSession } from '../../stores/env-store';
import { filesWithFormEdits } from './env-edits';
import type { EnvField } from './env-fields';
import { checkRawText } from './raw-check';

/**
 * The file as text (secret values shown as the mask: leave a mask as is to keep the value). The
 * same checks as the form run on every keystroke, with line numbers. A file with pending form
 * edits is read-only here until they are saved or discarded, so the two views never disagree.
 */
export function RawView({ host, session, fields }: { host: HostConfig; session: EnvSession; fields: EnvField[] }) {
  const setRaw = useEnvStore((s) => s.setRawText);
  const files = session.data?.files ?? [];
  const [active, setActive] = useState(files[0]?.name ?? '');
  const file = files.find((f) => f.name === active) ?? files[0];
  const text = file === undefined ? '' : (session.rawTexts[file.name] ?? file.text);
  const problems = useMemo(() => (file === undefined ? [] : checkRawText(text, file.name, fields)), [text, file, fields]);
  if (file === undefined) return null;
  const locked = filesWithFormEdits(session.edits).has(file.name);
  const lineCount = text.split('\n').length;
  return (
    <div className="env-raw" data-testid="raw-view">
      {files.length > 1 && (
        <div className="env-raw-tabs" role="tablist" aria-label="Env files">
          {files.map((f) => (
            <button
              key={f.name}
              type="button"
              role="tab"
              aria-selected={f.name === file.name}
              className={f.name === file.name ? 'env-raw-tab env-raw-tab-on mono' : 'env-raw-tab mono'}
              onClick={() => setActive(f.name)}
            >
              {f.name}
              {session.rawTexts[f.name] !== undefined && ' •'}
            </button>
          ))}
        </div>
      )}
      <div className="env-raw-head">
        <span className="mono env-raw-path">{file.path}</span>
        <span className="cell-faint">
          {lineCount} lines · mode {file.mode.toString(8).padStart(4, '0')}
        </span>
        {session.rawTexts[file.name] !== undefined && (
          <button type="button" className="btn btn-ghost" onClick={() => setRaw(host.id, file.name, undefined)}>
            Undo text edits
          </button>
        )}
      </div>
      {locked && <div className="banner banner-warn">This file has unsaved form edits. Save or discard them to edit it as text.</div>}
      <textarea
        className="env-raw-text mono"
        aria-label={`Text of ${file.name}`}
        spellCheck={false}
        value={text}
        readOnly={locked}
        onChange={(e) => setRaw(host.id, file.name, e.target.value === file.text ? undefined : e.target.value)}
      />
      <ul className="env-raw-problems" aria-label="Problems in the text" data-testid="raw-problems">
        {problems.length === 0 ? (
          <li className="cell-faint">No problems in the text. Values shown as •••••••• are secrets: leave them to keep the value.</li>
        ) : (
          problems.map((p, i) => (
            <li key={i} className={`env-raw-problem env-sev-text-${p.severity}`}>
              <span className="mono env-raw-line">line {p.line}</span> {p.message}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
