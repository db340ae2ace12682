import { decodeCursor, encodeCursor } from '../graphql/connection';
import type { ArticleChange } from './article-change-log';
import { ChangeKind } from './article-change-log';
import type { AudienceRuntime } from './audience-runtime';

export type ArticleChangeNode = {
  cursor: string;
  articleId: string;
  kind: ChangeKind;
  changedAt: Date;
  deleted: boolean;
  article: { id: number } | null;
};

export type ArticleChangePage = {
  edges: Array<{ cursor: string; node: ArticleChangeNode }>;
  nodes: ArticleChangeNode[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** The cursor of the newest change now (`latestCursor`). */
  latest(): Promise<string | null>;
};

/** Feed cursors are opaque: the change number, as every other cursor of the API is encoded. */
const cursorOf = (seq: number) => encodeCursor([seq]);

/**
 * The change feed as analytics jobs read it (see article-change-log.ts for why it has no
 * gaps). Role checks are on the query (`ANALYTICS_READERS`); this turns cursors into change
 * numbers and rows into nodes whose `article` the gateway resolves from editorial.
 */
export class ArticleChangeFeedService {
  constructor(private readonly rt: AudienceRuntime) {}

  async page(after: string | null, first: number): Promise<ArticleChangePage> {
    const from = after ? Number(decodeCursor(after, ['number'])[0]) : 0;
    const { changes, hasMore } = await this.rt.changes.page(from, first);
    const nodes = changes.map(toNode);
    return {
      edges: nodes.map((node) => ({ cursor: node.cursor, node })),
      nodes,
      pageInfo: {
        hasNextPage: hasMore,
        hasPreviousPage: Boolean(after),
        startCursor: nodes[0]?.cursor ?? null,
        endCursor: nodes[nodes.length - 1]?.cursor ?? null,
      },
      latest: async () => {
        const latest = await this.rt.changes.latest();
        return latest ? cursorOf(latest) : null;
      },
    };
  }
}

function toNode(change: ArticleChange): ArticleChangeNode {
  const deleted = change.kind === ChangeKind.Deleted;
  return {
    cursor: cursorOf(change.seq),
    articleId: String(change.articleId),
    kind: change.kind,
    changedAt: change.changedAt,
    deleted,
    article: deleted ? null : { id: change.articleId },
  };
}
