import type { GraphQLResolveInfo } from 'graphql';
import type { CommentOrder } from '../../src/discussion/comment-pages.repository';
import { argumentsAt } from '../../src/graphql/selects-field';

/**
 * The first page of replies a thread query shows under every root (`replies(first:, order:)`
 * under `edges.node` or `nodes`), when it asks for exactly one such page; null otherwise
 * (no replies, a cursor, or several differing pages), and the replies then load on their own.
 */
export function repliesShown(info: GraphQLResolveInfo): { first: number | null; order: CommentOrder } | null {
  const pages = [...argumentsAt(info, ['edges', 'node', 'replies'], 'Comment'), ...argumentsAt(info, ['nodes', 'replies'], 'Comment')];
  const keys = new Set(pages.map((p) => `${p.first ?? ''}:${p.order ?? ''}:${p.after ?? ''}`));
  const [page] = pages;
  if (!page || keys.size > 1 || page.after) return null;
  return { first: (page.first as number | undefined) ?? null, order: (page.order as CommentOrder | undefined) ?? 'oldest' };
}
