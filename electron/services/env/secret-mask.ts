import { AppError } from '../../../shared/ipc/errors';
import type { EnvDocument, EnvLine } from '../../../shared/plane/env/env-document';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import type { EnvSchema } from '../../../shared/plane/schema/env-schema';
import { SECRET_MASK } from '../../../shared/schemas/env-edit';

/** Names that hold credentials even when the schema does not know the key (custom additions). */
const secretName = /(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|API_KEY|ACCESS_KEY)(_|$)|(^|_)PASS$/i;
/** A URL with `user:password@` carries a password (DATABASE_URL, AMQP_URL, custom ones). */
const urlWithPassword = /^[a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:[^/@\s]+@/i;

/** Whether a key's value is a secret, for masking: the schema's flag, a credential-like name, or a URL with a password. */
export type SecretTest = (key: string, value?: string) => boolean;

/** The secret test of a layout's schema: schema flags win for known keys, names decide for unknown ones. */
export function secretTest(schema: EnvSchema): SecretTest {
  return (key, value) => {
    const withPassword = value !== undefined && urlWithPassword.test(value);
    const spec = schema.spec(key);
    // The schema decides for keys it knows (API_KEY_RATE_LIMIT is a rate, not a key); names guess for the rest.
    return spec !== undefined ? spec.secret || withPassword : secretName.test(key) || withPassword;
  };
}

/** A value as it may leave the main process: '' stays '' (so "not set" is visible), anything else is masked. */
export function maskValue(value: string): string {
  return value === '' ? '' : SECRET_MASK;
}

/** The line with its value replaced by the mask when it sets a secret; other lines unchanged. */
export function maskLine(line: EnvLine, isSecret: SecretTest): string {
  if (line.kind !== 'entry' || !isSecret(line.key, line.template) || line.template === '') return line.raw;
  return line.prefix + SECRET_MASK + line.suffix;
}

/** The whole file as the raw view shows it: same lines, secret values masked. */
export function maskText(doc: EnvDocument, isSecret: SecretTest): string {
  let out = doc.bom ? '\ufeff' : '';
  for (const line of doc.lines) out += maskLine(line, isSecret) + line.eol;
  return out;
}

/**
 * Turns the raw view's edited text back into the real file: every secret line whose value is
 * still exactly `SECRET_MASK` gets the value it has in `original` (so a user can edit other
 * lines without ever seeing the secret). A masked line for a key the file does not have is
 * refused: there is no value to restore.
 */
export function unmaskText(original: EnvDocument, edited: string, isSecret: SecretTest): string {
  const source = new Map<string, { valueText: string; template: string }>();
  for (const line of original.lines) if (line.kind === 'entry') source.set(line.key, line);
  const doc = parseEnvFile(edited);
  let out = doc.bom ? '\ufeff' : '';
  for (const line of doc.lines) {
    const masked = line.kind === 'entry' && line.template === SECRET_MASK && line.valueText === SECRET_MASK;
    if (!masked || line.kind !== 'entry') {
      out += line.raw + line.eol;
      continue;
    }
    const before = source.get(line.key);
    if (before === undefined) {
      throw new AppError('INVALID_INPUT', `Line ${line.line} sets ${line.key} to the hidden-value placeholder, but the file has no ${line.key} to keep. Type the real value.`, { key: line.key, line: line.line });
    }
    const keep = isSecret(line.key, before.template) ? before.valueText : line.valueText;
    out += line.prefix + keep + line.suffix + line.eol;
  }
  return out;
}
