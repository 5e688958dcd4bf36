import { z } from 'zod';

/**
 * Probes: what the operator's machine asks the deployment, and what comes back.
 * Both sides of the IPC and the CLI parse with these schemas; the report is also what
 * `hangar probe --json` prints, so its shape is a promise to scripts.
 */

/** Plane layouts the probes know how to address (see plane-reference.md §1 and the user's guide). */
export const probeLayoutSchema = z.enum(['community', 'split', 'dokploy']);
export type ProbeLayout = z.infer<typeof probeLayoutSchema>;

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const ipv6 = /^[0-9a-f:]+(%\w+)?$/i;
const hostname = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** True for an IPv4 or IPv6 literal (no brackets). */
export function isIpLiteral(value: string): boolean {
  return ipv4.test(value) || (value.includes(':') && ipv6.test(value));
}

function absoluteUrl(label: string, schemes: readonly string[]) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${label} '${value}' is not an absolute URL. Write it like https://plane.example.com.` });
        return;
      }
      const scheme = url.protocol.replace(/:$/, '');
      if (!schemes.includes(scheme)) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must start with ${schemes.map((s) => `${s}://`).join(' or ')}, not ${scheme}://.`,
        });
      }
      if (url.username || url.password) ctx.addIssue({ code: 'custom', message: `${label} must not contain a user name or password.` });
    });
}

/** "Resolve this host to this address": probe before switching DNS, or probe the lab on 127.0.0.1. */
export const resolveOverrideSchema = z.object({
  host: z.string().regex(hostname, 'The host of a resolve override must be a DNS name such as plane.example.com.'),
  address: z.string().refine(isIpLiteral, 'The address of a resolve override must be an IPv4 or IPv6 address.'),
});
export type ResolveOverride = z.infer<typeof resolveOverrideSchema>;

/**
 * What the deployment's env files say the browser should see. Values are kept raw (as written in
 * the env file) so that a trailing slash or a `*` stays visible to the evaluation.
 */
export const probeExpectationsSchema = z.object({
  /** `CORS_ALLOWED_ORIGINS` split on commas, raw. Absent = unknown; `[]` = set but empty (allow-all). */
  corsAllowedOrigins: z.array(z.string()).optional(),
  /** The API URL the split layout's frontend was built with (`VITE_API_BASE_URL` in `.env.frontend`). */
  frontendApiUrl: z.string().optional(),
  /** `AWS_S3_BUCKET_NAME`: the proxy routes `/<bucket>/` to MinIO. */
  bucketName: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'The bucket name must be a valid S3 bucket name.')
    .default('uploads'),
  /** Public addresses of the server; DNS answers are compared with them. */
  serverAddresses: z.array(z.string().refine(isIpLiteral, 'Server addresses must be IP addresses.')).default([]),
  /** `APP_RELEASE`, compared with the version `/api/instances/` reports. */
  appRelease: z.string().optional(),
});
export type ProbeExpectations = z.infer<typeof probeExpectationsSchema>;

/** Input of a probe run. `timeoutMs` applies to each check on its own, never to the whole suite. */
export const probeInputSchema = z.object({
  /** `WEB_URL`: the origin users open in the browser. */
  webUrl: absoluteUrl('The web URL', ['http', 'https']),
  /** Split layout: the API's own origin (`https://plane-api.example.com`). Defaults to the web origin. */
  apiUrl: absoluteUrl('The API URL', ['http', 'https']).optional(),
  /** The live server's base (`https://plane.example.com/live` or a ws(s) URL). Defaults to `<web>/live`. */
  liveUrl: absoluteUrl('The live URL', ['http', 'https', 'ws', 'wss']).optional(),
  layout: probeLayoutSchema.default('community'),
  expected: probeExpectationsSchema.default({ bucketName: 'uploads', serverAddresses: [] }),
  resolve: z.array(resolveOverrideSchema).max(16).default([]),
  /** Extra trusted CA certificates (PEM), e.g. a lab's or a company's internal CA. */
  caPem: z.string().max(200_000).optional(),
  /** Port answering plain http when WEB_URL is https on a non-standard port (for the redirect check). */
  httpPort: z.number().int().min(1).max(65535).optional(),
  timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
});
/** What callers pass (defaults may be omitted). */
export type ProbeInput = z.input<typeof probeInputSchema>;
/** What the probes work with: defaults filled in, values validated. */
export type ParsedProbeInput = z.output<typeof probeInputSchema>;

