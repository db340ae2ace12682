import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../src/auth/roles';

/** A role granted to a user. `reader` is implicit and never stored. */
@Entity({ name: 'user_role' })
@Index('ix_user_role_role', ['role', 'userId'])
export class UserRole {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'datetime', precision: 3 })
  grantedAt: Date;

  /** The admin who granted it; null for roles given by a seed or a bootstrap script. */
  @Column({ type: 'int', nullable: true })
  grantedById: number | null;
}
