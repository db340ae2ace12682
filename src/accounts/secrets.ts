import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer secret: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * How secrets are stored: SHA-256, hex. A fast hash is right here (unlike passwords):
 * the secrets carry 256 bits of entropy, so there is nothing to brute-force, and lookups
 * by hash stay a plain unique-index probe.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
