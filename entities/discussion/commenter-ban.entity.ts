import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A commenter barred from posting. A signed-in author is banned by user id; a guest by the
 * email they gave and the address they posted from (either matches). A ban lasts until a
 * moderator lifts it; the row stays for the record.
 */
@Entity({ name: 'commenter_ban' })
@Index('ix_commenter_ban_user', ['userId'])
@Index('ix_commenter_ban_email', ['guestEmail'])
@Index('ix_commenter_ban_ip', ['ip'])
export class CommenterBan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  guestEmail: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'int' })
  bannedById: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  liftedById: number | null;
}
