import { Comment, type CommentStatus } from '../../entities/discussion/comment.entity';
import { applyApprovalDeltas, ensureThread } from '../../src/discussion/comment-store';
import { commentFingerprint } from '../../src/discussion/comment-text';
import type { DiscussionRuntime } from '../../src/discussion/discussion-runtime';
import { gql } from './graphql-client';
import type { AppHandle } from './newsroom-fixture';

export function discussionRuntime(fx: AppHandle): DiscussionRuntime {
  return fx.app.runtime('discussion');
}

/**
 * Each test posts from its own address through X-Forwarded-For, which the fixture's server
 * trusts for one hop, so per-address limits are testable (the fixture already gives discussion
 * counters of its own). Returns a function undoing what it did (nothing, today).
 */
export function prepareDiscussion(_fx: AppHandle): () => void {
  return () => undefined;
}

let address = 0;

/** A fresh client address (198.18.0.0/15, reserved for tests), so one test's posts never throttle another's. */
export function newIp(): string {
  address += 1;
  return `198.18.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
}

export const from = (ip: string, headers: Record<string, string> = {}) => ({ ...headers, 'x-forwarded-for': ip });

/** Ids of articles readers can see now, newest first, as editorial lists them. */
export async function publishedArticleIds(fx: AppHandle, n: number): Promise<number[]> {
  const res = await gql(fx.url, `query($n: Int!) { articles(first: $n) { nodes { id } } }`, { n });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.articles.nodes.map((a: { id: string }) => Number(a.id));
}

/** An article that exists in editorial but that readers cannot see (a draft, a scheduled one…). */
export async function unpublishedArticleId(fx: AppHandle): Promise<number> {
  const rows = await fx.app.dataSources.get('editorial')!.query(`SELECT id FROM article WHERE status <> 'published' ORDER BY id LIMIT 1`);
  if (!rows.length) throw new Error('The seed has no unpublished article');
  return Number(rows[0].id);
}

export const POST = `mutation($input: PostCommentInput!) { postComment(input: $input) { id status body bodyHtml removed guestName guestEmail author { id } inReplyTo { id } } }`;

export type SeedComment = { status?: CommentStatus; authorUserId?: number | null; inReplyTo?: Comment; body?: string; createdAt?: Date; likeCount?: number };

/**
 * Writes comments straight into the discussion database, with the counts kept as the
 * services keep them: for building large threads quickly. Behaviour is tested through the API.
 */
export async function seedComments(fx: AppHandle, articleId: number, specs: SeedComment[]): Promise<Comment[]> {
  const ds = fx.app.dataSources.get('discussion')!;
  return ds.transaction(async (m) => {
    await ensureThread(m, articleId, new Date());
    const saved: Comment[] = [];
    for (const [i, spec] of specs.entries()) {
      const status = spec.status ?? 'approved';
      const body = spec.body ?? `Commentaire ${i} ${Math.random().toString(36).slice(2)}`;
      const author = spec.authorUserId ?? null;
      const comment = Object.assign(new Comment(), {
        articleId,
        parentId: spec.inReplyTo ? (spec.inReplyTo.parentId ?? spec.inReplyTo.id) : null,
        inReplyToId: spec.inReplyTo?.id ?? null,
        authorUserId: author,
        guestName: author === null ? 'Invité de test' : null,
        guestEmail: author === null ? 'invite@example.test' : null,
        authorIp: '198.51.100.1',
        body,
        fingerprint: commentFingerprint(author === null ? 'guest:invite@example.test' : `user:${author}`, body),
        status,
        likeCount: spec.likeCount ?? 0,
        replyCount: 0,
        reportCount: 0,
        createdAt: spec.createdAt ?? new Date(),
        editedAt: null,
        moderatedAt: null,
        deletedAt: null,
      });
      await m.getRepository(Comment).insert(comment);
      await applyApprovalDeltas(m, [{ articleId, parentId: comment.parentId, from: null, to: status }]);
      saved.push(comment);
    }
    return saved;
  });
}
