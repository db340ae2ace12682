import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A newsletter readers can subscribe to ("La matinale", thematic letters). */
@Entity({ name: 'newsletter' })
@Index('uq_newsletter_slug', ['slug'], { unique: true })
export class Newsletter {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'int', default: 0 })
  position: number;
}
