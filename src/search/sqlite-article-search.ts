import type { DataSource, EntityManager } from 'typeorm';
import { placeholders, sqlDate, valuesPlaceholders } from '../db/sql-values';
import type { ArticleSearch, SearchCursor, SearchDocument, SearchHit } from './article-search';
import { foldText } from './fold-text';

/** FTS5 table `article_search` (rowid = article id); bm25 weights title 10, standfirst 4, body 1. */
export class SqliteArticleSearch implements ArticleSearch {
  async index(db: DataSource | EntityManager, docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await this.remove(db, docs.map((d) => d.articleId));
    for (let i = 0; i < docs.length; i += 300) {
      const chunk = docs.slice(i, i + 300);
      await db.query(
        `INSERT INTO article_search (rowid, title, standfirst, body) VALUES ${valuesPlaceholders(chunk.length, 4)}`,
        chunk.flatMap((d) => [d.articleId, foldText(d.title), foldText(d.standfirst), foldText(d.body)]),
      );
    }
  }

  async remove(db: DataSource | EntityManager, articleIds: number[]): Promise<void> {
    if (articleIds.length) await db.query(`DELETE FROM article_search WHERE rowid IN (${placeholders(articleIds.length)})`, articleIds);
  }

  private matchExpression(terms: string[]): string {
    return terms.map((t) => `"${t}"*`).join(' AND ');
  }

  async search(db: DataSource | EntityManager, terms: string[], limit: number, after: SearchCursor | null, now: Date): Promise<SearchHit[]> {
    const params: unknown[] = [this.matchExpression(terms), sqlDate(db, now), sqlDate(db, now)];
    let keyset = '';
    if (after) {
      keyset = 'WHERE score < ? OR (score = ? AND id < ?)';
      params.push(after.score, after.score, after.id);
    }
    const rows: Array<{ id: number; score: number }> = await db.query(
      `SELECT id, score FROM (
         SELECT s.rowid AS id, CAST(ROUND(-bm25(article_search, 10.0, 4.0, 1.0) * 1000000) AS INTEGER) AS score
         FROM article_search s JOIN article a ON a.id = s.rowid
         WHERE article_search MATCH ? AND a.status = 'published' AND a.publishedAt <= ? AND (a.embargoUntil IS NULL OR a.embargoUntil <= ?)
       ) AS hits ${keyset} ORDER BY score DESC, id DESC LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => ({ articleId: Number(r.id), score: Number(r.score) }));
  }

  async count(db: DataSource | EntityManager, terms: string[], now: Date): Promise<number> {
    const rows: Array<{ n: number }> = await db.query(
      `SELECT COUNT(*) AS n FROM article_search s JOIN article a ON a.id = s.rowid
       WHERE article_search MATCH ? AND a.status = 'published' AND a.publishedAt <= ? AND (a.embargoUntil IS NULL OR a.embargoUntil <= ?)`,
      [this.matchExpression(terms), sqlDate(db, now), sqlDate(db, now)],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
