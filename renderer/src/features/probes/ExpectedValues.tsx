import type { ProbeExpectations } from '../../../../shared/schemas/probe';

/**
 * What the deployment's env says the browser should see, read-only: the checks compare the
 * answers with it. Changing these means changing the env (the Environment tab), not this form.
 */
export function ExpectedValues({ expected }: { expected: ProbeExpectations }) {
  const cors = expected.corsAllowedOrigins;
  return (
    <dl className="probe-expected" data-testid="checks-expected">
      <div>
        <dt>CORS_ALLOWED_ORIGINS</dt>
        <dd className="mono">{cors === undefined ? 'unknown' : cors.length === 0 ? '(empty: every origin)' : cors.join(',')}</dd>
      </div>
      <div>
        <dt>Bucket</dt>
        <dd className="mono">{expected.bucketName}</dd>
      </div>
      {expected.appRelease && (
        <div>
          <dt>APP_RELEASE</dt>
          <dd className="mono">{expected.appRelease}</dd>
        </div>
      )}
      {expected.serverAddresses.length > 0 && (
        <div>
          <dt>Server</dt>
          <dd className="mono">{expected.serverAddresses.join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
