import type { DataSource } from 'typeorm';
import { isMysql } from '../db/data-source';
import { perRequest, type RequestContext } from '../context/request-context';
import type { ArticleSearch } from '../search/article-search';
import { MysqlArticleSearch } from '../search/mysql-article-search';
import { SqliteArticleSearch } from '../search/sqlite-article-search';
import { createEditorialLoaders, type EditorialLoaders } from './editorial-loaders';

/** What the editorial subgraph's resolvers and services share: its database, search engine and loaders. */
export class EditorialRuntime {
  readonly search: ArticleSearch;
  readonly loaders: (ctx: RequestContext) => EditorialLoaders;

  constructor(readonly dataSource: DataSource) {
    this.search = isMysql(dataSource) ? new MysqlArticleSearch() : new SqliteArticleSearch();
    this.loaders = perRequest((ctx) => createEditorialLoaders(dataSource, ctx.now));
  }
}
