import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ServiceScope } from '../../src/auth/roles';

/**
 * A credential for a job (analytics, exports): no password, a secret shown once at creation
 * and stored as its SHA-256, a fixed set of scopes, revocable.
 */
@Entity({ name: 'service_token' })
@Index('uq_service_token_hash', ['secretHash'], { unique: true })
export class ServiceToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'json' })
  scopes: ServiceScope[];

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column({ type: 'int' })
  createdById: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
