import type { DataSource, EntityManager } from 'typeorm';
import { placeholders, valuesPlaceholders } from '../db/sql-values';
import { MAX_PREFIX_EXPANSIONS, SEARCH_CANDIDATES } from './article-search';
import { searchTerms } from './search-terms';

type Db = DataSource | EntityManager;

/** A required word of a query, as the indexed terms that satisfy it (one, or a prefix's expansions). */
export type TermGroup = string[];

/**
 * `article_search_posting` (term, articleId): which articles hold which word, in a B-tree
 * whose primary key (term, articleId) hands out a word's newest articles by reading backwards
 * and stopping, which InnoDB's FULLTEXT index cannot do: it reads every posting of a word
 * before the first row comes out (measured on 100k articles under load: a word in 63% of them
 * 300–600 ms, one in 7% 60–100 ms, and the same again at every other search; a scan of the
 * newest 20,000 rows instead, 150–250 ms). The postings also give the vocabulary, so a prefix
 * stands for a bounded list of words as on SQLite, and a word's document count, bounded, so a
 * search knows before it starts whether InnoDB's ranking is affordable.
 */
export class MysqlSearchPostings {
  /** Replaces the postings of the articles of `docs` (texts already folded), in the caller's transaction. */
  async write(db: Db, docs: Array<{ articleId: number; terms: string[] }>): Promise<void> {
    await this.remove(db, docs.map((d) => d.articleId));
    const rows = docs.flatMap((d) => d.terms.map((t) => [t, d.articleId]));
    for (let i = 0; i < rows.length; i += 2000) {
      const chunk = rows.slice(i, i + 2000);
      await db.query(`INSERT INTO article_search_posting (term, articleId) VALUES ${valuesPlaceholders(chunk.length, 2)}`, chunk.flat());
    }
  }

  /** Removes the postings of these articles: their terms are read back from the indexed text, so no second index on articleId is needed. */
  async remove(db: Db, articleIds: number[]): Promise<void> {
    if (!articleIds.length) return;
    const old: Array<{ articleId: number; title: string; standfirst: string; body: string }> = await db.query(
      `SELECT articleId, title, standfirst, body FROM article_search WHERE articleId IN (${placeholders(articleIds.length)})`,
      articleIds,
    );
    for (const row of old) {
      const terms = searchTerms(row.title, row.standfirst, row.body);
      for (let i = 0; i < terms.length; i += 500) {
        const chunk = terms.slice(i, i + 500);
        await db.query(`DELETE FROM article_search_posting WHERE articleId = ? AND term IN (${placeholders(chunk.length)})`, [row.articleId, ...chunk]);
      }
    }
  }

  /** The indexed words starting with `prefix`, at most MAX_PREFIX_EXPANSIONS, in term order. */
  async expand(db: Db, prefix: string): Promise<string[]> {
    // Folded words hold only letters and digits: no LIKE wildcard can come in with the prefix.
    const rows: Array<{ term: string }> = await db.query(
      `SELECT DISTINCT term FROM article_search_posting WHERE term LIKE ? ORDER BY term LIMIT ${MAX_PREFIX_EXPANSIONS}`,
      [`${prefix}%`],
    );
    return rows.map((r) => String(r.term));
  }

  /** For each group, how many postings its terms have, counted up to `cap` + 1 only. */
  async boundedCounts(db: Db, groups: TermGroup[], cap: number): Promise<number[]> {
    const sql = groups
      .map((g, i) => `(SELECT COUNT(*) FROM (SELECT 1 FROM article_search_posting WHERE term IN (${placeholders(g.length)}) LIMIT ${cap + 1}) AS g${i}) AS n${i}`)
      .join(', ');
    const [row]: Array<Record<string, number | string>> = await db.query(`SELECT ${sql}`, groups.flat());
    return groups.map((_, i) => Number(row[`n${i}`]));
  }

  /**
   * For each term, the id of its `depth`-th newest article (`bound`, null when it has fewer):
   * where a walk over the term's newest `depth` postings ends. One statement, each term an index
   * walk of `depth` entries. Read first because MariaDB does not use a subquery's value as a
   * range bound (it reads the whole range instead; see the stop-word plan).
   */
  walkBoundsSql(terms: string[], depth: number): { sql: string; params: unknown[] } {
    return {
      sql: terms
        .map(() => `SELECT ? AS term, (SELECT articleId FROM article_search_posting WHERE term = ? ORDER BY articleId DESC LIMIT 1 OFFSET ${depth - 1}) AS bound`)
        .join(' UNION ALL '),
      params: terms.flatMap((t) => [t, t]),
    };
  }

  /**
   * The newest SEARCH_CANDIDATES articles holding a term of every group (`id`), with its
   * parameters. The driving group (the rarest) is read backwards term by term, each term
   * stopping at SEARCH_CANDIDATES articles that also hold the other groups; the newest of
   * their union are the newest matches, at a cost bounded by the candidates and the
   * expansions, not by how many articles hold the words. With `bounds` (several groups), each
   * driving term's walk also stops at its bound: words that seldom meet no longer read every
   * posting of the driving word looking for more (see MAX_WALK_LOOKUPS).
   */
  newestMatchesSql(groups: TermGroup[], driver: number, bounds?: Map<string, number | null>): { sql: string; params: unknown[] } {
    const others = groups.filter((_, i) => i !== driver);
    // A look-up per posting walked and term of each other group, each a subquery on the whole
    // primary key with a LIMIT. As EXISTS … IN (terms), MariaDB may turn it into a semi-join that
    // reads the other word's postings into a join buffer and sorts the walk (measured at 1M with
    // a bounded walk: 1.3 s), or read the terms' ranges for every posting (51 s for a prefix of
    // 14 words); as one point look-up per term it reads one entry each (15 ms).
    const lookUp = () => `(SELECT 1 FROM article_search_posting q WHERE q.term = ? AND q.articleId = p.articleId LIMIT 1) IS NOT NULL`;
    const exists = others.map((g) => `AND (${g.map(lookUp).join(' OR ')})`).join(' ');
    const bounded = (term: string) => bounds?.get(term) != null;
    const branches = groups[driver].map(
      (term) =>
        `(SELECT p.articleId FROM article_search_posting p WHERE p.term = ? ${bounded(term) ? 'AND p.articleId >= ? ' : ''}${exists} ORDER BY p.articleId DESC LIMIT ${SEARCH_CANDIDATES})`,
    );
    return {
      sql: `SELECT DISTINCT articleId AS id FROM (${branches.join(' UNION ALL ')}) AS m ORDER BY id DESC LIMIT ${SEARCH_CANDIDATES}`,
      params: groups[driver].flatMap((term) => [term, ...(bounded(term) ? [bounds!.get(term)] : []), ...others.flat()]),
    };
  }
}
