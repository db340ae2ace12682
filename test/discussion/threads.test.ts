import { backends } from '../support/backends';
import { from, newIp, POST, prepareDiscussion, publishedArticleIds, seedComments } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, type SignedIn } from '../support/sign-in';

const THREAD = `query($id: ID!, $first: Int, $after: String, $order: CommentOrder, $replies: Int) {
  article(id: $id) { id title commentCount commentsOpen
    comments(first: $first, after: $after, order: $order) {
      totalCount
      edges { cursor node { id status removed body guestName guestEmail likeCount replyCount createdAt author { id displayName }
        replies(first: $replies) { totalCount edges { node { id status body inReplyTo { id } author { displayName } } } pageInfo { hasNextPage endCursor } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const REPLIES = `query($id: ID!, $root: Int!, $first: Int!, $after: String, $order: CommentOrder!) {
  article(id: $id) { comments(first: $root, order: OLDEST) { nodes { id replies(first: $first, after: $after, order: $order) { nodes { id } pageInfo { hasNextPage endCursor } } } } }
}`;

describe.each(backends())('comment threads through the gateway (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let articles: number[];
  let moderator: SignedIn;
  let reader: SignedIn;
  let otherReader: SignedIn;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'discussion_threads', 40);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    articles = await publishedArticleIds(fx, 12);
    moderator = await signInAs(fx, [Role.Moderator]);
    reader = await signInAs(fx, [], { label: 'commenter' });
    otherReader = await signInAs(fx, [], { label: 'other' });
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  const thread = (id: number, vars: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    gql(fx.url, THREAD, { id: String(id), first: 20, order: 'NEWEST', replies: 5, ...vars }, headers);
  const post = (input: Record<string, unknown>, headers: Record<string, string> = {}) => gql(fx.url, POST, { input }, from(newIp(), headers));

  it('threads replies two levels deep: a reply to a reply joins the same root and says whom it answers', async () => {
    const articleId = articles[0];
    const staff = await signInAs(fx, [Role.Editor], { label: 'staff' });
    const root = await post({ articleId: String(articleId), body: 'Premier commentaire.' }, staff.headers);
    expect(root.errors).toBeUndefined();
    expect(root.data.postComment).toMatchObject({ status: 'APPROVED', inReplyTo: null, author: { id: String(staff.id) } });
    const rootId = root.data.postComment.id;
    const reply = await post({ articleId: String(articleId), body: 'Une réponse.', inReplyToId: rootId }, staff.headers);
    const replyId = reply.data.postComment.id;
    expect(reply.data.postComment.inReplyTo).toEqual({ id: rootId });
    const nested = await post({ articleId: String(articleId), body: 'Réponse à la réponse.', inReplyToId: replyId }, staff.headers);
    expect(nested.data.postComment.inReplyTo).toEqual({ id: replyId });

    const res = await thread(articleId);
    expect(res.errors).toBeUndefined();
    const { comments, commentCount, title } = res.data.article;
    expect(title).toEqual(expect.any(String));
    expect(commentCount).toBe(3);
    expect(comments.edges.map((e: any) => e.node.id)).toEqual([rootId]);
    const rootNode = comments.edges[0].node;
    expect(rootNode.author.displayName).toBe('Test editor');
    expect(rootNode.replyCount).toBe(2);
    expect(rootNode.replies.edges.map((e: any) => [e.node.id, e.node.inReplyTo.id])).toEqual([
      [replyId, rootId],
      [nested.data.postComment.id, replyId],
    ]);
    // Replies of a reply are always empty: there is no third level.
    const deep = await gql(fx.url, `query($id: ID!) { article(id: $id) { comments { nodes { replies { nodes { replies { totalCount nodes { id } } } } } } } }`, {
      id: String(articleId),
    });
    expect(deep.data.article.comments.nodes[0].replies.nodes.map((r: any) => r.replies)).toEqual([
      { totalCount: 0, nodes: [] },
      { totalCount: 0, nodes: [] },
    ]);
    // A reply must answer a comment of the same article.
    expect(errorCodes(await post({ articleId: String(articles[1]), body: 'Ailleurs.', inReplyToId: rootId }, staff.headers))).toEqual(['NOT_FOUND']);
  });

  it.each(['NEWEST', 'OLDEST', 'MOST_LIKED'])('pages through roots in %s order without gaps or duplicates, ties on time included', async (order) => {
    const articleId = articles[2 + ['NEWEST', 'OLDEST', 'MOST_LIKED'].indexOf(order)];
    const base = Date.now() - 3600_000;
    // 23 roots, several sharing a timestamp and a like count, so only the id breaks ties.
    const roots = await seedComments(
      fx,
      articleId,
      Array.from({ length: 23 }, (_, i) => ({ createdAt: new Date(base + Math.floor(i / 3) * 1000), likeCount: i % 4 })),
    );
    await seedComments(fx, articleId, [{ status: 'pending' }, { status: 'rejected' }, { status: 'spam' }]);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await thread(articleId, { first: 5, after, order });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.article.comments.edges.map((e: any) => e.node.id));
      expect(res.data.article.comments.totalCount).toBe(23);
      after = res.data.article.comments.pageInfo.hasNextPage ? res.data.article.comments.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(5);
    const time = (a: (typeof roots)[number], b: (typeof roots)[number]) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
    const expected = [...roots].sort(
      order === 'OLDEST' ? time : order === 'NEWEST' ? (a, b) => -time(a, b) : (a, b) => b.likeCount - a.likeCount || -time(a, b),
    );
    expect(seen).toEqual(expected.map((c) => String(c.id)));
  });

  it('pages through replies of several roots, each level with its own cursor, while new replies arrive', async () => {
    const articleId = articles[5];
    const [first, second] = await seedComments(fx, articleId, [{ createdAt: new Date(Date.now() - 7200_000) }, { createdAt: new Date(Date.now() - 7100_000) }]);
    const base = Date.now() - 3600_000;
    await seedComments(fx, articleId, Array.from({ length: 12 }, (_, i) => ({ inReplyTo: first, createdAt: new Date(base + Math.floor(i / 2) * 1000) })));
    await seedComments(fx, articleId, Array.from({ length: 3 }, (_, i) => ({ inReplyTo: second, createdAt: new Date(base + i * 1000) })));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await gql(fx.url, REPLIES, { id: String(articleId), root: 2, first: 5, after, order: 'OLDEST' });
      const [a, b] = res.data.article.comments.nodes;
      if (!after) expect(b.replies.nodes).toHaveLength(3);
      seen.push(...a.replies.nodes.map((r: any) => r.id));
      after = a.replies.pageInfo.hasNextPage ? a.replies.pageInfo.endCursor : null;
      // A reply arriving meanwhile lands after the cursor: it is read once, on a later page.
      if (seen.length === 5) await seedComments(fx, articleId, [{ inReplyTo: first, body: 'Arrivée en cours de route' }]);
    } while (after);
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect(errorCodes(await gql(fx.url, REPLIES, { id: String(articleId), root: 2, first: 5, after: 'bm9wZQ', order: 'OLDEST' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, REPLIES, { id: String(articleId), root: 2, first: 101, order: 'OLDEST' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps a deleted comment with replies as "removed", anchoring them; a deleted one without replies disappears', async () => {
    const articleId = articles[6];
    const [anchor, lonely] = await seedComments(fx, articleId, [{ authorUserId: reader.id }, { authorUserId: reader.id }]);
    const [reply] = await seedComments(fx, articleId, [{ inReplyTo: anchor, authorUserId: otherReader.id }]);
    expect((await thread(articleId)).data.article.commentCount).toBe(3);
    const DELETE = `mutation($id: ID!) { deleteComment(id: $id) { id status removed body } }`;
    expect(errorCodes(await gql(fx.url, DELETE, { id: String(anchor.id) }, otherReader.headers))).toEqual(['FORBIDDEN']);
    expect((await gql(fx.url, DELETE, { id: String(anchor.id) }, reader.headers)).data.deleteComment).toEqual({ id: String(anchor.id), status: 'DELETED', removed: true, body: null });
    expect(errorCodes(await gql(fx.url, DELETE, { id: String(lonely.id) }, reader.headers))).toEqual([]);
    expect(errorCodes(await gql(fx.url, DELETE, { id: String(lonely.id) }, reader.headers))).toEqual(['NOT_FOUND']);

    const res = await thread(articleId, { order: 'OLDEST' });
    expect(res.data.article.commentCount).toBe(1);
    expect(res.data.article.comments.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ id: String(anchor.id), status: 'DELETED', removed: true, body: null, author: null, guestName: null, replyCount: 1 }),
    ]);
    expect(res.data.article.comments.edges[0].node.replies.edges.map((e: any) => e.node.id)).toEqual([String(reply.id)]);
    const stored = await fx.app.dataSources.get('discussion')!.query('SELECT body FROM comment WHERE id = ?', [anchor.id]);
    expect(stored[0].body).toBe('');
  });

  it('shows a pending comment to its author and to moderators only, and counts approved comments only', async () => {
    const articleId = articles[7];
    const newcomer = await signInAs(fx, [], { label: 'newcomer' });
    const posted = await post({ articleId: String(articleId), body: 'Mon tout premier commentaire.' }, newcomer.headers);
    expect(posted.data.postComment).toMatchObject({ status: 'PENDING', body: 'Mon tout premier commentaire.' });
    const id = posted.data.postComment.id;
    const ids = async (headers: Record<string, string>) => (await thread(articleId, {}, headers)).data.article.comments.edges.map((e: any) => e.node.id);
    expect(await ids(newcomer.headers)).toEqual([id]);
    expect(await ids(moderator.headers)).toEqual([id]);
    expect(await ids({})).toEqual([]);
    expect(await ids(otherReader.headers)).toEqual([]);
    expect((await thread(articleId, {}, newcomer.headers)).data.article.commentCount).toBe(0);
    // Nor can anyone else reach it by reference, like or report it.
    expect(errorCodes(await gql(fx.url, `mutation($id: ID!) { likeComment(id: $id) { id } }`, { id }, otherReader.headers))).toEqual(['NOT_FOUND']);
    // A moderator's approval publishes it.
    const approved = await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id status } }`, { ids: [id] }, moderator.headers);
    expect(approved.data.approveComments).toEqual([{ id, status: 'APPROVED' }]);
    expect(await ids({})).toEqual([id]);
    expect((await thread(articleId)).data.article.commentCount).toBe(1);
  });

  it('takes guest comments with a name and an email it never shows, unless guests are turned off', async () => {
    const articleId = articles[8];
    const guest = { articleId: String(articleId), body: 'Un avis de passage.', guestName: '  Jeanne   Dupont ', guestEmail: 'Jeanne.Dupont@Example.test' };
    const res = await post(guest);
    expect(res.errors).toBeUndefined();
    expect(res.data.postComment).toMatchObject({ status: 'PENDING', guestName: 'Jeanne Dupont', guestEmail: null, author: null });
    const id = res.data.postComment.id;
    const queue = await gql(fx.url, `query($a: ID) { commentModerationQueue(articleId: $a) { nodes { id guestName guestEmail } } }`, { a: String(articleId) }, moderator.headers);
    expect(queue.data.commentModerationQueue.nodes).toEqual([{ id, guestName: 'Jeanne Dupont', guestEmail: 'jeanne.dupont@example.test' }]);
    await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: [id] }, moderator.headers);
    for (const headers of [{}, reader.headers]) {
      const node = (await thread(articleId, {}, headers)).data.article.comments.edges[0].node;
      expect(node).toMatchObject({ id, guestName: 'Jeanne Dupont', guestEmail: null, author: null });
    }
    // Guests cannot edit or delete (no account proves authorship), and must say who they are.
    expect(errorCodes(await post({ articleId: String(articleId), body: 'Sans nom.' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await post({ ...guest, guestEmail: 'pas-une-adresse' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(fx.url, `mutation($id: ID!) { deleteComment(id: $id) { id } }`, { id }))).toEqual(['UNAUTHENTICATED']);

    process.env.ALLOW_GUEST_COMMENTS = 'off';
    try {
      const refused = await post({ ...guest, body: 'Un autre avis.' });
      expect(refused.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'GUEST_COMMENTS_DISABLED' });
      expect(errorCodes(await post({ articleId: String(articleId), body: 'Connecté, je peux.' }, reader.headers))).toEqual([]);
    } finally {
      delete process.env.ALLOW_GUEST_COMMENTS;
    }
  });

  it('lets readers like a comment once, and sorts by likes', async () => {
    const articleId = articles[9];
    const [a, b] = await seedComments(fx, articleId, [{ createdAt: new Date(Date.now() - 5000) }, {}]);
    const LIKE = `mutation($id: ID!) { likeComment(id: $id) { id likeCount likedByViewer } }`;
    expect((await gql(fx.url, LIKE, { id: String(a.id) }, reader.headers)).data.likeComment).toEqual({ id: String(a.id), likeCount: 1, likedByViewer: true });
    expect((await gql(fx.url, LIKE, { id: String(a.id) }, reader.headers)).data.likeComment.likeCount).toBe(1);
    expect((await gql(fx.url, LIKE, { id: String(a.id) }, otherReader.headers)).data.likeComment.likeCount).toBe(2);
    expect(errorCodes(await gql(fx.url, LIKE, { id: String(a.id) }))).toEqual(['UNAUTHENTICATED']);
    const liked = await thread(articleId, { order: 'MOST_LIKED' }, reader.headers);
    expect(liked.data.article.comments.edges.map((e: any) => [e.node.id, e.node.likeCount])).toEqual([
      [String(a.id), 2],
      [String(b.id), 0],
    ]);
    const unliked = await gql(fx.url, `mutation($id: ID!) { unlikeComment(id: $id) { likeCount likedByViewer } }`, { id: String(a.id) }, reader.headers);
    expect(unliked.data.unlikeComment).toEqual({ likeCount: 1, likedByViewer: false });
  });
});
