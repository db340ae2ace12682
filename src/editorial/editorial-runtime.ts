import type { DataSource } from 'typeorm';
import { perRequest, type RequestContext } from '../context/request-context';
import type { ArticleSearch } from '../search/article-search';
import { createArticleSearch } from '../search/create-article-search';
import type { ContentEventSource } from '../events/content-events';
import { createEditorialLoaders, readRubricTree, type EditorialLoaders } from './editorial-loaders';
import { RubricTreeCache } from './rubric-tree-cache';
import type { HomePageContent } from './home-page-content';

/** What the editorial subgraph's resolvers and services share: its database, search engine and loaders. */
export class EditorialRuntime {
  readonly search: ArticleSearch;
  readonly loaders: (ctx: RequestContext) => EditorialLoaders;
  /** Home pages assembled in this request, by articles per block (homePage and its preview share them). */
  readonly homePages: (ctx: RequestContext) => Map<string, Promise<HomePageContent>>;

  /**
   * The rubric tree kept between requests, when the process hears content events (without
   * them another instance's rubric change would go unnoticed: each request reads it then).
   */
  readonly rubricTrees: RubricTreeCache | null;

  /** `onBatch` hears the size of every loader batch (the process's metrics); `events`, what the process hears of content changes. */
  constructor(readonly dataSource: DataSource, env: NodeJS.ProcessEnv = process.env, onBatch?: (size: number) => void, events?: ContentEventSource) {
    this.search = createArticleSearch(dataSource, { statementTimeoutMs: searchStatementTimeoutMs(env) });
    const trees = events ? new RubricTreeCache(() => readRubricTree(dataSource), events) : null;
    this.rubricTrees = trees;
    this.loaders = perRequest((ctx) => createEditorialLoaders(dataSource, ctx.now, onBatch, trees ?? undefined));
    this.homePages = perRequest(() => new Map());
  }
}

/** `SEARCH_STATEMENT_TIMEOUT_MS` (default 1000): how long MySQL may spend on one search statement. */
export function searchStatementTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SEARCH_STATEMENT_TIMEOUT_MS;
  const ms = raw === undefined || raw === '' ? 1000 : Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`SEARCH_STATEMENT_TIMEOUT_MS must be a number of milliseconds, got ${raw}`);
  return ms;
}
