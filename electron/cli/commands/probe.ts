import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { probeInputSchema, probeLayoutSchema, type ProbeInput } from '../../../shared/schemas/probe';
import { formatReport } from '../../services/probes/format-report';
import { runProbes } from '../../services/probes/run-probes';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';

const USAGE = `Usage: hangar probe --url URL [options]

Checks a Plane deployment from this machine the way a browser sees it: DNS, TLS, routes, CORS,
cookies, the live WebSocket, baked URLs and security headers. Exits 1 when a check fails.

  --url URL                WEB_URL, the address users open (required)
  --api-url URL            the API's own URL (split layout); default: the web URL
  --live-url URL           the live server's base (default: <url>/live)
  --layout NAME            community (default), split or dokploy
  --resolve HOST:IP        connect to IP for HOST (repeatable), e.g. before switching DNS
  --ca FILE                also trust this CA certificate (PEM), e.g. an internal CA
  --cors-origins LIST      CORS_ALLOWED_ORIGINS as written in the env file, to name causes
  --frontend-api-url URL   VITE_API_BASE_URL of .env.frontend (split layout)
  --bucket NAME            AWS_S3_BUCKET_NAME (default uploads)
  --server-ip IP           the server's public address, compared with DNS (repeatable)
  --app-release TAG        APP_RELEASE, compared with the version the API reports
  --http-port N            plain-http port when the https site uses a non-standard port
  --timeout MS             timeout of each check (default 5000)
  --verbose                also explain skipped checks
  --json                   print the report as JSON`;

/** `hangar probe`: the deployment check of the app, for cron and CI (exit 1 on any failure). */
export const probeCommand: CliCommand = {
  path: ['probe'],
  summary: 'Check a deployment from this machine: CORS, WebSocket, TLS, routes.',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, {
      booleans: ['json', 'verbose'],
      values: [
        'url',
        'api-url',
        'live-url',
        'layout',
        'resolve',
        'ca',
        'cors-origins',
        'frontend-api-url',
        'bucket',
        'server-ip',
        'http-port',
        'timeout',
        'app-release',
      ],
    });
    const url = args.get('url');
    if (url === undefined) throw usage('--url is required, e.g. hangar probe --url https://plane.example.com');
    const caPath = args.get('ca');
    const input: ProbeInput = {
      webUrl: url,
      layout: parseLayout(args.get('layout')),
      resolve: args.all('resolve').map(parseResolve),
      expected: {
        serverAddresses: args.all('server-ip'),
        ...(args.get('cors-origins') !== undefined ? { corsAllowedOrigins: (args.get('cors-origins') ?? '').split(',') } : {}),
        ...(args.get('frontend-api-url') ? { frontendApiUrl: args.get('frontend-api-url') } : {}),
        ...(args.get('bucket') ? { bucketName: args.get('bucket') } : {}),
        ...(args.get('app-release') ? { appRelease: args.get('app-release') } : {}),
      },
      ...(args.get('api-url') ? { apiUrl: args.get('api-url') } : {}),
      ...(args.get('live-url') ? { liveUrl: args.get('live-url') } : {}),
      ...(args.get('http-port') ? { httpPort: parseInteger('--http-port', args.get('http-port')) } : {}),
      ...(args.get('timeout') ? { timeoutMs: parseInteger('--timeout', args.get('timeout')) } : {}),
      ...(caPath ? { caPem: await readCa(resolve(io.cwd, caPath)) } : {}),
    };
    const checked = probeInputSchema.safeParse(input);
    if (!checked.success) throw usage(checked.error.issues[0]?.message ?? 'The options do not describe a deployment.');
    const report = await runProbes(input, { signal: io.signal, ...(caPath ? { caFileForCurl: caPath } : {}) });
    io.stdout(args.has('json') ? `${JSON.stringify(report)}\n` : formatReport(report, { verbose: args.has('verbose') }));
    return report.ok ? 0 : 1;
  },
};

/** `host:ip` (IPv6 may be bracketed: `host:[::1]`); the schema then checks both halves. */
export function parseResolve(value: string): { host: string; address: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1)
    throw usage(`--resolve takes HOST:IP, e.g. plane.example.com:203.0.113.10; got '${value}'.`);
  return { host: value.slice(0, colon), address: value.slice(colon + 1).replace(/^\[(.*)\]$/, '$1') };
}

function parseLayout(value: string | undefined): ProbeInput['layout'] {
  if (value === undefined) return 'community';
  const parsed = probeLayoutSchema.safeParse(value);
  if (!parsed.success) throw usage(`--layout must be community, split or dokploy; got '${value}'.`);
  return parsed.data;
}

function parseInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw usage(`${flag} takes a whole number; got '${value}'.`);
  return number;
}

async function readCa(path: string): Promise<string> {
  try {
    const pem = await readFile(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      throw new AppError('INVALID_INPUT', `${path} is not a PEM certificate: it has no "BEGIN CERTIFICATE" line.`);
    return pem;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `Cannot read the CA file ${path}: check the path given to --ca.`, { path });
  }
}

function usage(message: string): AppError {
  return new AppError('INVALID_INPUT', message, { usage: true });
}
