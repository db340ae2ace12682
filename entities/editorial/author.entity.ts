import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SocialLinks = { x?: string; facebook?: string; linkedin?: string; instagram?: string; website?: string };

/** A byline profile. `userId` links it to an account of the accounts subgraph (by id only). */
@Entity({ name: 'author' })
@Index('uq_author_slug', ['slug'], { unique: true })
@Index('ix_author_user', ['userId'])
export class Author {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 160 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'int', nullable: true })
  avatarId: number | null;

  @Column({ type: 'json', nullable: true })
  socialLinks: SocialLinks | null;

  @Column({ type: 'int', nullable: true })
  userId: number | null;
}
