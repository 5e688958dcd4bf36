import type { SecretGenerator } from '../../../../shared/schemas/env';

const alphabets: Record<SecretGenerator['alphabet'], string> = {
  alphanumeric: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  'lowercase-alphanumeric': 'abcdefghijklmnopqrstuvwxyz0123456789',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  hex: '0123456789abcdef',
};

/** Used when a key has no generator in the schema (a custom secret): safe in any env file. */
export const DEFAULT_GENERATOR: SecretGenerator = { length: 48, alphabet: 'alphanumeric' };

/**
 * A secret from the CSPRNG (`crypto.getRandomValues`), `length` characters of the key's alphabet.
 * Bytes above the largest multiple of the alphabet size are rejected, so every character is
 * equally likely (no modulo bias), and no alphabet contains a character env files must quote.
 */
export function generateSecret(
  generator: SecretGenerator = DEFAULT_GENERATOR,
  random: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = alphabets[generator.alphabet];
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  const buffer = new Uint8Array(generator.length * 2);
  while (out.length < generator.length) {
    random(buffer);
    for (const byte of buffer) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === generator.length) break;
    }
  }
  return out;
}
