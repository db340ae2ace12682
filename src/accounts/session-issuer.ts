import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { RefreshToken } from '../../entities/accounts/refresh-token.entity';
import type { User } from '../../entities/accounts/user.entity';
import { UserRole } from '../../entities/accounts/user-role.entity';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from '../auth/access-token';
import type { Role } from '../auth/roles';
import { newSecret, secretHash } from './secrets';

/** A refresh token lives 30 days after it was issued; every refresh issues a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export type Session = {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: User;
};

type Db = DataSource | EntityManager;

/** Stored roles of a user, without the implicit `reader`. */
export async function storedRoles(db: Db, userId: number): Promise<Role[]> {
  const rows = await db.getRepository(UserRole).find({ where: { userId }, order: { role: 'ASC' } });
  return rows.map((r) => r.role);
}

/**
 * Mints the tokens of a session: a short-lived access token carrying the roles as stored
 * now, and a refresh token whose hash is written with the caller's transaction manager.
 */
export async function issueSession(m: EntityManager, user: User, now: Date, familyId: string = randomUUID()): Promise<Session> {
  const refreshToken = newSecret();
  const refreshTokenExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
  await m.getRepository(RefreshToken).insert({
    userId: user.id,
    familyId,
    tokenHash: secretHash(refreshToken),
    createdAt: now,
    expiresAt: refreshTokenExpiresAt,
    replacedAt: null,
    revokedAt: null,
  });
  const roles = await storedRoles(m, user.id);
  const accessToken = await signAccessToken({ userId: user.id, roles });
  return { accessToken, expiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000), refreshToken, refreshTokenExpiresAt, user };
}

/** Marks a token replaced, only if it still is the live one; false when another request got there first. */
export async function markReplaced(m: EntityManager, tokenId: number, now: Date): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(RefreshToken)
    .set({ replacedAt: now })
    .where('id = :id AND replacedAt IS NULL AND revokedAt IS NULL', { id: tokenId })
    .execute();
  return (result.affected ?? 0) === 1;
}

export async function revokeFamily(db: Db, familyId: string, now: Date): Promise<void> {
  await db.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
}

/** Signs the user out everywhere: after a password change or reset. */
export async function revokeAllSessions(db: Db, userId: number, now: Date): Promise<void> {
  await db.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
}
