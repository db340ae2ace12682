import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Viewer } from './viewer';
import { ALL_ROLES, Role, ServiceScope } from './roles';
import { accessTokenKey } from './token-keys';

const ISSUER = 'newsroom';
const AUDIENCE = 'newsroom-graph';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export type TokenFailure = 'expired' | 'invalid';

/** Signs a short-lived access token for a user (roles) or a service (scopes). */
export async function signAccessToken(
  subject: { userId?: number; serviceTokenId?: number; roles?: Role[]; scopes?: ServiceScope[] },
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
): Promise<string> {
  const sub = subject.userId ? `user:${subject.userId}` : `service:${subject.serviceTokenId}`;
  return new SignJWT({ roles: subject.roles ?? [], scopes: subject.scopes ?? [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(accessTokenKey());
}

/** Verifies a bearer token; every subgraph calls this itself, trusting nothing the gateway adds. */
export async function verifyAccessToken(token: string): Promise<{ viewer: Viewer } | { failure: TokenFailure }> {
  try {
    const { payload } = await jwtVerify(token, accessTokenKey(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const [kind, rawId] = String(payload.sub ?? '').split(':');
    const id = Number(rawId);
    if (!Number.isSafeInteger(id) || id <= 0) return { failure: 'invalid' };
    const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is Role => ALL_ROLES.includes(r as Role));
    const scopes = (Array.isArray(payload.scopes) ? payload.scopes : []).filter((s): s is ServiceScope =>
      Object.values(ServiceScope).includes(s as ServiceScope),
    );
    if (kind === 'user') return { viewer: { kind: 'user', userId: id, roles: [...new Set([Role.Reader, ...roles])], scopes: [] } };
    if (kind === 'service') return { viewer: { kind: 'service', serviceTokenId: id, roles: [], scopes } };
    return { failure: 'invalid' };
  } catch (err) {
    return { failure: err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}
