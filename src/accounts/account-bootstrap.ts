import type { DataSource } from 'typeorm';
import { User } from '../../entities/accounts/user.entity';
import { UserRole } from '../../entities/accounts/user-role.entity';
import { Role } from '../auth/roles';
import { cleanDisplayName } from '../text/display-name';
import { assertAcceptablePassword, normalizeEmail } from './account-fields';
import { hashPassword } from './password-hasher';

/**
 * Creates an account with roles outside any request: the first admin of a fresh install,
 * scripts and test fixtures. It applies the same field rules as `register`; there is no
 * permission check because whoever holds the data source already owns the database.
 */
export async function bootstrapAccount(
  ds: DataSource,
  input: { email: string; password: string; displayName: string; roles?: Role[]; verified?: boolean },
): Promise<User> {
  const email = normalizeEmail(input.email);
  const displayName = cleanDisplayName(input.displayName, 'displayName');
  assertAcceptablePassword(input.password, 'password', email);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  return ds.transaction(async (m) => {
    const user = m.getRepository(User).create({
      email,
      passwordHash,
      displayName,
      emailVerifiedAt: input.verified === false ? null : now,
      createdAt: now,
      updatedAt: now,
    });
    await m.getRepository(User).insert(user);
    const roles = [...new Set(input.roles ?? [])].filter((r) => r !== Role.Reader);
    if (roles.length) await m.getRepository(UserRole).insert(roles.map((role) => ({ userId: user.id, role, grantedAt: now, grantedById: null })));
    return user;
  });
}
