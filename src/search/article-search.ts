import type { DataSource, EntityManager } from 'typeorm';

export type SearchDocument = { articleId: number; title: string; standfirst: string; body: string };
export type SearchCursor = { score: number; id: number };
export type SearchHit = { articleId: number; score: number };

/**
 * Full-text search over published articles, one interface over two engines: FTS5 on SQLite
 * and InnoDB FULLTEXT on MySQL. Both index folded text (see fold-text.ts); the score is an
 * integer so keyset pagination over (score, id) is exact.
 */
export interface ArticleSearch {
  index(db: DataSource | EntityManager, docs: SearchDocument[]): Promise<void>;
  remove(db: DataSource | EntityManager, articleIds: number[]): Promise<void>;
  search(db: DataSource | EntityManager, terms: string[], limit: number, after: SearchCursor | null, now: Date): Promise<SearchHit[]>;
  count(db: DataSource | EntityManager, terms: string[], now: Date): Promise<number>;
}
