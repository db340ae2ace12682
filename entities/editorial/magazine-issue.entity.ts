import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A print issue of the magazine ("En kiosque"). The current one is the latest on sale. */
@Entity({ name: 'magazine_issue' })
@Index('uq_magazine_issue_number', ['number'], { unique: true })
@Index('ix_magazine_issue_on_sale', ['onSaleDate'])
export class MagazineIssue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'int', nullable: true })
  coverId: number | null;

  /** Calendar day it reaches the news-stands (YYYY-MM-DD). */
  @Column({ type: 'date' })
  onSaleDate: string;
}