/** The screen's sections; every finding belongs to exactly one. */
export const probeGroupSchema = z.enum(['reachability', 'dns', 'tls', 'cors', 'cookies', 'websocket', 'routes', 'headers', 'content']);
export type ProbeGroup = z.infer<typeof probeGroupSchema>;

/** `skip` means the check could not be judged (its explanation says why), never "fine". */
export const probeStatusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export type ProbeStatus = z.infer<typeof probeStatusSchema>;

/** Plane service roles a finding can point at ("open the logs of …"); names differ per layout. */
export const probeServiceSchema = z.enum(['proxy', 'web', 'space', 'admin', 'live', 'api', 'minio']);
export type ProbeService = z.infer<typeof probeServiceSchema>;

/** One header as sent or received. Pairs (not a map) so that duplicates and order stay visible. */
export const headerPairSchema = z.tuple([z.string(), z.string()]);
export type HeaderPair = z.infer<typeof headerPairSchema>;

/** Why a request got no HTTP answer. `timeout` always means this check's own timeout elapsed. */
export const transportErrorKindSchema = z.enum(['timeout', 'dns', 'refused', 'reset', 'tls', 'aborted', 'protocol', 'other']);
export type TransportErrorKind = z.infer<typeof transportErrorKindSchema>;

/** A transport failure as data, so evidence survives IPC and JSON output. */
export const transportErrorSchema = z.object({
  kind: transportErrorKindSchema,
  /** Node's error code when there is one (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, …). */
  code: z.string().optional(),
  message: z.string(),
});
export type TransportError = z.infer<typeof transportErrorSchema>;

/** What was sent and what came back, raw, so the user can check the verdict (and paste the curl). */
export const probeEvidenceSchema = z.object({
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(headerPairSchema),
    /** The body sent (the sign-in form), so the evidence shows exactly what was posted. */
    body: z.string().optional(),
  }),
  response: z.object({ status: z.number().int(), rawHeaders: z.array(headerPairSchema), bodySnippet: z.string() }).optional(),
  error: transportErrorSchema.optional(),
  /** A command the user can paste to reproduce the check (curl; openssl or dig where no HTTP is involved). */
  curl: z.string(),
});
export type ProbeEvidence = z.infer<typeof probeEvidenceSchema>;

/** What to change. The UI turns `envKey` into "open the env form at this key", `service` into "open its logs". */
export const probeFixSchema = z.object({
  text: z.string(),
  envKey: z.string().optional(),
  /** Which env file holds `envKey` in this layout (`plane.env`, `.env.api`, `.env.frontend`, …). */
  envFile: z.string().optional(),
  proxySetting: z.string().optional(),
  service: probeServiceSchema.optional(),
});
export type ProbeFix = z.infer<typeof probeFixSchema>;

export const probeFindingSchema = z.object({
  /** Stable id (`cors.preflight.origin`): specs, the UI and scripts key on it, so never rename one. */
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/),
  /** The diagnostic of plane-reference.md §9 this finding implements (`D5`). */
  diagnostic: z
    .string()
    .regex(/^D\d{1,2}$/)
    .optional(),
  group: probeGroupSchema,
  status: probeStatusSchema,
  title: z.string(),
  explanation: z.string(),
  /** The error the browser console shows for this cause (user's guide, Troubleshooting). */
  browserError: z.string().optional(),
  fix: probeFixSchema.optional(),
  /** The service the check exercised: colours the matching edge of the architecture view. */
  service: probeServiceSchema.optional(),
  evidence: probeEvidenceSchema.optional(),
  durationMs: z.number().nonnegative(),
});
export type ProbeFinding = z.infer<typeof probeFindingSchema>;

/** Counts per status, for the screen's header and the CLI's last line. */
export const probeSummarySchema = z.object({
  pass: z.number().int().nonnegative(),
  warn: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
});
export type ProbeSummary = z.infer<typeof probeSummarySchema>;

export const probeReportSchema = z.object({
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  target: z.object({ webUrl: z.string(), apiUrl: z.string(), liveUrl: z.string(), layout: probeLayoutSchema }),
  findings: z.array(probeFindingSchema),
  summary: probeSummarySchema,
  /** False when at least one finding failed: the CLI's exit code follows it. */
  ok: z.boolean(),
});
export type ProbeReport = z.infer<typeof probeReportSchema>;
