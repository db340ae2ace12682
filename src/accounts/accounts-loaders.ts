import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Newsletter } from '../../entities/accounts/newsletter.entity';
import { User } from '../../entities/accounts/user.entity';
import { UserRole } from '../../entities/accounts/user-role.entity';
import type { Role } from '../auth/roles';

/**
 * The accounts subgraph's per-request loaders: one `WHERE id IN (…)` per batch, answers in
 * key order. `_entities` resolves many User references at once through `userById`.
 */
export function createAccountsLoaders(ds: DataSource) {
  return {
    userById: new DataLoader<number, User | null>(async (ids) => {
      const rows = await ds.getRepository(User).findBy({ id: In(ids as number[]) });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Stored roles (without the implicit `reader`), sorted. */
    rolesByUserId: new DataLoader<number, Role[]>(async (ids) => {
      const rows = await ds.getRepository(UserRole).find({ where: { userId: In(ids as number[]) }, order: { role: 'ASC' } });
      const byUser = new Map<number, Role[]>();
      for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.role]);
      return ids.map((id) => byUser.get(id) ?? []);
    }),
    newsletterById: new DataLoader<number, Newsletter | null>(async (ids) => {
      const rows = await ds.getRepository(Newsletter).findBy({ id: In(ids as number[]) });
      const byId = new Map(rows.map((n) => [n.id, n]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
