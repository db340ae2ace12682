import type { DataSource, EntityManager } from 'typeorm';
import { isStatementTimeout, mysqlFlavour, selectWithTimeout } from '../db/statement-timeout';
import { placeholders, sqlDate, valuesPlaceholders } from '../db/sql-values';
import { AppError, ErrorCode } from '../errors/app-error';
import { SEARCH_CANDIDATES, TITLE_TIER, type ArticleSearch, type SearchCursor, type SearchDocument, type SearchPage } from './article-search';
import { MysqlSearchPostings, type TermGroup } from './mysql-search-postings';
import { rankedCountSql, rankedPageSql } from './ranked-page-sql';
import { foldText } from './fold-text';
import type { SearchQuery } from './search-query';
import { MIN_TERM_LENGTH, searchTerms } from './search-terms';

type Db = DataSource | EntityManager;

/**
 * Postings a query may have in all for InnoDB to rank it. InnoDB's relevance reads every
 * posting of every searched word (about 5–8 µs each on this machine under load), so up to
 * here a search costs at most some 20 ms whatever the archive's size; a query past it is too
 * common to rank and is ordered like a stop-word query: title matches first, then the newest.
 */
const MAX_RANKED_POSTINGS = 3 * SEARCH_CANDIDATES;
/**
 * Newest rows a stop-word query reads at most. Stop words are in nearly every article, so the
 * SEARCH_CANDIDATES newest matches are found within the first rows; a combination of stop
 * words that rarely meet stops here instead of reading the archive.
 */
const STOPWORD_SCAN_ROWS = 3 * SEARCH_CANDIDATES;
/**
 * Look-ups a query of several words too common to rank makes at most: it walks the driving
 * word's postings newest first and looks each up in the other words' terms (one look-up per
 * term, about 3–5 µs each). Words that seldom meet made the walk read every posting of the
 * driving word (`mobilise diplomate` at 1M articles: 9,200 postings, about 320 articles with
 * both, 40–70 ms); now the walk stops after this many look-ups, shared among the driving word's
 * terms (a prefix's expansions), and the query's matches are those it found among the driving
 * word's newest postings: 4,000 postings of one word against another, fewer against a prefix.
 */
const MAX_WALK_LOOKUPS = 4 * SEARCH_CANDIDATES;

export type MysqlSearchOptions = {
  /** Every search statement is stopped by the server after this long (0: no limit). */
  statementTimeoutMs?: number;
  /** MAX_RANKED_POSTINGS unless given (tests lower it to reach the other plan on a few articles). */
  maxRankedPostings?: number;
  /** MAX_WALK_LOOKUPS unless given (tests lower it to reach the bound on a few articles). */
  maxWalkLookUps?: number;
};

/**
 * InnoDB FULLTEXT over `article_search` (FTS_DOC_ID, articleId, title, standfirst, body), in
 * boolean mode with every word required, and the postings table beside it (see
 * mysql-search-postings.ts). A query first looks its words up in the postings: a prefix
 * becomes at most MAX_PREFIX_EXPANSIONS words, and the words' document counts (bounded) pick
 * the plan. Words with at most MAX_RANKED_POSTINGS postings in all are ranked by InnoDB: the
 * candidates come out of the full-text index in a derived table (the SEARCH_CANDIDATES most
 * recently indexed matches, in document-id order, then ranked). More frequent words take the
 * newest SEARCH_CANDIDATES matches from the postings, title matches first. Either way only the
 * candidates are joined to `article` (STRAIGHT_JOIN keeps that order). Stop-word queries skip
 * both indexes, where `des` means reading the postings of nearly every document (3 s at 100k),
 * and read the newest rows instead, in which such words are found at once. Each statement runs
 * under a time limit; one that runs out is a SEARCH_TIMEOUT error, not a 500.
 */
export class MysqlArticleSearch implements ArticleSearch {
  private readonly postings = new MysqlSearchPostings();

