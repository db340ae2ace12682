import type { DataSource, EntityManager } from 'typeorm';
import { isStatementTimeout, mysqlFlavour, selectWithTimeout } from '../db/statement-timeout';
import { placeholders, sqlDate, valuesPlaceholders } from '../db/sql-values';
import { AppError, ErrorCode } from '../errors/app-error';
import { SEARCH_CANDIDATES, TITLE_TIER, type ArticleSearch, type SearchCursor, type SearchDocument, type SearchPage } from './article-search';
import { rankedCountSql, rankedPageSql } from './ranked-page-sql';
import { foldText } from './fold-text';
import type { SearchQuery } from './search-query';

type Db = DataSource | EntityManager;

/** InnoDB does not index words shorter than innodb_ft_min_token_size (3 by default). */
const MIN_TOKEN = 3;
/**
 * Newest rows a stop-word query reads at most. Stop words are in nearly every article, so the
 * SEARCH_CANDIDATES newest matches are found within the first rows; a combination of stop
 * words that rarely meet stops here instead of reading the archive.
 */
const STOPWORD_SCAN_ROWS = 3 * SEARCH_CANDIDATES;

export type MysqlSearchOptions = {
  /** Every search statement is stopped by the server after this long (0: no limit). */
  statementTimeoutMs?: number;
};

/**
 * InnoDB FULLTEXT over `article_search` (FTS_DOC_ID, articleId, title, standfirst, body), in
 * boolean mode with every word required. The candidates come out of the full-text index in a
 * derived table (the SEARCH_CANDIDATES most recently indexed matches, in document-id order,
 * which InnoDB serves without sorting every matching row; then ranked), and only they are
 * joined to `article` (STRAIGHT_JOIN keeps that order). Stop-word queries skip the index, where `des` means reading
 * the postings of nearly every document (3 s at 100k), and read the newest rows instead, in
 * which such words are found at once. Each statement runs under a time limit; one that runs
 * out is a SEARCH_TIMEOUT error, not a 500.
 */
export class MysqlArticleSearch implements ArticleSearch {
  constructor(private readonly options: MysqlSearchOptions = {}) {}

  async index(db: Db, docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += 300) {
      const chunk = docs.slice(i, i + 300);
      await db.query(
        `REPLACE INTO article_search (articleId, title, standfirst, body) VALUES ${valuesPlaceholders(chunk.length, 4)}`,
        chunk.flatMap((d) => [d.articleId, foldText(d.title), foldText(d.standfirst), foldText(d.body)]),
      );
    }
  }

  async remove(db: Db, articleIds: number[]): Promise<void> {
    if (articleIds.length) await db.query(`DELETE FROM article_search WHERE articleId IN (${placeholders(articleIds.length)})`, articleIds);
  }

  async search(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<SearchPage> {
    const statement = this.searchSql(db, query, limit, after, now);
    if (!statement) return { hits: [], total: 0 };
    const rows: Array<{ id: number; score: number | string; total: number | string }> = await this.run(db, statement.sql, statement.params);
    return { hits: rows.map((r) => ({ articleId: Number(r.id), score: Number(r.score) })), total: rows.length ? Number(rows[0].total) : null };
  }

  async count(db: Db, query: SearchQuery, now: Date): Promise<number> {
    const candidates = this.candidates(query);
    if (!candidates) return 0;
    const rows: Array<{ n: number | string }> = await this.run(db, rankedCountSql(candidates.sql, 'STRAIGHT_JOIN'), [
      ...candidates.params,
      sqlDate(db, now),
      sqlDate(db, now),
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  /** The search statement (without its time limit), also for EXPLAIN in tests; null when nothing can match. */
  searchSql(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): { sql: string; params: unknown[] } | null {
    const candidates = this.candidates(query);
    if (!candidates) return null;
    const params: unknown[] = [...candidates.params, sqlDate(db, now), sqlDate(db, now)];
    if (after) params.push(after.score, after.score, after.id);
    return { sql: rankedPageSql(candidates.sql, 'STRAIGHT_JOIN', Boolean(after), limit), params };
  }

  private async run<T>(db: Db, sql: string, params: unknown[]): Promise<T> {
    const ms = this.options.statementTimeoutMs ?? 0;
    const flavour = mysqlFlavour(db) ?? 'mysql';
    try {
      return await db.query(selectWithTimeout(flavour, sql, ms), params);
    } catch (err) {
      if (isStatementTimeout(err)) {
        throw new AppError(ErrorCode.SearchTimeout, 'The search took too long: try rarer or more words', { timeoutMs: ms });
      }
      throw err;
    }
  }

  /** The derived table of ranked candidates (`id`, `score`), or null when nothing can match. */
  private candidates(query: SearchQuery): { sql: string; params: unknown[] } | null {
    if (query.common.length) {
      // Folded text is words of letters and digits separated by single spaces, and a word has
      // neither `%` nor `_`: a space-padded LIKE is an exact word match.
      const like = (column: string) => query.common.map(() => `CONCAT(' ', ${column}, ' ') LIKE ?`).join(' AND ');
      const anywhere = `((${like('title')}) OR (${like('standfirst')}) OR (${like('body')}))`;
      const patterns = query.common.map((w) => `% ${w} %`);
      // Read in primary-key order from the newest row, stopping at SEARCH_CANDIDATES matches or
      // at the STOPWORD_SCAN_ROWS-th newest row, whichever comes first.
      return {
        sql: `SELECT articleId AS id, CASE WHEN ${like('title')} THEN ${TITLE_TIER} ELSE 0 END AS score
              FROM article_search
              WHERE FTS_DOC_ID >= COALESCE((SELECT FTS_DOC_ID FROM article_search ORDER BY FTS_DOC_ID DESC LIMIT 1 OFFSET ${STOPWORD_SCAN_ROWS - 1}), 0)
                AND ${anywhere}
              ORDER BY FTS_DOC_ID DESC LIMIT ${SEARCH_CANDIDATES}`,
        params: [...patterns, ...patterns, ...patterns, ...patterns],
      };
    }
    const words = query.words.filter((w) => w.length >= MIN_TOKEN).map((w) => `+${w}`);
    if (query.prefix && query.prefix.length >= MIN_TOKEN) words.push(`+${query.prefix}*`);
    if (!words.length) return null;
    const against = words.join(' ');
    // Title counts most: its own match weighs in on top of the three-column relevance, and a
    // title match at all lifts the article into the first tier.
    return {
      sql: `SELECT articleId AS id, CAST(ROUND(
                IF(MATCH(title) AGAINST (? IN BOOLEAN MODE) > 0, ${TITLE_TIER}, 0)
                + (MATCH(title, standfirst, body) AGAINST (? IN BOOLEAN MODE) + 2 * MATCH(title) AGAINST (? IN BOOLEAN MODE)) * 1000000
              ) AS SIGNED) AS score
            FROM article_search WHERE MATCH(title, standfirst, body) AGAINST (? IN BOOLEAN MODE)
            ORDER BY FTS_DOC_ID DESC LIMIT ${SEARCH_CANDIDATES}`,
      params: [against, against, against, against],
    };
  }
}
