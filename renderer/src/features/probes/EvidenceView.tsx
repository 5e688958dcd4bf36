import type { HeaderPair, ProbeEvidence } from '../../../../shared/schemas/probe';
import { CopyButton } from './CopyButton';
import { repeatedHeaderNames } from './report-view';

/**
 * The request and the answer exactly as exchanged: headers in wire order, every copy of a
 * repeated header shown and marked (a proxy adding a second Allow-Origin is only visible this
 * way), and the curl command that reproduces it.
 */
export function EvidenceView({ evidence }: { evidence: ProbeEvidence }) {
  const { request, response, error } = evidence;
  return (
    <div className="probe-evidence" data-testid="finding-evidence">
      <div className="probe-evidence-part">
        <span className="probe-finding-label">Request</span>
        <div className="probe-evidence-box mono">
          <div className="probe-evidence-line probe-evidence-start">
            {request.method} {request.url}
          </div>
          <HeaderLines headers={request.headers} />
        </div>
      </div>
      <div className="probe-evidence-part">
        <span className="probe-finding-label">Response</span>
        <div className="probe-evidence-box mono" data-testid="evidence-response">
          {response ? (
            <>
              <div className="probe-evidence-line probe-evidence-start">HTTP {response.status}</div>
              <HeaderLines headers={response.rawHeaders} />
              {response.bodySnippet.trim() !== '' && (
                <details className="probe-evidence-body">
                  <summary>Body (first {response.bodySnippet.length} characters)</summary>
                  <pre>{response.bodySnippet}</pre>
                </details>
              )}
            </>
          ) : (
            <div className="probe-evidence-line">
              No HTTP answer{error ? `: ${error.kind}${error.code ? ` (${error.code})` : ''} — ${error.message}` : '.'}
            </div>
          )}
        </div>
      </div>
      <div className="probe-evidence-part">
        <span className="probe-finding-label">Reproduce</span>
        <div className="probe-evidence-curl">
          <code className="probe-evidence-box mono" data-testid="evidence-curl">
            {evidence.curl}
          </code>
          <CopyButton text={evidence.curl} label="Copy curl command" />
        </div>
      </div>
    </div>
  );
}

function HeaderLines({ headers }: { headers: readonly HeaderPair[] }) {
  const repeated = repeatedHeaderNames(headers);
  return (
    <>
      {headers.map(([name, value], index) => {
        const twice = repeated.has(name.toLowerCase());
        // A repeated CORS header is a failure browsers enforce; other repeats (two Server lines) are only shown.
        const tone = !twice
          ? ''
          : name.toLowerCase().startsWith('access-control-')
            ? ' probe-evidence-repeated probe-evidence-repeated-bad'
            : ' probe-evidence-repeated';
        return (
          <div key={index} className={`probe-evidence-line${tone}`} data-repeated={twice ? 'true' : undefined}>
            <span className="probe-evidence-name">{name}:</span> {value}
            {twice && <span className="probe-evidence-flag">repeated</span>}
          </div>
        );
      })}
    </>
  );
}
