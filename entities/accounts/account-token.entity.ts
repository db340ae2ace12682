import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

/** A one-time token mailed to a user (email verification, password reset), stored hashed. */
@Entity({ name: 'account_token' })
@Index('uq_account_token_hash', ['tokenHash'], { unique: true })
@Index('ix_account_token_user', ['userId', 'purpose'])
export class AccountToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;
}
