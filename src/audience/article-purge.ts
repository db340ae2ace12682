import type { DataSource } from 'typeorm';
import type { RankingCache } from './ranking-cache';

/** Tables holding an article's page views and the copy of its editorial facts. */
const ARTICLE_TABLES = ['page_view_hourly', 'page_view_daily', 'article_view_total', 'article_meta'];

/**
 * Drops everything this subgraph keeps about an article editorial purged (its change-feed
 * tombstone excepted), in one transaction. Views of it still in the memory buffer may be
 * written by the next flush; they are counts of an id nothing resolves any more.
 */
export async function dropArticleViews(rt: { dataSource: DataSource; rankings: RankingCache }, articleId: number): Promise<void> {
  await rt.dataSource.transaction(async (m) => {
    for (const table of ARTICLE_TABLES) await m.query(`DELETE FROM ${table} WHERE articleId = ?`, [articleId]);
  });
  rt.rankings.invalidate();
}
