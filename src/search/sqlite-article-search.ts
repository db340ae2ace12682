import type { DataSource, EntityManager } from 'typeorm';
import { placeholders, sqlDate, valuesPlaceholders } from '../db/sql-values';
import { MAX_PREFIX_EXPANSIONS, SEARCH_CANDIDATES, TITLE_TIER, type ArticleSearch, type SearchCursor, type SearchDocument, type SearchPage } from './article-search';
import { rankedCountSql, rankedPageSql } from './ranked-page-sql';
import { foldText } from './fold-text';
import { FRENCH_STOPWORDS } from './french-stopwords';
import type { SearchQuery } from './search-query';

type Db = DataSource | EntityManager;

/**
 * Newest article ids a stop-word query looks at. `de` alone finds its candidates in the first
 * rows anyway; stop words that rarely meet (in a title, say) would otherwise walk their whole
 * doclists looking for more, so the walk stops here whatever the archive's size.
 */
export const STOPWORD_WINDOW = 10 * SEARCH_CANDIDATES;

/**
 * Articles the words of a query may be found in, together, for bm25 to rank it. bm25 first
 * counts every article holding each word (about 0.1 µs each here: `plusieurs`, in 63% of
 * 100k articles, 7 ms; in 630k of 1M, 70 ms and more), so up to here ranking costs some 10 ms
 * whatever the archive's size; a query past it is too common to rank and is ordered like a
 * stop-word query: title matches first, then the newest.
 */
const MAX_RANKED_DOCUMENTS = 100 * SEARCH_CANDIDATES;

/** A word as an FTS5 string: folded words hold only letters and digits, the doubling is defence in depth. */
const phrase = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * FTS5 table `article_search` (rowid = article id); bm25 weights title 10, standfirst 4, body 1.
 *
 * Every query reads its candidates from the index first: `MATCH … ORDER BY rowid DESC LIMIT n`
 * is answered by FTS5 walking the doclists backwards and stopping after n rows, so bm25 is
 * computed for at most SEARCH_CANDIDATES rows, and only then are the candidates joined to
 * `article` by primary key (CROSS JOIN pins that order: left alone, the planner prefers to scan
 * published articles and run the MATCH once per article, which made a common word take minutes).
 */
export class SqliteArticleSearch implements ArticleSearch {
  /** `maxRankedDocuments`: MAX_RANKED_DOCUMENTS unless given (tests lower it to reach the other plan). */
  constructor(private readonly options: { maxRankedDocuments?: number } = {}) {}

  /** Data sources whose connection has the vocabulary table (a temp table lives as long as the connection). */
  private readonly withVocabulary = new WeakSet<object>();