  constructor(private readonly options: MysqlSearchOptions = {}) {}

  async index(db: Db, docs: SearchDocument[]): Promise<void> {
    const folded = docs.map((d) => ({ articleId: d.articleId, title: foldText(d.title), standfirst: foldText(d.standfirst), body: foldText(d.body) }));
    // Postings first: replacing them reads the previous text of each article from article_search.
    await this.postings.write(
      db,
      folded.map((d) => ({ articleId: d.articleId, terms: searchTerms(d.title, d.standfirst, d.body) })),
    );
    for (let i = 0; i < folded.length; i += 300) {
      const chunk = folded.slice(i, i + 300);
      await db.query(
        `REPLACE INTO article_search (articleId, title, standfirst, body) VALUES ${valuesPlaceholders(chunk.length, 4)}`,
        chunk.flatMap((d) => [d.articleId, d.title, d.standfirst, d.body]),
      );
    }
  }

  async remove(db: Db, articleIds: number[]): Promise<void> {
    if (!articleIds.length) return;
    await this.postings.remove(db, articleIds);
    await db.query(`DELETE FROM article_search WHERE articleId IN (${placeholders(articleIds.length)})`, articleIds);
  }

  async search(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<SearchPage> {
    const statement = await this.searchSql(db, query, limit, after, now);
    if (!statement) return { hits: [], total: 0 };
    const rows: Array<{ id: number; score: number | string; total: number | string }> = await this.run(db, statement.sql, statement.params);
    return { hits: rows.map((r) => ({ articleId: Number(r.id), score: Number(r.score) })), total: rows.length ? Number(rows[0].total) : null };
  }

  async count(db: Db, query: SearchQuery, now: Date): Promise<number> {
    const candidates = await this.candidates(db, query);
    if (!candidates) return 0;
    const rows: Array<{ n: number | string }> = await this.run(db, rankedCountSql(candidates.sql, 'STRAIGHT_JOIN'), [
      ...candidates.params,
      sqlDate(db, now),
      sqlDate(db, now),
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  /** The search statement (without its time limit), also for EXPLAIN in tests; null when nothing can match. */
  async searchSql(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<{ sql: string; params: unknown[] } | null> {
    const candidates = await this.candidates(db, query);
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
  private async candidates(db: Db, query: SearchQuery): Promise<{ sql: string; params: unknown[] } | null> {
    if (query.common.length) {
      // The bound is read first: inside the statement, MariaDB does not turn a subquery into
      // a range and reads every row of the table instead (measured: all 100k, 120–170 ms).
      const [bound]: Array<{ id: number | string }> = await db.query(
        `SELECT FTS_DOC_ID AS id FROM article_search ORDER BY FTS_DOC_ID DESC LIMIT 1 OFFSET ${STOPWORD_SCAN_ROWS - 1}`,
      );
      return stopWordCandidates(query.common, Number(bound?.id ?? 0));
    }
    const groups: TermGroup[] = query.words.filter((w) => w.length >= MIN_TERM_LENGTH).map((w) => [w]);
    if (query.prefix && query.prefix.length >= MIN_TERM_LENGTH) groups.push(await this.postings.expand(db, query.prefix));
    if (!groups.length || groups.some((g) => !g.length)) return null;
    const budget = this.options.maxRankedPostings ?? MAX_RANKED_POSTINGS;
    if (!Number.isFinite(budget)) return rankedCandidates(groups);
    const counts = await this.postings.boundedCounts(db, groups, budget);
    if (counts.some((n) => n === 0)) return null;
    return counts.reduce((a, b) => a + b, 0) <= budget ? rankedCandidates(groups) : this.frequentCandidates(db, groups, counts);
  }

  /**
   * Candidates of a query too common to rank: its newest matches from the postings, driven by
   * the rarest word (when there are several words, among the postings MAX_WALK_LOOKUPS
   * look-ups reach); a title holding every word lifts its article into the first tier,
   * as MATCH(title) does in the ranked plan, and the newest come first within each tier.
   */
  private async frequentCandidates(db: Db, groups: TermGroup[], counts: number[]): Promise<{ sql: string; params: unknown[] }> {
    const driver = counts.indexOf(Math.min(...counts));
    // One word walks to its newest SEARCH_CANDIDATES postings and stops: only several need a bound.
    // Each posting walked costs a look-up per term of the other groups; the look-ups are shared
    // among the driving group's terms (a prefix's expansions).
    const lookUpsPerPosting = groups.reduce((n, g, i) => (i === driver ? n : n + g.length), 0);
    const walked = Math.max(1, Math.floor((this.options.maxWalkLookUps ?? MAX_WALK_LOOKUPS) / (groups[driver].length * lookUpsPerPosting)));
    let bounds: Map<string, number | null> | undefined;
    if (groups.length > 1) {
      // Under the search's time limit, as every search statement.
      const read = this.postings.walkBoundsSql(groups[driver], walked);
      const rows: Array<{ term: string; bound: number | string | null }> = await this.run(db, read.sql, read.params);
      bounds = new Map(rows.map((r) => [String(r.term), r.bound === null ? null : Number(r.bound)]));
    }
    const newest = this.postings.newestMatchesSql(groups, driver, bounds);
    const inTitle = groups.map((g) => `(${g.map(() => `CAST(CONCAT(' ', s.title, ' ') AS BINARY) LIKE ?`).join(' OR ')})`).join(' AND ');
    return {
      sql: `SELECT m.id, CASE WHEN ${inTitle} THEN ${TITLE_TIER} ELSE 0 END AS score
            FROM (${newest.sql}) AS m STRAIGHT_JOIN article_search s ON s.articleId = m.id`,
      // The title's placeholders come first in the statement.
      params: [...groups.flat().map((t) => `% ${t} %`), ...newest.params],
    };
  }
}

/**
 * Stop words only: read in primary-key order from the newest row, stopping at
 * SEARCH_CANDIDATES matches or at the STOPWORD_SCAN_ROWS-th newest row (`fromDocId`),
 * whichever comes first.
 * Folded text is words of letters and digits separated by single spaces, and a word has
 * neither `%` nor `_`: a space-padded LIKE is an exact word match, compared byte for byte
 * (the text is folded already). The words may be in different columns, as in the full-text
 * plans; the columns are joined by a space so no word spans two. The LIKE is most of the cost
 * (reading the 3,000 rows: 1–5 ms; matching them: 15–40 ms under load).
 */
function stopWordCandidates(common: string[], fromDocId: number): { sql: string; params: unknown[] } {
  const like = (text: string) => common.map(() => `CAST(${text} AS BINARY) LIKE ?`).join(' AND ');
  const patterns = common.map((w) => `% ${w} %`);
  return {
    sql: `SELECT articleId AS id, CASE WHEN ${like(`CONCAT(' ', title, ' ')`)} THEN ${TITLE_TIER} ELSE 0 END AS score
          FROM article_search
          WHERE FTS_DOC_ID >= ? AND ${like(`CONCAT(' ', title, ' ', standfirst, ' ', body, ' ')`)}
          ORDER BY FTS_DOC_ID DESC LIMIT ${SEARCH_CANDIDATES}`,
    params: [...patterns, fromDocId, ...patterns],
  };
}

/**
 * Candidates ranked by InnoDB: every group required (a prefix's expansions as one
 * alternative), the most recently indexed SEARCH_CANDIDATES matches. Title counts most: its
 * own match weighs in on top of the three-column relevance, and a title match at all lifts the
 * article into the first tier.
 */
function rankedCandidates(groups: TermGroup[]): { sql: string; params: unknown[] } {
  const against = groups.map((g) => (g.length === 1 ? `+${g[0]}` : `+(${g.join(' ')})`)).join(' ');
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
