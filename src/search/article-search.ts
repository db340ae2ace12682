import type { DataSource, EntityManager } from 'typeorm';
import type { SearchQuery } from './search-query';

export type SearchDocument = { articleId: number; title: string; standfirst: string; body: string };
export type SearchCursor = { score: number; id: number };
export type SearchHit = { articleId: number; score: number };
/** A page of hits and how many the whole search has (null when the page is empty: ask `count`). */
export type SearchPage = { hits: SearchHit[]; total: number | null };

/**
 * How many matches of a query are ranked at most: the newest ones, read from the index in
 * id order, which both engines can stop early. A word found in more articles than this ranks
 * among its newest matches only (a news site's readers want recent stories anyway); a rarer
 * word is ranked over all of its matches, exactly as an unbounded search would. The bound is
 * what keeps a search's cost independent of the archive size.
 */
export const SEARCH_CANDIDATES = 1000;

/** Words a prefix may stand for at most (the first ones in term order), on every engine. */
export const MAX_PREFIX_EXPANSIONS = 30;

/**
 * Added to the score of an article whose title holds a searched word, so title matches
 * always come first; relevance (integer, scaled by 10^6) orders within each tier.
 */
export const TITLE_TIER = 1_000_000_000_000;

/**
 * Full-text search over published articles, one interface over two engines: FTS5 on SQLite
 * and InnoDB FULLTEXT on MySQL. Both index folded text (see fold-text.ts); the score is an
 * integer so keyset pagination over (score, id) is exact. The total counts the same bounded
 * candidates `search` pages through, so paging always reaches `totalCount`.
 */
export interface ArticleSearch {
  index(db: DataSource | EntityManager, docs: SearchDocument[]): Promise<void>;
  remove(db: DataSource | EntityManager, articleIds: number[]): Promise<void>;
  search(db: DataSource | EntityManager, query: SearchQuery, limit: number, after: SearchCursor | null, now: Date): Promise<SearchPage>;
  count(db: DataSource | EntityManager, query: SearchQuery, now: Date): Promise<number>;
}
