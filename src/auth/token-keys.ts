import { createHash } from 'node:crypto';

const DEV_SECRET = 'newsroom-development-secret-change-me-in-production';

/**
 * The HMAC key every subgraph and the gateway use to sign and verify access tokens; the
 * same `AUTH_SECRET` must be given to every process. Production refuses to start without one.
 */
export function accessTokenKey(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const secret = env.AUTH_SECRET;
  if (!secret) {
    if (env.NODE_ENV === 'production') throw new Error('AUTH_SECRET must be set in production (32+ random bytes)');
    return new Uint8Array(createHash('sha256').update(DEV_SECRET).digest());
  }
  if (secret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters');
  return new Uint8Array(createHash('sha256').update(secret).digest());
}
