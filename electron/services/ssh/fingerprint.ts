import { createHash } from 'node:crypto';

/**
 * `SHA256:<base64 without padding>` of the public key blob: byte for byte what `ssh-keygen -lf`
 * and OpenSSH's host-key prompt print, so users can compare against their server's console.
 */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The key type named inside an SSH public key blob (its first length-prefixed string, e.g.
 * `ssh-ed25519`). Returns undefined for a blob too short to hold one, rather than throwing on
 * bytes a server sent.
 */
export function keyBlobAlgorithm(keyBlob: Buffer): string | undefined {
  if (keyBlob.length < 4) return undefined;
  const length = keyBlob.readUInt32BE(0);
  if (length === 0 || length > 64 || keyBlob.length < 4 + length) return undefined;
  const name = keyBlob.subarray(4, 4 + length).toString('latin1');
  return /^[a-z0-9@.-]+$/.test(name) ? name : undefined;
}

/**
 * Host-key algorithms ssh2 may negotiate for a given key type. known_hosts stores a key type
 * (`ssh-rsa`), while the handshake may sign with `rsa-sha2-512`; both mean the same key.
 */
export function hostKeyAlgorithmsFor(keyType: string): string[] {
  return keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [keyType];
}
