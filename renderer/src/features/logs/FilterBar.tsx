import type { Ref } from 'react';
import type { LogLevel } from '../../../../shared/schemas/logs';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import type { LogsFilter } from '../../stores/logs-store';
import { logLevels } from './log-view';

const levelNames: Record<LogLevel, string> = { error: 'Error', warn: 'Warn', info: 'Info', debug: 'Debug', unknown: 'Other' };

interface FilterBarProps {
  filter: LogsFilter;
  error: string | null;
  counts: Record<LogLevel, number>;
  inputRef: Ref<HTMLInputElement>;
  onChange(patch: Partial<Omit<LogsFilter, 'levels'>>): void;
  onToggleLevel(level: LogLevel): void;
}

/**
 * The filter box (hides non-matching lines; `.*` reads it as a regular expression, `Aa` matches
 * case) and the level toggles with their counts. A regex that does not compile is explained
 * right under the box; the list keeps the last filter that worked, so nothing flickers while
 * typing `(`.
 */
export function FilterBar({ filter, error, counts, inputRef, onChange, onToggleLevel }: FilterBarProps) {
  return (
    <div className="logs-filterbar">
      <div className="logs-filter-wrap">
        <label className={error ? 'filter logs-filter logs-filter-invalid' : 'filter logs-filter'}>
          <Icon name="search" size={14} />
          <input
            ref={inputRef}
            className="filter-input mono"
            placeholder={filter.regex ? 'Regular expression' : 'Filter lines'}
            aria-label="Filter lines"
            aria-invalid={error !== null}
            aria-describedby={error ? 'logs-filter-error' : undefined}
            value={filter.text}
            onChange={(e) => onChange({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                onChange({ text: '' });
                e.currentTarget.blur();
              }
            }}
            spellCheck={false}
            autoComplete="off"
          />
          <button
            type="button"
            className="logs-filter-toggle mono"
            aria-pressed={filter.regex}
            title="Regular expression"
            onClick={() => onChange({ regex: !filter.regex })}
          >
            .*
          </button>
          <button
            type="button"
            className="logs-filter-toggle"
            aria-pressed={filter.caseSensitive}
            title="Match case"
            onClick={() => onChange({ caseSensitive: !filter.caseSensitive })}
          >
            Aa
          </button>
          <Kbd keys={['/']} />
        </label>
        {error && (
          <p className="logs-filter-error" id="logs-filter-error" role="alert" data-testid="log-filter-error">
            {error}
          </p>
        )}
      </div>
      <div className="logs-levels" role="group" aria-label="Levels">
        {logLevels.map((level) => (
          <button
            key={level}
            type="button"
            className={`logs-level level-${level}`}
            aria-pressed={filter.levels[level]}
            data-testid="log-level"
            data-level={level}
            onClick={() => onToggleLevel(level)}
            title={filter.levels[level] ? `Hide ${levelNames[level].toLowerCase()} lines` : `Show ${levelNames[level].toLowerCase()} lines`}
          >
            <span className="logs-level-mark" aria-hidden="true" />
            {levelNames[level]}
            <span className="logs-level-count">{counts[level].toLocaleString('en-US')}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
