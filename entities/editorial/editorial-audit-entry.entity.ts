import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every editorial mutation: who did what to which entity, before and after. */
@Entity({ name: 'editorial_audit_entry' })
@Index('ix_editorial_audit_entity', ['entityType', 'entityId', 'id'])
@Index('ix_editorial_audit_user', ['userId', 'id'])
export class EditorialAuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  /** e.g. "article.update", "article.publish", "rubric.move", "frontpage.arrange". */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entityType: string;

  @Column({ type: 'int', nullable: true })
  entityId: number | null;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'json', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
