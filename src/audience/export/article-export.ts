import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ProgressBar } from '../../seed/progress-bar';
import { csvHeader, formatRow, type ExportFormat, type ExportRow } from './export-format';
import type { GraphClient } from './graph-client';

/** The editorial list caps pages at 100 articles. */
export const EXPORT_PAGE_SIZE = 100;

const PAGE_QUERY = `query ExportArticles($first: Int!, $after: String, $withTotal: Boolean!) {
  articles(first: $first, after: $after) {
    totalCount @include(if: $withTotal)
    pageInfo { hasNextPage endCursor }
    nodes {
      id slug title language url publishedAt updatedAt
      rubric { slugPath name ancestors { name } }
      authors { name }
      tags { name }
      readingTime { words }
      viewCount
      commentCount
    }
  }
}`;

const FEED_HEAD_QUERY = 'query FeedHead { articleChanges(first: 0) { latestCursor } }';

type ArticleNode = {
  id: string;
  slug: string;
  title: string;
  language: string;
  url: string;
  publishedAt: string | null;
  updatedAt: string;
  rubric: { slugPath: string; name: string; ancestors: Array<{ name: string }> };
  authors: Array<{ name: string }>;
  tags: Array<{ name: string }>;
  readingTime: { words: number };
  viewCount: number | null;
  commentCount: number | null;
};

type Page = { articles: { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ArticleNode[] } };

export type ExportOptions = {
  format: ExportFormat;
  /** Only articles published at or after this instant. */
  since?: Date | null;
  pageSize?: number;
  /** Progress on stderr (default: when stderr is a terminal, or PROGRESS=1). */
  progress?: boolean;
};

export type ExportResult = { rows: number; pages: number; feedCursor: string | null };

/**
 * Streams the published articles, newest first, through the gateway: editorial's public list
 * (which owns the articles and their order) with the audience's `viewCount` and discussion's
 * `commentCount` resolved by federation, one page of 100 at a time. Memory stays flat: a page
 * is formatted, written, and forgotten, and the next page is fetched only once the output
 * has taken the previous one (backpressure). `since` stops the walk at the first article
 * published before it.
 *
 * The result carries the change feed's cursor read before the first page: a job that loads
 * this snapshot and then follows `articleChanges(after: feedCursor)` misses nothing that
 * changed while the export ran (it may see some of those changes twice, which is harmless
 * for an upsert).
 */
export async function exportArticles(graph: GraphClient, out: Writable, options: ExportOptions): Promise<ExportResult> {
  const since = options.since?.getTime() ?? null;
  const first = Math.min(options.pageSize ?? EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE);
  const { articleChanges } = await graph<{ articleChanges: { latestCursor: string | null } }>(FEED_HEAD_QUERY);
  if (options.format === 'csv') await write(out, csvHeader());
  let after: string | null = null;
  let rows = 0;
  let pages = 0;
  const showProgress = options.progress ?? (Boolean(process.stderr.isTTY) || process.env.PROGRESS === '1');
  let bar: ProgressBar | null = null;
  let total = 0;
  for (;;) {
    const page: Page = await graph<Page>(PAGE_QUERY, { first, after, withTotal: pages === 0 });
    pages += 1;
    if (pages === 1) {
      total = page.articles.totalCount ?? 0;
      bar = new ProgressBar('export', total, showProgress);
    }
    let chunk = '';
    let reachedSince = false;
    for (const node of page.articles.nodes) {
      if (since !== null && node.publishedAt !== null && Date.parse(node.publishedAt) < since) {
        reachedSince = true;
        break;
      }
      chunk += formatRow(toRow(node), options.format);
      rows += 1;
    }
    if (chunk) await write(out, chunk);
    bar?.update(rows);
    const { hasNextPage, endCursor } = page.articles.pageInfo;
    if (reachedSince || !hasNextPage || !endCursor) break;
    after = endCursor;
  }
  // The bar ends its line itself when it reaches the total; an export cut short by `since` does not.
  if (showProgress && rows < total) process.stderr.write('\n');
  return { rows, pages, feedCursor: articleChanges.latestCursor };
}

function toRow(node: ArticleNode): ExportRow {
  return {
    id: Number(node.id),
    slug: node.slug,
    title: node.title,
    language: node.language,
    url: node.url,
    publishedAt: node.publishedAt,
    updatedAt: node.updatedAt,
    rubric: node.rubric.slugPath,
    rubricPath: [...node.rubric.ancestors.map((a) => a.name), node.rubric.name],
    authors: node.authors.map((a) => a.name),
    tags: node.tags.map((t) => t.name),
    wordCount: node.readingTime.words,
    viewCount: node.viewCount ?? 0,
    commentCount: node.commentCount ?? 0,
  };
}

/** Writes and, when the stream's buffer is full, waits until it drains. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
