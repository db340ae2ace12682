import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Page views per article and UTC day, written in the same flush as the hourly rows. Weekly and
 * monthly rankings read 7 or 30 rows per article here instead of 168 or 720 hourly ones.
 */
@Entity({ name: 'page_view_daily' })
export class PageViewDaily {
  /** UTC day number: milliseconds since the epoch divided by 86,400,000. */
  @PrimaryColumn({ type: 'int' })
  day: number;

  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'int', default: 0 })
  views: number;
}
