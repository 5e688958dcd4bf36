import { z } from 'zod';

/**
 * Env-file domain types as zod schemas: the shapes that cross IPC and the CLI (`--json`) and the
 * inputs checked at those boundaries. Types are inferred from here so there is one definition.
 */

/** Plane deployment layouts Hangar manages (see plane-reference.md §1.2, §7.2, user guide). */
export const layoutSchema = z.enum(['community', 'split', 'dokploy']);
export type Layout = z.infer<typeof layoutSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** How a value is validated and which form field edits it. */
export const keyTypeSchema = z.enum([
  'origin',
  'origin-list',
  'url',
  'secret',
  'port',
  'bytes',
  'rate',
  'enum',
  'boolean',
  'cidr-list',
  'host',
  'integer',
  'image-tag',
  'caddy-directive',
  'site-address',
  'text',
]);
export type KeyType = z.infer<typeof keyTypeSchema>;

/** Form sections of the editor, in display order. */
export const keyGroupSchema = z.enum(['domains', 'secrets', 'database', 'cache-queue', 'storage', 'proxy-tls', 'advanced']);
export type KeyGroup = z.infer<typeof keyGroupSchema>;

/** How "generate" makes a secret: CSPRNG bytes mapped onto `alphabet`, `length` characters. */
export const secretGeneratorSchema = z.object({
  length: z.number().int().min(8).max(256),
  alphabet: z.enum(['alphanumeric', 'lowercase-alphanumeric', 'base64url', 'hex']),
});
export type SecretGenerator = z.infer<typeof secretGeneratorSchema>;

/** Which of the split layout's three files a key lives in. */
export const splitFileRoleSchema = z.enum(['api', 'frontend', 'live']);
export type SplitFileRole = z.infer<typeof splitFileRoleSchema>;

export const envKeySpecSchema = z.object({
  key: z.string(),
  type: keyTypeSchema,
  secret: z.boolean(),
  /** What containers get when the file leaves it empty (the compose `:-` default), if any. */
  default: z.string().optional(),
  /** Compose services that receive it; `compose`/`setup.sh` for keys only those tools read. */
  consumers: z.array(z.string()),
  group: keyGroupSchema,
  notes: z.string(),
  generator: secretGeneratorSchema.optional(),
  /** Only applied when a volume is first initialised; a later change needs a migration step. */
  initOnly: z.boolean().optional(),
  enumValues: z.array(z.string()).optional(),
  /** Publicly known values (shipped defaults, placeholders) a secret must not have. */
  knownValues: z.array(z.string()).optional(),
  /** First and last Plane version (inclusive / exclusive) where the key exists. */
  since: z.string().optional(),
  until: z.string().optional(),
  /** Split layout: the file the key belongs in. */
  file: splitFileRoleSchema.optional(),
});
export type EnvKeySpec = z.infer<typeof envKeySpecSchema>;

/** One rule violation, as the CLI prints it and the editor shows it next to the fields. */
export const findingSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  keys: z.array(z.string()),
  message: z.string(),
  fix: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const envFileInputSchema = z.object({
  path: z.string().min(1),
  text: z.string(),
});
export type EnvFileInput = z.infer<typeof envFileInputSchema>;

/** Input of `checkDeployment`: the files as loaded, the compose text when known. */
export const checkDeploymentInputSchema = z.object({
  layout: layoutSchema,
  files: z.array(envFileInputSchema).min(1),
  composeText: z.string().optional(),
  /** Plane version like `v1.3.1`; inferred from APP_RELEASE or the compose file when absent. */
  version: z
    .string()
    .regex(/^v?\d+\.\d+\.\d+$/)
    .optional(),
  /** The same files as last deployed, to flag changes to first-initialisation-only values. */
  baseline: z.array(envFileInputSchema).optional(),
});
export type CheckDeploymentInput = z.infer<typeof checkDeploymentInputSchema>;
