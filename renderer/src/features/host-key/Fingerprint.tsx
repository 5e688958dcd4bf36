/** A SHA256 fingerprint, monospaced and selectable as one unit, labelled with its key type. */
export function Fingerprint({
  label,
  value,
  tone = 'default',
  testId,
}: {
  label: string;
  value: string;
  tone?: 'default' | 'old' | 'new';
  testId?: string;
}) {
  return (
    <div className={`fingerprint fingerprint-${tone}`}>
      <span className="fingerprint-label">{label}</span>
      <code className="fingerprint-value" data-testid={testId}>
        {value}
      </code>
    </div>
  );
}
