import { z } from 'zod';
import { deploymentRefSchema, deploymentSchema, deploymentServiceSchema, envFileRefSchema } from './deployment';
import { findingSchema } from './env';

/**
 * Shapes of the env editor's service calls (load → preview → save → apply, history). Secrets:
 * every value of a secret key that leaves the main process is `SECRET_MASK` (or '' when it is
 * empty, so "not set" stays visible); `env.revealSecret` returns one value on explicit request.
 */

/** What a secret value looks like outside the main process. */
export const SECRET_MASK = '••••••••';

/** A file of the deployment by the name `Deployment.envFiles[].name` gives it (never a free path). */
const fileName = z.string().min(1).max(255);
const keyName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'An env key has letters, digits and "_" only, and does not start with a digit.').max(200);

/**
 * One edit. `set` writes the literal value the containers should get (Hangar encodes it; a
 * secret left at `SECRET_MASK` means "unchanged"); `remove` deletes every line of the key;
 * `text` replaces the file from the raw view, where secret values still reading `SECRET_MASK`
 * keep their current value.
 */
export const envChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), file: fileName, key: keyName, value: z.string().max(64 * 1024) }),
  z.object({ kind: z.literal('remove'), file: fileName, key: keyName }),
  z.object({ kind: z.literal('text'), file: fileName, text: z.string().max(1024 * 1024) }),
]);
export type EnvChange = z.infer<typeof envChangeSchema>;

/** A line compose would reject or warn about (duplicate key, unclosed quote, BOM…), never silently dropped. */
export const envDiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  message: z.string(),
  key: z.string().optional(),
});

/** One effective key of a file (the last occurrence wins, as in compose). */
export const envEntryViewSchema = z.object({
  key: z.string(),
  line: z.number().int().positive(),
  /** Value as compose computes it from the file; `SECRET_MASK` for a non-empty secret. */
  value: z.string(),
  secret: z.boolean(),
  /** The schema of the layout knows the key (unknown keys are kept and shown). */
  known: z.boolean(),
  /** Some container receives it (plane-reference.md invariant 23); unknown without a compose file. */
  reachesContainer: z.boolean().optional(),
});
export type EnvEntryView = z.infer<typeof envEntryViewSchema>;

/** One env file as the editor shows it; `etag` goes back in `expectedEtags` on save. */
export const envFileViewSchema = envFileRefSchema.extend({
  etag: z.string(),
  mode: z.number().int(),
  mtime: z.string(),
  /** The file's text with secret values replaced by `SECRET_MASK` (the raw view edits this). */
  text: z.string(),
  entries: z.array(envEntryViewSchema),
  diagnostics: z.array(envDiagnosticSchema),
});
export type EnvFileView = z.infer<typeof envFileViewSchema>;

/** What one container gets for one key, and where compose took it from. */
export const containerVariableViewSchema = z.object({
  key: z.string(),
  value: z.string(),
  secret: z.boolean(),
  source: z.enum(['env', 'compose-default', 'literal', 'service-env-file']),
});

/** `env.load`: everything the editor screen needs for one deployment. */
export const envLoadResultSchema = z.object({
  deployment: deploymentSchema,
  files: z.array(envFileViewSchema),
  findings: z.array(findingSchema),
  /** Per service, the variables its container receives (compose-resolved); empty without a readable compose file. */
  containerEnv: z.array(z.object({ service: z.string(), variables: z.array(containerVariableViewSchema) })),
});
export type EnvLoadResult = z.infer<typeof envLoadResultSchema>;

/** One line of a save/history diff; line numbers as the editor shows them. */
export const diffLineSchema = z.object({
  op: z.enum(['same', 'add', 'remove']),
  oldLine: z.number().int().positive().optional(),
  newLine: z.number().int().positive().optional(),
  /** The line as written, with a secret's value masked. */
  text: z.string(),
});
export const diffHunkSchema = z.object({ lines: z.array(diffLineSchema) });
export type DiffHunk = z.infer<typeof diffHunkSchema>;

/** A key whose effective value (after `${…}` resolution) differs between two versions. */
export const keyChangeSchema = z.object({
  key: z.string(),
  file: z.string(),
  /** Absent: the key was not set before / is removed after. Masked for secrets. */
  before: z.string().optional(),
  after: z.string().optional(),
  secret: z.boolean(),
});
export type KeyChange = z.infer<typeof keyChangeSchema>;

/** Something the user must know or do besides saving (init-only values, Dokploy). */
export const changeWarningSchema = z.object({
  id: z.enum(['init-only-postgres', 'init-only-rabbitmq', 'init-only-minio', 'secret-key-changed', 'dokploy-managed', 'parse-error']),
  severity: z.enum(['error', 'warning', 'info']),
  keys: z.array(z.string()),
  message: z.string(),
  /** What else to do, in order (commands use placeholders, never secret values). */
  steps: z.array(z.string()),
});
export type ChangeWarning = z.infer<typeof changeWarningSchema>;

