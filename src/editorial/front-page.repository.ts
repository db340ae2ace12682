import type { DataSource } from 'typeorm';
import type { FrontPageBlock } from '../../entities/editorial/front-page-arrangement.entity';
import { objectRows } from '../db/driver-rows';
import { sqlDate } from '../db/sql-values';

export const FRONT_PAGE_BLOCKS: FrontPageBlock[] = ['headline', 'selection'];

/** The article ids of each curated block's current arrangement, in slot order: one statement. */
export async function currentFrontPage(ds: DataSource, now: Date): Promise<Record<FrontPageBlock, number[]>> {
  const latest = FRONT_PAGE_BLOCKS.map(
    (_, i) =>
      `SELECT * FROM (SELECT id FROM front_page_arrangement WHERE block = ? AND activeFrom <= ? ` +
      `ORDER BY activeFrom DESC, id DESC LIMIT 1) AS a${i}`,
  ).join(' UNION ALL ');
  const params = FRONT_PAGE_BLOCKS.flatMap((block) => [block, sqlDate(ds, now)]);
  const rows = await objectRows(ds)<{ block: FrontPageBlock; articleId: number }>(
    `SELECT a.block AS block, s.articleId AS articleId FROM front_page_slot s
     JOIN front_page_arrangement a ON a.id = s.arrangementId
     WHERE s.arrangementId IN (SELECT id FROM (${latest}) AS current_arrangements)
     ORDER BY a.block, s.position`,
    params,
  );
  const out: Record<FrontPageBlock, number[]> = { headline: [], selection: [] };
  for (const row of rows) out[row.block].push(Number(row.articleId));
  return out;
}
