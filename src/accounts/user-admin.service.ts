import type { EntityManager } from 'typeorm';
import { User } from '../../entities/accounts/user.entity';
import { UserRole } from '../../entities/accounts/user-role.entity';
import { Role } from '../auth/roles';
import { isAdmin } from '../auth/viewer-guards';
import type { RequestContext } from '../context/request-context';
import { isMysql } from '../db/data-source';
import { AppError, badInput, ErrorCode, notFound } from '../errors/app-error';
import { ConnectionPage, decodeCursor, encodeCursor, pageSize } from '../graphql/connection';
import type { AccountsRuntime } from './accounts-runtime';
import { storedRoles } from './session-issuer';

/**
 * Administration of accounts: listing users and granting or revoking roles. Every method
 * re-reads the caller's roles from the database before acting, so an admin demoted a
 * minute ago cannot keep administering on a still-valid access token.
 */
export class UserAdminService {
  constructor(
    private readonly rt: AccountsRuntime,
    private readonly ctx: RequestContext,
  ) {}

  private get ds() {
    return this.rt.dataSource;
  }

  /** Every account, oldest first, keyset-paginated by id. */
  async users(first?: number | null, after?: string | null): Promise<ConnectionPage<User>> {
    await this.requireStoredAdmin();
    const limit = pageSize(first);
    const afterId = after ? (decodeCursor(after, ['number'])[0] as number) : 0;
    const rows = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.id > :afterId', { afterId })
      .orderBy('u.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor([node.id]), node }));
    return new ConnectionPage(edges, rows.length > limit, () => this.ds.getRepository(User).count(), Boolean(after));
  }

  async grantRole(userId: number, role: Role): Promise<User> {
    const adminId = await this.requireStoredAdmin();
    if (role === Role.Reader) throw badInput('Every user is a reader; that role cannot be granted', { argument: 'role' });
    const user = await this.userOrNotFound(userId);
    await this.ds.transaction(async (m) => {
      if (await m.getRepository(UserRole).existsBy({ userId, role })) return;
      await m.getRepository(UserRole).insert({ userId, role, grantedAt: this.ctx.now, grantedById: adminId });
    });
    return user;
  }

  /**
   * Removes a role. Roles in access tokens already issued stay until they expire (15
   * minutes at most); the next refresh reads the stored roles. The last admin cannot
   * remove their own admin role: the newsroom would be left without one.
   */
  async revokeRole(userId: number, role: Role): Promise<User> {
    await this.requireStoredAdmin();
    if (role === Role.Reader) throw badInput('Every user is a reader; that role cannot be revoked', { argument: 'role' });
    const user = await this.userOrNotFound(userId);
    await this.ds.transaction(async (m) => {
      if (role === Role.Admin && (await this.lockedAdminIds(m)).every((id) => id === userId)) {
        throw new AppError(ErrorCode.Conflict, 'The last admin cannot give up the admin role; make someone else admin first', { reason: 'LAST_ADMIN' });
      }
      await m.getRepository(UserRole).delete({ userId, role });
    });
    return user;
  }

  /** Admin ids, locked on MySQL so two admins cannot demote each other at once. SQLite serialises writers anyway. */
  private async lockedAdminIds(m: EntityManager): Promise<number[]> {
    const qb = m.getRepository(UserRole).createQueryBuilder('r').select('r.userId', 'userId').where('r.role = :role', { role: Role.Admin });
    if (isMysql(this.ds)) qb.setLock('pessimistic_write');
    const rows: Array<{ userId: number }> = await qb.getRawMany();
    return rows.map((r) => Number(r.userId));
  }

  private async userOrNotFound(userId: number): Promise<User> {
    const user = await this.ds.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('User', { id: String(userId) });
    return user;
  }

  /** The caller's id if they are an admin now, per the database; FORBIDDEN otherwise. */
  async requireStoredAdmin(): Promise<number> {
    const viewer = this.ctx.viewer;
    if (!viewer || viewer.kind !== 'user' || !isAdmin(viewer)) throw new AppError(ErrorCode.Forbidden, 'Admins only');
    if (!(await storedRoles(this.ds, viewer.userId)).includes(Role.Admin)) throw new AppError(ErrorCode.Forbidden, 'Admins only', { reason: 'ROLE_REVOKED' });
    return viewer.userId;
  }
}