  async index(db: Db, docs: SearchDocument[]): Promise<void> {
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

  async remove(db: Db, articleIds: number[]): Promise<void> {
    if (articleIds.length) await db.query(`DELETE FROM article_search WHERE rowid IN (${placeholders(articleIds.length)})`, articleIds);
  }

  async search(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<SearchPage> {
    const statement = await this.searchSql(db, query, limit, after, now);
    if (!statement) return { hits: [], total: 0 };
    const rows: Array<{ id: number; score: number; total: number }> = await db.query(statement.sql, statement.params);
    return { hits: rows.map((r) => ({ articleId: Number(r.id), score: Number(r.score) })), total: rows.length ? Number(rows[0].total) : null };
  }

  async count(db: Db, query: SearchQuery, now: Date): Promise<number> {
    const candidates = await this.candidates(db, query);
    if (!candidates) return 0;
    const rows: Array<{ n: number }> = await db.query(rankedCountSql(candidates.sql, 'CROSS JOIN'), [
      ...candidates.params,
      sqlDate(db, now),
      sqlDate(db, now),
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  /** The search statement, also for EXPLAIN QUERY PLAN in tests; null when nothing can match. */
  async searchSql(db: Db, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<{ sql: string; params: unknown[] } | null> {
    const candidates = await this.candidates(db, query);
    if (!candidates) return null;
    const params: unknown[] = [...candidates.params, sqlDate(db, now), sqlDate(db, now)];
    if (after) params.push(after.score, after.score, after.id);
    return { sql: rankedPageSql(candidates.sql, 'CROSS JOIN', Boolean(after), limit), params };
  }

  /**
   * The subquery of ranked candidate ids (`id`, `score`), or null when nothing can match.
   * Significant words: bm25 over the newest matches, plus TITLE_TIER when the title holds one
   * of the words (bm25 weighted on the title alone is non-zero exactly then); past
   * MAX_RANKED_DOCUMENTS, the newest matches, title matches first, without bm25. Stop words only:
   * no ranking at all (bm25 would first count every document holding `de`, a full doclist
   * scan); the newest matches in titles come first, then the newest anywhere.
   */
  private async candidates(db: Db, query: SearchQuery): Promise<{ sql: string; params: unknown[] } | null> {
    if (query.common.length) {
      const match = query.common.map(phrase).join(' AND ');
      const window = `rowid >= (SELECT COALESCE(MAX(id), 0) FROM article) - ${STOPWORD_WINDOW}`;
      return {
        sql: `SELECT id, MAX(score) AS score FROM (
                SELECT * FROM (SELECT rowid AS id, ${TITLE_TIER} AS score FROM article_search WHERE article_search MATCH ? AND ${window} ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES})
                UNION ALL
                SELECT * FROM (SELECT rowid AS id, 0 AS score FROM article_search WHERE article_search MATCH ? AND ${window} ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES})
              ) GROUP BY id`,
        params: [`{title} : (${match})`, match],
      };
    }
    const groups = query.words.map(phrase);
    if (query.prefix) {
      const expansions = await this.expand(db, query.prefix);
      if (!expansions.length) return null;
      groups.push(`(${expansions.map(phrase).join(' OR ')})`);
    }
    if (!groups.length) return null;
    const match = groups.join(' AND ');
    if (await this.pastBudget(db, groups)) {
      // The newest matches; those whose title holds one of the words come first. A title
      // match among them is one of the newest title matches at or above the oldest of them,
      // which FTS5 finds by walking the doclists between those two rowids only.
      return {
        sql: `WITH newest AS (SELECT rowid AS id FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES})
              SELECT id, CASE WHEN id IN (
                SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid >= (SELECT MIN(id) FROM newest)
              ) THEN ${TITLE_TIER} ELSE 0 END AS score FROM newest`,
        params: [match, `({title} : (${groups.join(' OR ')})) AND (${match})`],
      };
    }
    return {
      sql: `SELECT rowid AS id,
              (CASE WHEN bm25(article_search, 1.0, 0.0, 0.0) < 0 THEN ${TITLE_TIER} ELSE 0 END)
              + CAST(ROUND(-bm25(article_search, 10.0, 4.0, 1.0) * 1000000) AS INTEGER) AS score
            FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES}`,
      params: [match],
    };
  }

  /**
   * Whether the groups' articles, counted lazily, are more than bm25 may rank. One group after
   * the other, each walk stopping where the sum passes the budget: two words past it were two
   * full walks to the budget (about 10 ms each at 1M articles) where the first already decides.
   */
  private async pastBudget(db: Db, groups: string[]): Promise<boolean> {
    const budget = this.options.maxRankedDocuments ?? MAX_RANKED_DOCUMENTS;
    if (!Number.isFinite(budget)) return false;
    let counted = 0;
    for (const group of groups) {
      const [row]: Array<{ n: number }> = await db.query(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT ${budget + 1 - counted})`,
        [group],
      );
      counted += Number(row.n);
      if (counted > budget) return true;
    }
    return false;
  }

  /**
   * The indexed words that start with `prefix`, at most MAX_PREFIX_EXPANSIONS, read from the
   * FTS5 vocabulary. FTS5's own `"pre"*` merges the doclists of every expansion before the
   * first row comes out, whatever the LIMIT; a bounded list of exact words is walked lazily
   * like any other. Stop words are skipped by reading the ranges around them, because the
   * vocabulary counts a word's documents as it passes it and `pour` is in nearly all of them.
   */
  private async expand(db: Db, prefix: string): Promise<string[]> {
    await this.ensureVocabulary(db);
    // fts5vocab serves `>=` and `<=` bounds and reads every term it passes, so each range is
    // closed on both ends by strings no stop word reaches: just past a stop word, and just
    // below the next one (the same text with its last letter lowered, then the highest code point).
    const top = '\u{10FFFF}';
    const below = (word: string) => word.slice(0, -1) + String.fromCodePoint(word.codePointAt(word.length - 1)! - 1) + top;
    const stops = [...FRENCH_STOPWORDS].filter((w) => w.startsWith(prefix)).sort();
    const ranges: Array<[string, string]> = [];
    let low = prefix;
    for (const stop of stops) {
      ranges.push([low, below(stop)]);
      low = `${stop}\u0001`;
    }
    ranges.push([low, prefix + top]);
    const sql = ranges
      .map(() => `SELECT * FROM (SELECT term FROM temp.article_search_vocab WHERE term >= ? AND term <= ? LIMIT ${MAX_PREFIX_EXPANSIONS})`)
      .join(' UNION ALL ');
    let rows: Array<{ term: string }>;
    try {
      rows = await db.query(sql, ranges.flat());
    } catch (err) {
      // A data source closed and opened again has a new connection, without the temp table.
      if (!/no such table/i.test(String((err as Error).message))) throw err;
      this.withVocabulary.delete('connection' in db ? db.connection : db);
      await this.ensureVocabulary(db);
      rows = await db.query(sql, ranges.flat());
    }
    return rows.map((r) => r.term).slice(0, MAX_PREFIX_EXPANSIONS);
  }

  private async ensureVocabulary(db: Db): Promise<void> {
    const owner = 'connection' in db ? db.connection : db;
    if (this.withVocabulary.has(owner)) return;
    await db.query(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_search_vocab USING fts5vocab(main, 'article_search', 'row')`);
    this.withVocabulary.add(owner);
  }
}
