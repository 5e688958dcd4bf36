import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { getEnvSchema } from '../../../shared/plane/schema/env-schema';
import { SECRET_MASK } from '../../../shared/schemas/env-edit';
import { maskText, secretTest, unmaskText } from './secret-mask';

const isSecret = secretTest(getEnvSchema('community'));

describe('secret masking', () => {
  it('treats schema secrets, credential-like names and URLs with passwords as secrets', () => {
    expect(isSecret('SECRET_KEY')).toBe(true);
    expect(isSecret('SMTP_PASSWORD')).toBe(true);
    expect(isSecret('GITHUB_TOKEN')).toBe(true);
    expect(isSecret('MY_URL', 'postgresql://u:p@db/x')).toBe(true);
    expect(isSecret('WEB_URL', 'https://plane.example.com')).toBe(false);
    expect(isSecret('APP_DOMAIN')).toBe(false);
    expect(isSecret('API_KEY_RATE_LIMIT')).toBe(false);
    expect(isSecret('REDIS_URL', 'redis://:pw@cache:6379/')).toBe(true);
  });

  it('masks values but keeps quotes, export, comments, empty values and every other byte', () => {
    const text = 'export SECRET_KEY="abc" # keep\r\nLIVE_SERVER_SECRET_KEY=\r\nDEBUG=0\r\n';
    expect(maskText(parseEnvFile(text), isSecret)).toBe(`export SECRET_KEY=${SECRET_MASK} # keep\r\nLIVE_SERVER_SECRET_KEY=\r\nDEBUG=0\r\n`);
  });

  it('restores masked values from the original so a raw-view save round-trips byte for byte', () => {
    const text = "SECRET_KEY='x$y'\nPOSTGRES_PASSWORD=\"p w\" # db\nDEBUG=0\n";
    const original = parseEnvFile(text);
    expect(unmaskText(original, maskText(original, isSecret), isSecret)).toBe(text);
    expect(unmaskText(original, maskText(original, isSecret).replace('DEBUG=0', 'DEBUG=1'), isSecret)).toBe(text.replace('DEBUG=0', 'DEBUG=1'));
  });
});