/** Which services must be recreated for a change to reach their containers (pass `services` to `env.apply`). */
export const recreatePlanSchema = z.object({
  /** Services to recreate, dependencies first. */
  services: z.array(z.string()),
  reasons: z.array(z.object({ service: z.string(), keys: z.array(z.string()) })),
});
export type RecreatePlan = z.infer<typeof recreatePlanSchema>;

/** The diff of one file. */
export const filePreviewSchema = z.object({
  name: z.string(),
  path: z.string(),
  changed: z.boolean(),
  /** Etag the preview was computed against: pass it as `expectedEtags[name]` to save. */
  baseEtag: z.string(),
  hunks: z.array(diffHunkSchema),
});

/** `env.preview`: the save confirmation dialog. Nothing is written. */
export const envPreviewResultSchema = z.object({
  files: z.array(filePreviewSchema),
  changedKeys: z.array(keyChangeSchema),
  findings: z.array(findingSchema),
  /** Findings the change makes go away / adds, compared with the files as they are. */
  fixed: z.array(findingSchema),
  introduced: z.array(findingSchema),
  recreate: recreatePlanSchema,
  warnings: z.array(changeWarningSchema),
});
export type EnvPreviewResult = z.infer<typeof envPreviewResultSchema>;

/** A deployment and the edits to preview. */
export const envChangesInputSchema = deploymentRefSchema.extend({ changes: z.array(envChangeSchema).min(1).max(500) });

/** `env.save` input: the same edits plus the etags they were made against. */
export const envSaveInputSchema = envChangesInputSchema.extend({
  /** File name → etag as loaded; a file changed since is a conflict (ENV_CONFLICT), never overwritten. */
  expectedEtags: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** Required for Dokploy-managed files: the user read that Dokploy regenerates them on deploy. */
  acknowledgeDokploy: z.boolean().optional(),
});

/** A file a save wrote (`changed`) or found already as wanted; `backupPath` is the copy of its previous text. */
export const savedFileSchema = z.object({ name: z.string(), path: z.string(), etag: z.string(), backupPath: z.string().optional(), changed: z.boolean() });

/** `env.save` and `env.restore`: what was written and what to do next (apply `recreate.services`). */
export const envSaveResultSchema = z.object({
  files: z.array(savedFileSchema),
  changedKeys: z.array(keyChangeSchema),
  findings: z.array(findingSchema),
  recreate: recreatePlanSchema,
  warnings: z.array(changeWarningSchema),
});
export type EnvSaveResult = z.infer<typeof envSaveResultSchema>;

/** A `<file>.hangar-backup-<UTC time>` next to the file. */
export const backupEntrySchema = z.object({ name: z.string(), path: z.string(), createdAt: z.string(), size: z.number().int(), mode: z.number().int() });
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** `env.history`: the backups of each env file of the deployment, newest first. */
export const envHistoryResultSchema = z.object({
  files: z.array(z.object({ name: z.string(), path: z.string(), backups: z.array(backupEntrySchema) })),
});

/** A backup by its file name, or `current` for the file as it is now. */
const versionRef = z.string().min(1).max(255);

/** `env.diffBackups`: two versions of one file (backup names or `current`). */
export const envDiffBackupsInputSchema = deploymentRefSchema.extend({ file: fileName, a: versionRef, b: versionRef });
/** The diff (secrets masked) and the keys whose values differ. */
export const envDiffResultSchema = z.object({ hunks: z.array(diffHunkSchema), changedKeys: z.array(keyChangeSchema) });

/** `env.restore`: put a backup back through the safe save; `expectedEtag` is the file's etag now. */
export const envRestoreInputSchema = deploymentRefSchema.extend({
  file: fileName,
  backup: versionRef,
  expectedEtag: z.string().regex(/^[0-9a-f]{64}$/),
  acknowledgeDokploy: z.boolean().optional(),
});

/** `env.revealSecret`: one key's value, on the user's explicit request. */
export const envRevealInputSchema = deploymentRefSchema.extend({ file: fileName, key: keyName });
/** The revealed value (the only schema that carries a secret). */
export const envRevealResultSchema = z.object({ key: z.string(), value: z.string() });

/** `env.apply`: the services to recreate (usually `recreate.services` from the save). */
export const envApplyInputSchema = deploymentRefSchema.extend({
  services: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)).min(1).max(50),
});

/** Events of `env.apply`: the command, its output lines, then the containers' states once settled. */
export const envApplyEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), tool: z.enum(['docker compose', 'docker-compose']), argv: z.array(z.string()) }),
  z.object({ type: z.literal('line'), line: z.string() }),
  z.object({ type: z.literal('done'), exitCode: z.number().int().nullable(), ok: z.boolean(), services: z.array(deploymentServiceSchema), message: z.string() }),
]);
export type EnvApplyEvent = z.infer<typeof envApplyEventSchema>;
