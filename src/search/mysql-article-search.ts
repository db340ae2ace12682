import type { DataSource, EntityManager } from 'typeorm';
import { placeholders, sqlDate, valuesPlaceholders } from '../db/sql-values';
import type { ArticleSearch, SearchCursor, SearchDocument, SearchHit } from './article-search';
import { foldText } from './fold-text';

/**
 * InnoDB FULLTEXT over `article_search` (articleId, title, standfirst, body). Boolean mode with
 * every term required and prefix-matched; words shorter than innodb_ft_min_token_size (3) are
 * not indexed, so they are dropped from the query instead of making it match nothing.
 */
export class MysqlArticleSearch implements ArticleSearch {
  async index(db: DataSource | EntityManager, docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 300) {
      const chunk = docs.slice(i, i + 300);
      await db.query(
        `REPLACE INTO article_search (articleId, title, standfirst, body) VALUES ${valuesPlaceholders(chunk.length, 4)}`,
        chunk.flatMap((d) => [d.articleId, foldText(d.title), foldText(d.standfirst), foldText(d.body)]),
      );
    }
  }

  async remove(db: DataSource | EntityManager, articleIds: number[]): Promise<void> {
    if (articleIds.length) await db.query(`DELETE FROM article_search WHERE articleId IN (${placeholders(articleIds.length)})`, articleIds);
  }

  private against(terms: string[]): string | null {
    const usable = terms.filter((t) => t.length >= 3);
    return usable.length ? usable.map((t) => `+${t}*`).join(' ') : null;
  }

  private score(): string {
    // Title counts most: its own match weighs in on top of the three-column relevance.
    return `CAST(ROUND((MATCH(s.title, s.standfirst, s.body) AGAINST (? IN BOOLEAN MODE) + 2 * MATCH(s.title) AGAINST (? IN BOOLEAN MODE)) * 1000000) AS SIGNED)`;
  }

  async search(db: DataSource | EntityManager, terms: string[], limit: number, after: SearchCursor | null, now: Date): Promise<SearchHit[]> {
    const against = this.against(terms);
    if (!against) return [];
    const params: unknown[] = [against, against, against, sqlDate(db, now), sqlDate(db, now)];
    let keyset = '';
    if (after) {
      keyset = 'WHERE score < ? OR (score = ? AND id < ?)';
      params.push(after.score, after.score, after.id);
    }
    const rows: Array<{ id: number; score: number | string }> = await db.query(
      `SELECT id, score FROM (
         SELECT s.articleId AS id, ${this.score()} AS score
         FROM article_search s JOIN article a ON a.id = s.articleId
         WHERE MATCH(s.title, s.standfirst, s.body) AGAINST (? IN BOOLEAN MODE) AND a.status = 'published' AND a.publishedAt <= ? AND (a.embargoUntil IS NULL OR a.embargoUntil <= ?)
       ) AS hits ${keyset} ORDER BY score DESC, id DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({ articleId: Number(r.id), score: Number(r.score) }));
  }

  async count(db: DataSource | EntityManager, terms: string[], now: Date): Promise<number> {
    const against = this.against(terms);
    if (!against) return 0;
    const rows: Array<{ n: number | string }> = await db.query(
      `SELECT COUNT(*) AS n FROM article_search s JOIN article a ON a.id = s.articleId
       WHERE MATCH(s.title, s.standfirst, s.body) AGAINST (? IN BOOLEAN MODE) AND a.status = 'published' AND a.publishedAt <= ? AND (a.embargoUntil IS NULL OR a.embargoUntil <= ?)`,
      [against, sqlDate(db, now), sqlDate(db, now)],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
