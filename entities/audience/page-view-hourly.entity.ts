import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Page views per article and UTC hour: the aggregate every ranking is computed from (raw
 * events are never stored). The hour comes first in the key so "the last 24 hours" is one
 * range of the clustered index; per-article totals live in `article_view_total`.
 */
@Entity({ name: 'page_view_hourly' })
export class PageViewHourly {
  /** UTC hour number: milliseconds since the epoch divided by 3,600,000. */
  @PrimaryColumn({ type: 'int' })
  hour: number;

  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @Column({ type: 'int', default: 0 })
  views: number;
}
