import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { objectRows } from '../db/driver-rows';
import { placeholders } from '../db/sql-values';

/**
 * The audience subgraph's per-request loaders. `viewCount` of every article on a page (the
 * gateway sends them in one `_entities` batch) is one `WHERE articleId IN (…)` on the totals.
 */
export function createAudienceLoaders(ds: DataSource) {
  const read = objectRows(ds);
  return {
    viewCount: new DataLoader<number, number>(async (ids) => {
      const rows = await read<{ articleId: number; views: number | string }>(
        `SELECT articleId, views FROM article_view_total WHERE articleId IN (${placeholders(ids.length)})`,
        [...ids],
      );
      const byId = new Map(rows.map((r) => [Number(r.articleId), Number(r.views)]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
  };
}

export type AudienceLoaders = ReturnType<typeof createAudienceLoaders>;
