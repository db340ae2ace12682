import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A filled slot of an arrangement; position 0 of the headline block is the lead. */
@Entity({ name: 'front_page_slot' })
export class FrontPageSlot {
  @PrimaryColumn({ type: 'int' })
  arrangementId: number;

  @PrimaryColumn({ type: 'int' })
  position: number;

  @Column({ type: 'int' })
  articleId: number;
}
