import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { accessTokenKey } from '../../auth/token-keys';
import { AppError, ErrorCode } from '../../errors/app-error';

const AUDIENCE = 'newsroom-preview';
export const PREVIEW_TTL_SECONDS = 48 * 3600;

/** A signed, expiring link token that shows one article as the public would see it, to whoever holds it. */
export async function signPreviewToken(articleId: number, ttlSeconds = PREVIEW_TTL_SECONDS): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({ aid: articleId })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(accessTokenKey());
  return { token, expiresAt: new Date(exp * 1000) };
}

export async function verifyPreviewToken(token: string): Promise<number> {
  try {
    const { payload } = await jwtVerify(token, accessTokenKey(), { audience: AUDIENCE, algorithms: ['HS256'] });
    const id = Number(payload.aid);
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error('no article');
    return id;
  } catch (err) {
    const expired = err instanceof joseErrors.JWTExpired;
    throw new AppError(ErrorCode.Unauthenticated, expired ? 'Preview link expired' : 'Invalid preview link', {
      reason: expired ? 'expired' : 'invalid',
    });
  }
}
