import type { DataSource } from 'typeorm';
import { isMysql } from '../db/data-source';
import type { ArticleSearch } from './article-search';
import { MysqlArticleSearch } from './mysql-article-search';
import { SqliteArticleSearch } from './sqlite-article-search';

/** The search engine of a data source: InnoDB FULLTEXT on MySQL/MariaDB, FTS5 on SQLite. */
export function createArticleSearch(dataSource: DataSource, options: { statementTimeoutMs?: number } = {}): ArticleSearch {
  return isMysql(dataSource) ? new MysqlArticleSearch(options) : new SqliteArticleSearch();
}
