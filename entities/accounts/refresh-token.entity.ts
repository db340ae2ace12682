import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A refresh token, stored as the SHA-256 of its secret. Tokens of one login form a family:
 * each refresh replaces the presented token by a new one of the same family. A replaced
 * token presented again means it leaked, and the whole family is revoked.
 */
@Entity({ name: 'refresh_token' })
@Index('uq_refresh_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_token_family', ['familyId'])
@Index('ix_refresh_token_user', ['userId'])
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 36 })
  familyId: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  replacedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
