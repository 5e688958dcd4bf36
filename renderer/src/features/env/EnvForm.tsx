import { keyGroupLabels } from '../../../../shared/plane/schema/env-schema';
import type { KeyGroup } from '../../../../shared/schemas/env';
import type { HostConfig } from '../../../../shared/schemas/host';
import type { EnvSession } from '../../stores/env-store';
import { EnvFieldRow } from './EnvFieldRow';
import { groupFields, type EnvField } from './env-fields';

const order = Object.keys(keyGroupLabels) as KeyGroup[];

/** One section per group of the schema, then the keys it does not know (kept, shown, editable). */
export function EnvForm({ host, session, fields }: { host: HostConfig; session: EnvSession; fields: EnvField[] }) {
  const findings = session.liveFindings ?? session.data?.findings ?? [];
  const rawFiles = new Set(Object.keys(session.rawTexts));
  return (
    <div className="env-form" data-testid="env-form">
      {groupFields(fields, order).map(({ group, fields: inGroup }) => (
        <section key={group} className="env-group" aria-labelledby={`env-group-${group}`}>
          <header className="env-group-header">
            <h3 className="env-group-title" id={`env-group-${group}`}>
              {group === 'unknown' ? 'Other keys in the file' : keyGroupLabels[group]}
            </h3>
            <span className="env-group-count">
              {group === 'unknown'
                ? 'Not in Hangar’s schema for this layout: kept exactly as they are.'
                : `${inGroup.filter((f) => f.present).length} of ${inGroup.length} set`}
            </span>
          </header>
          <div className="env-fields">
            {inGroup.map((field) => (
              <EnvFieldRow
                key={field.id}
                host={host}
                field={field}
                edit={session.edits[field.id]}
                revealed={session.revealed[field.id]}
                findings={findings.filter((f) => f.keys.includes(field.key))}
                lockedByText={field.targets.some((t) => rawFiles.has(t.file))}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** The form's geometry before the files arrive: same sections, grey bars, no jump when they land. */
export function EnvFormSkeleton() {
  return (
    <div className="env-form" aria-hidden="true">
      {[5, 3, 4].map((rows, i) => (
        <section key={i} className="env-group">
          <header className="env-group-header">
            <span className="skeleton skeleton-title" />
          </header>
          <div className="env-fields">
            {Array.from({ length: rows }, (_, r) => (
              <div key={r} className="env-field">
                <span className="skeleton skeleton-row" />
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
