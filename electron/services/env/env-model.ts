import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../shared/plane/env/resolve-env-file';
import { checkDeployment } from '../../../shared/plane/rules/check-deployment';
import { getEnvSchema, type EnvSchema } from '../../../shared/plane/schema/env-schema';
import { parsePlaneVersion } from '../../../shared/plane/schema/plane-version';
import type { Deployment, EnvFileRef } from '../../../shared/schemas/deployment';
import type { Finding } from '../../../shared/schemas/env';
import { SECRET_MASK } from '../../../shared/schemas/env-edit';
import { secretTest, type SecretTest } from './secret-mask';

/** An env file of a deployment as read from the host. */
export interface LoadedEnvFile {
  readonly ref: EnvFileRef;
  readonly text: string;
  readonly etag: string;
  readonly mode: number;
  readonly mtime: string;
}

/** The schema and secret test of a deployment's layout and version, computed once per call. */
export interface EnvModel {
  readonly schema: EnvSchema;
  readonly isSecret: SecretTest;
  readonly version: string | undefined;
}

/** Layout- and version-specific schema of a deployment; unknown versions get every key of the layout. */
export function envModel(deployment: Deployment): EnvModel {
  const version = deployment.version !== undefined && /^v?\d+\.\d+\.\d+$/.test(deployment.version) ? deployment.version : undefined;
  const schema = getEnvSchema(deployment.layout, parsePlaneVersion(version));
  return { schema, isSecret: secretTest(schema), version };
}

/**
 * The rules of shared/plane over the files as they are (or would be): the same findings the
 * CLI's `hangar env check` prints. `baseline` (the files as deployed) lets the init-only rules
 * see what changed.
 */
export function findingsFor(deployment: Deployment, model: EnvModel, files: readonly { path: string; text: string }[], composeTexts: readonly string[], baseline?: readonly { path: string; text: string }[]): Finding[] {
  if (files.length === 0) return [];
  const findings = checkDeployment({
    layout: deployment.layout,
    files: files.map((f) => ({ path: f.path, text: f.text })),
    ...(composeTexts[0] !== undefined ? { composeText: composeTexts[0] } : {}),
    ...(model.version !== undefined ? { version: model.version } : {}),
    ...(baseline !== undefined && baseline.length > 0 ? { baseline: baseline.map((f) => ({ path: f.path, text: f.text })) } : {}),
  });
  return redactSecrets(findings, [...files, ...(baseline ?? [])], model);
}

/**
 * Findings leave the main process, and a rule message may quote a value (a DATABASE_URL with
 * its password): every secret value of the files is replaced by the mask in message and fix.
 * A long secret is masked wherever it appears; a short one (a password like `plane`) only where
 * it stands as a value — quoted, or as a URL's password — so `https://plane.example.com` in a
 * fix text is not mangled into `https://••••••••.example.com`.
 */
export function redactSecrets(findings: Finding[], files: readonly { text: string }[], model: EnvModel): Finding[] {
  const secrets = new Set<string>();
  for (const f of files) for (const [key, value] of resolvedValues(f.text)) if (value.length >= 4 && model.isSecret(key, value)) secrets.add(value);
  if (secrets.size === 0) return findings;
  const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  const redact = (text: string) => longestFirst.reduce((out, secret) => redactOne(out, secret), text);
  return findings.map((f) => ({ ...f, message: redact(f.message), fix: redact(f.fix) }));
}

const LONG_SECRET = 8;

function redactOne(text: string, secret: string): string {
  if (secret.length >= LONG_SECRET) return text.split(secret).join(SECRET_MASK);
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(['"])${escaped}\\1|:${escaped}@`, 'g'), (match, quote: string | undefined) =>
    quote === undefined ? `:${SECRET_MASK}@` : `${quote}${SECRET_MASK}${quote}`,
  );
}

/** Same finding in two runs: rule, keys and file (messages may quote the changed value). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.keys.join(',')}|${f.file ?? ''}`;
}

/** Key → value as compose computes it from the file alone (what `${…}` in the compose file sees). */
export function resolvedValues(text: string): ReadonlyMap<string, string> {
  return resolveEnvFile(parseEnvFile(text)).values;
}
