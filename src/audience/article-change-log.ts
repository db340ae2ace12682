import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '../db/data-source';
import { readDate, sqlDate } from '../db/sql-values';
import { exclusive } from '../db/write-transaction';
import type { RankingCache } from './ranking-cache';

export enum ChangeKind {
  Created = 'created',
  Updated = 'updated',
  Published = 'published',
  Unpublished = 'unpublished',
  Trashed = 'trashed',
  Deleted = 'deleted',
}

export type ArticleChange = { seq: number; articleId: number; kind: ChangeKind; changedAt: Date };

const SEQUENCE = 'article_change';

/** Changes after which the article is no longer public: rankings drop it at once. */
const HIDES = new Set([ChangeKind.Unpublished, ChangeKind.Trashed, ChangeKind.Deleted]);

/** Whether an article is no longer public after this change (rankings drop it). */
export function hidesArticle(kind: ChangeKind): boolean {
  return HIDES.has(kind);
}

/**
 * The feed of article changes analytics jobs sync from: "every article created, updated,
 * (un)published or deleted after cursor N", without gaps or duplicates while editors write.
 *
 * Why not an auto-increment log: ids are handed out at INSERT, not at COMMIT. Two writers
 * take 5 and 6; 6 commits first; a reader pages to 6 and moves its cursor there; 5 commits
 * and is never read. Here every change takes its number from the single `audience_sequence`
 * row, incremented inside the change's transaction: the row stays locked until that
 * transaction ends, so the next writer gets its number only after the previous one has
 * committed. Numbers therefore become visible in increasing order, and a reader that has
 * seen N has already been able to see everything below N. (On SQLite, where one connection
 * is shared, changes and feed reads are also serialised by the runtime.)
 *
 * The feed is compacted to one row per article, holding its latest change: an article edited
 * ten times since the last sync comes back once, with its newest number; one edited while a
 * job pages through the feed moves past the job's cursor and is read again, later, as the
 * new change it is. Deletions stay as tombstones, and a tombstone is never turned back into
 * a change by a late event.
 */
export class ArticleChangeLog {
  private sequenceReady: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rankings: RankingCache,
  ) {}

  /**
   * Records a change and returns its number; with `claim` (a durable subscription's event), only
   * if the claim succeeds in the same transaction, else null (the event was applied already).
   */
  async record(articleId: number, kind: ChangeKind, at = new Date(), claim?: (m: EntityManager) => Promise<boolean>): Promise<number | null> {
    await this.ensureSequence();
    const seq = await this.dataSource.transaction(async (m) => {
      if (claim && !(await claim(m))) return null;
      const next = await nextValue(m, SEQUENCE);
      await m.query(upsertChangeSql(m), [articleId, next, kind, sqlDate(m, at)]);
      if (HIDES.has(kind)) {
        await m.query('UPDATE article_meta SET listed = 0 WHERE articleId = ?', [articleId]);
      }
      return next;
    });
    if (seq !== null && HIDES.has(kind)) this.rankings.invalidate();
    return seq;
  }

  /** Changes numbered above `after`, oldest first; one more than `first` is read to tell whether more follow. */
  async page(after: number, first: number): Promise<{ changes: ArticleChange[]; hasMore: boolean }> {
    const rows: Array<{ articleId: number; seq: number | string; kind: string; changedAt: unknown }> = await exclusive(this.dataSource, () =>
      this.dataSource.query('SELECT articleId, seq, kind, changedAt FROM article_change_state WHERE seq > ? ORDER BY seq LIMIT ?', [after, first + 1]),
    );
    const changes = rows.slice(0, first).map((r) => ({
      seq: Number(r.seq),
      articleId: Number(r.articleId),
      kind: r.kind as ChangeKind,
      changedAt: readDate(r.changedAt),
    }));
    return { changes, hasMore: rows.length > first };
  }

  /** The newest number handed out (0 before any change). */
  async latest(): Promise<number> {
    const rows: Array<{ seq: number | string | null }> = await exclusive(this.dataSource, () =>
      this.dataSource.query('SELECT MAX(seq) AS seq FROM article_change_state'),
    );
    return Number(rows[0]?.seq ?? 0);
  }

  /** Creates the counter row once, outside any change transaction (two first writers cannot both insert it). */
  private ensureSequence(): Promise<void> {
    this.sequenceReady ??= this.dataSource
      .query(
        isMysql(this.dataSource)
          ? 'INSERT IGNORE INTO audience_sequence (name, lastValue) VALUES (?, 0)'
          : 'INSERT INTO audience_sequence (name, lastValue) VALUES (?, 0) ON CONFLICT (name) DO NOTHING',
        [SEQUENCE],
      )
      .then(() => undefined)
      .catch((err) => {
        this.sequenceReady = null;
        throw err;
      });
    return this.sequenceReady;
  }
}

/** Takes the next number of a counter; its row stays locked until the caller's transaction ends. */
async function nextValue(m: EntityManager, name: string): Promise<number> {
  await m.query('UPDATE audience_sequence SET lastValue = lastValue + 1 WHERE name = ?', [name]);
  const rows: Array<{ lastValue: number | string }> = await m.query('SELECT lastValue FROM audience_sequence WHERE name = ?', [name]);
  return Number(rows[0].lastValue);
}

function upsertChangeSql(m: EntityManager): string {
  const insert = 'INSERT INTO article_change_state (articleId, seq, kind, changedAt) VALUES (?, ?, ?, ?)';
  if (isMysql(m.connection)) {
    return `${insert} ON DUPLICATE KEY UPDATE kind = CASE WHEN kind = 'deleted' THEN kind ELSE VALUES(kind) END, seq = VALUES(seq), changedAt = VALUES(changedAt)`;
  }
  return `${insert} ON CONFLICT (articleId) DO UPDATE SET kind = CASE WHEN kind = 'deleted' THEN kind ELSE excluded.kind END, seq = excluded.seq, changedAt = excluded.changedAt`;
}
