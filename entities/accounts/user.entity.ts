import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's account. The email is stored lower-cased and trimmed, so the unique index is
 * the whole uniqueness rule on every engine. The password hash is an argon2id PHC string.
 */
@Entity({ name: 'user_account' })
@Index('uq_user_account_email', ['email'], { unique: true })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 80 })
  displayName: string;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
