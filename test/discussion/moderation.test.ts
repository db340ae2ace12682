import type { CommentStatus } from '../../entities/discussion/comment.entity';
import { backends } from '../support/backends';
import { from, newIp, POST, prepareDiscussion, publishedArticleIds, seedComments } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, type SignedIn } from '../support/sign-in';

const VERDICT = { approved: 'approveComments', rejected: 'rejectComments', spam: 'markCommentsAsSpam' } as const;
const verdictOp = (to: keyof typeof VERDICT) => `mutation($ids: [ID!]!, $r: String) { ${VERDICT[to]}(ids: $ids, reason: $r) { id status } }`;
const COUNT = `query($id: ID!) { article(id: $id) { commentCount commentsOpen comments(first: 50) { nodes { id status } } } }`;
const LOG = `query($c: ID, $a: ID) { commentModerationLog(commentId: $c, articleId: $a, first: 50) {
  nodes { action fromStatus toStatus reason createdAt moderator { id displayName } comment { id } article { id } } } }`;
const REPORT = `mutation($id: ID!) { reportComment(id: $id, reason: "Insultant") }`;
const EDIT = `mutation($id: ID!, $b: String!) { editComment(id: $id, body: $b) { id status body editedAt } }`;

describe.each(backends())('comment moderation (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let articles: number[];
  let moderator: SignedIn;
  let nextArticle = 0;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'discussion_moderation', 80);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    articles = await publishedArticleIds(fx, 30);
    moderator = await signInAs(fx, [Role.Moderator], { label: 'moderator' });
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  /** Each test works under an article of its own, so counts start at zero. */
  const freshArticle = () => articles[nextArticle++];
  const post = (input: Record<string, unknown>, headers: Record<string, string> = {}) => gql(fx.url, POST, { input }, from(newIp(), headers));
  const article = async (id: number, headers: Record<string, string> = {}) => (await gql(fx.url, COUNT, { id: String(id) }, headers)).data.article;
  const ds = () => fx.app.dataSources.get('discussion')!;

  const STATUSES: CommentStatus[] = ['pending', 'approved', 'rejected', 'spam', 'deleted'];
  const MOVES = STATUSES.flatMap((from) => (['approved', 'rejected', 'spam'] as const).map((to) => [from, to] as const));

  it.each(MOVES)('moves a %s comment to %s as the rules say, keeping counts and the record true', async (fromStatus, to) => {
    const articleId = freshArticle();
    const [root] = await seedComments(fx, articleId, [{ createdAt: new Date(Date.now() - 60_000) }]);
    const [comment] = await seedComments(fx, articleId, [{ status: fromStatus, inReplyTo: root }]);
    const before = await article(articleId);
    const res = await gql(fx.url, verdictOp(to), { ids: [String(comment.id)], r: 'Relu' }, moderator.headers);
    const log = (await gql(fx.url, LOG, { c: String(comment.id) }, moderator.headers)).data.commentModerationLog.nodes;
    const after = await article(articleId);
    if (fromStatus === 'deleted') {
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TRANSITION_NOT_ALLOWED', ids: [String(comment.id)] });
      expect(log).toEqual([]);
      expect(after.commentCount).toBe(before.commentCount);
      return;
    }
    expect(res.data[VERDICT[to]]).toEqual([{ id: String(comment.id), status: to.toUpperCase() }]);
    const delta = Number(to === 'approved') - Number(fromStatus === 'approved');
    expect(after.commentCount).toBe(before.commentCount + delta);
    const [stored] = await ds().query('SELECT replyCount FROM comment WHERE id = ?', [root.id]);
    expect(Number(stored.replyCount)).toBe(to === 'approved' ? 1 : 0);
    if (fromStatus === to) {
      expect(log).toEqual([]);
      return;
    }
    expect(log).toEqual([
      {
        action: { approved: 'APPROVE', rejected: 'REJECT', spam: 'SPAM' }[to],
        fromStatus: fromStatus.toUpperCase(),
        toStatus: to.toUpperCase(),
        reason: 'Relu',
        createdAt: expect.any(String),
        moderator: { id: String(moderator.id), displayName: 'Test moderator' },
        comment: { id: String(comment.id) },
        article: { id: String(articleId) },
      },
    ]);
    expect(Math.abs(Date.parse(log[0].createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it('applies verdicts in bulk all or nothing, and filters the queue by status, article and author', async () => {
    const articleId = freshArticle();
    const author = await signInAs(fx, [], { label: 'queued' });
    const pending = await seedComments(fx, articleId, [{ status: 'pending', authorUserId: author.id }, { status: 'pending' }, { status: 'pending' }]);
    const [deleted] = await seedComments(fx, articleId, [{ status: 'deleted' }]);
    const ids = pending.map((c) => String(c.id));
    expect(errorCodes(await gql(fx.url, verdictOp('approved'), { ids: [...ids, String(deleted.id)] }, moderator.headers))).toEqual(['CONFLICT']);
    expect(errorCodes(await gql(fx.url, verdictOp('approved'), { ids: [...ids, '999999'] }, moderator.headers))).toEqual(['NOT_FOUND']);
    expect((await article(articleId)).commentCount).toBe(0);

    const QUEUE = `query($s: [CommentStatus!], $a: ID, $u: ID, $after: String) { commentModerationQueue(status: $s, articleId: $a, authorId: $u, first: 2, after: $after) {
      totalCount nodes { id status } pageInfo { hasNextPage endCursor } } }`;
    const page1 = (await gql(fx.url, QUEUE, { a: String(articleId) }, moderator.headers)).data.commentModerationQueue;
    expect(page1.totalCount).toBe(3);
    const page2 = (await gql(fx.url, QUEUE, { a: String(articleId), after: page1.pageInfo.endCursor }, moderator.headers)).data.commentModerationQueue;
    expect([...page1.nodes, ...page2.nodes].map((n: any) => n.id)).toEqual(ids);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const byAuthor = (await gql(fx.url, QUEUE, { u: String(author.id), s: ['PENDING', 'APPROVED'] }, moderator.headers)).data.commentModerationQueue;
    expect(byAuthor.nodes).toEqual([{ id: ids[0], status: 'PENDING' }]);
    const deletedOnly = (await gql(fx.url, QUEUE, { a: String(articleId), s: ['DELETED'] }, moderator.headers)).data.commentModerationQueue;
    expect(deletedOnly.nodes).toEqual([{ id: String(deleted.id), status: 'DELETED' }]);

    const approved = await gql(fx.url, verdictOp('approved'), { ids: [...ids, ids[0]] }, moderator.headers);
    expect(approved.data.approveComments.map((c: any) => c.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
    expect((await article(articleId)).commentCount).toBe(3);
    expect(errorCodes(await gql(fx.url, verdictOp('approved'), { ids: [] }, moderator.headers))).toEqual(['BAD_USER_INPUT']);
  });

  it('trusts a reader after three approved comments and none marked as spam', async () => {
    const articleId = freshArticle();
    const regular = await signInAs(fx, [], { label: 'regular' });
    await seedComments(fx, freshArticle(), [{ authorUserId: regular.id }, { authorUserId: regular.id }]);
    const second = await post({ articleId: String(articleId), body: 'Deux approuvés seulement.' }, regular.headers);
    expect(second.data.postComment.status).toBe('PENDING');
    await gql(fx.url, verdictOp('approved'), { ids: [second.data.postComment.id] }, moderator.headers);
    const trusted = await post({ articleId: String(articleId), body: 'Maintenant je suis connu.' }, regular.headers);
    expect(trusted.data.postComment.status).toBe('APPROVED');
    expect((await article(articleId)).commentCount).toBe(2);
    // One comment marked as spam and the trust is gone.
    await gql(fx.url, verdictOp('spam'), { ids: [trusted.data.postComment.id] }, moderator.headers);
    expect((await post({ articleId: String(articleId), body: 'Encore moi.' }, regular.headers)).data.postComment.status).toBe('PENDING');
    // Moderators' and editors' comments never wait.
    expect((await post({ articleId: String(articleId), body: 'Mot de la modération.' }, moderator.headers)).data.postComment.status).toBe('APPROVED');
  });

  it('hides a comment reported by three different readers until a moderator approves it again', async () => {
    const articleId = freshArticle();
    const author = await signInAs(fx, [], { label: 'reported' });
    const [comment] = await seedComments(fx, articleId, [{ authorUserId: author.id }]);
    const id = String(comment.id);
    const reporters = [await signInAs(fx), await signInAs(fx), await signInAs(fx), await signInAs(fx)];
    expect((await gql(fx.url, REPORT, { id }, author.headers)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OWN_COMMENT' });
    expect(errorCodes(await gql(fx.url, REPORT, { id }))).toEqual(['UNAUTHENTICATED']);
    for (const r of [reporters[0], reporters[0], reporters[1]]) expect((await gql(fx.url, REPORT, { id }, r.headers)).data.reportComment).toBe(true);
    expect((await article(articleId)).commentCount).toBe(1);
    await gql(fx.url, REPORT, { id }, reporters[2].headers);
    const hidden = await article(articleId);
    expect(hidden.commentCount).toBe(0);
    expect(hidden.comments.nodes).toEqual([]);
    expect((await article(articleId, author.headers)).comments.nodes).toEqual([{ id, status: 'PENDING' }]);
    const log = (await gql(fx.url, LOG, { c: id }, moderator.headers)).data.commentModerationLog.nodes;
    expect(log).toEqual([expect.objectContaining({ action: 'AUTO_HIDE', moderator: null, fromStatus: 'APPROVED', toStatus: 'PENDING', reason: '3 reports' })]);
    // A hidden comment cannot be reported further; once approved, the count starts over.
    expect(errorCodes(await gql(fx.url, REPORT, { id }, reporters[3].headers))).toEqual(['NOT_FOUND']);
    const reviewed = await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { status reportCount } }`, { ids: [id] }, moderator.headers);
    expect(reviewed.data.approveComments).toEqual([{ status: 'APPROVED', reportCount: 0 }]);
    await gql(fx.url, REPORT, { id }, reporters[0].headers);
    await gql(fx.url, REPORT, { id }, reporters[3].headers);
    expect((await article(articleId)).commentCount).toBe(1);
  });

  it('bans a reader by account and a guest by email or address, until the ban is lifted', async () => {
    const articleId = freshArticle();
    const troll = await signInAs(fx, [], { label: 'troll' });
    const trollPost = await post({ articleId: String(articleId), body: 'Premier message douteux.' }, troll.headers);
    const BAN = `mutation($c: ID!) { banCommenter(commentId: $c, reason: "Insultes") { id reason liftedAt guestEmail user { id displayName } bannedBy { id } } }`;
    const ban = await gql(fx.url, BAN, { c: trollPost.data.postComment.id }, moderator.headers);
    expect(ban.data.banCommenter).toMatchObject({ reason: 'Insultes', liftedAt: null, guestEmail: null, user: { id: String(troll.id), displayName: 'Test reader' }, bannedBy: { id: String(moderator.id) } });
    expect((await gql(fx.url, BAN, { c: trollPost.data.postComment.id }, moderator.headers)).data.banCommenter.id).toBe(ban.data.banCommenter.id);
    const refused = await post({ articleId: String(articleId), body: 'Je reviens.' }, troll.headers);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'BANNED' });
    const LIFT = `mutation($id: ID!) { liftCommenterBan(id: $id) { liftedAt } }`;
    expect((await gql(fx.url, LIFT, { id: ban.data.banCommenter.id }, moderator.headers)).data.liftCommenterBan.liftedAt).toEqual(expect.any(String));
    expect(errorCodes(await post({ articleId: String(articleId), body: 'Je me tiens bien.' }, troll.headers))).toEqual([]);

    const guestIp = newIp();
    const guest = { articleId: String(articleId), guestName: 'Anonyme', guestEmail: 'spam@example.test' };
    const guestPost = await gql(fx.url, POST, { input: { ...guest, body: 'Achetez maintenant.' } }, from(guestIp));
    const guestBan = await gql(fx.url, BAN, { c: guestPost.data.postComment.id }, moderator.headers);
    expect(guestBan.data.banCommenter).toMatchObject({ guestEmail: 'spam@example.test', user: null });
    // Same email from elsewhere, or another email from the same address: both refused.
    expect(errorCodes(await post({ ...guest, body: 'Autre adresse IP.' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(fx.url, POST, { input: { ...guest, guestEmail: 'autre@example.test', body: 'Autre email.' } }, from(guestIp)))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await post({ ...guest, guestEmail: 'innocent@example.test', body: 'Un autre invité.' }))).toEqual([]);
    const bans = (await gql(fx.url, LOG, { a: String(articleId) }, moderator.headers)).data.commentModerationLog.nodes.map((n: any) => n.action);
    expect(bans).toEqual(['BAN', 'BAN']);
    expect(errorCodes(await gql(fx.url, LIFT, { id: '999999' }, moderator.headers))).toEqual(['NOT_FOUND']);
  });

  it('closes a thread: comments stay, nothing new is accepted, until it reopens', async () => {
    const articleId = freshArticle();
    const reader = await signInAs(fx, [], { label: 'closing' });
    const mine = await post({ articleId: String(articleId), body: 'Avant la fermeture.' }, reader.headers);
    const [existing] = await seedComments(fx, articleId, [{}]);
    const CLOSE = `mutation($a: ID!) { closeCommentThread(articleId: $a, reason: "Débat hors de contrôle") { id commentsOpen commentCount title } }`;
    const closed = await gql(fx.url, CLOSE, { a: String(articleId) }, moderator.headers);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeCommentThread).toEqual({ id: String(articleId), commentsOpen: false, commentCount: 1, title: expect.any(String) });
    expect((await gql(fx.url, CLOSE, { a: String(articleId) }, moderator.headers)).data.closeCommentThread.commentsOpen).toBe(false);
    for (const input of [{ body: 'Après la fermeture.' }, { body: 'Une réponse.', inReplyToId: String(existing.id) }]) {
      const res = await post({ articleId: String(articleId), ...input }, reader.headers);
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COMMENTS_CLOSED' });
    }
    expect((await gql(fx.url, EDIT, { id: mine.data.postComment.id, b: 'Modifié.' }, reader.headers)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'COMMENTS_CLOSED' });
    expect((await article(articleId)).comments.nodes).toEqual([{ id: String(existing.id), status: 'APPROVED' }]);

    const reopened = await gql(fx.url, `mutation($a: ID!) { reopenCommentThread(articleId: $a) { commentsOpen } }`, { a: String(articleId) }, moderator.headers);
    expect(reopened.data.reopenCommentThread.commentsOpen).toBe(true);
    expect(errorCodes(await post({ articleId: String(articleId), body: 'Après la réouverture.' }, reader.headers))).toEqual([]);
    const log = (await gql(fx.url, LOG, { a: String(articleId) }, moderator.headers)).data.commentModerationLog.nodes;
    expect(log.map((n: any) => [n.action, n.reason])).toEqual([
      ['REOPEN_THREAD', null],
      ['CLOSE_THREAD', 'Débat hors de contrôle'],
    ]);
  });

  it('lets an author edit within ten minutes, sending an untrusted approved comment back to the queue', async () => {
    const articleId = freshArticle();
    const author = await signInAs(fx, [], { label: 'editor-of-own' });
    const other = await signInAs(fx, [], { label: 'not-the-author' });
    const posted = await post({ articleId: String(articleId), body: 'Premiere version.' }, author.headers);
    const id = posted.data.postComment.id;
    await gql(fx.url, verdictOp('approved'), { ids: [id] }, moderator.headers);
    expect((await article(articleId)).commentCount).toBe(1);
    const edited = await gql(fx.url, EDIT, { id, b: 'Première version, <b>corrigée</b>.' }, author.headers);
    expect(edited.data.editComment).toMatchObject({ id, status: 'PENDING', body: 'Première version, corrigée.', editedAt: expect.any(String) });
    expect((await article(articleId)).commentCount).toBe(0);
    expect((await gql(fx.url, EDIT, { id, b: 'Pas à moi.' }, other.headers)).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    await gql(fx.url, verdictOp('approved'), { ids: [id] }, moderator.headers);
    expect((await gql(fx.url, EDIT, { id, b: 'Pas à moi.' }, other.headers)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AUTHOR' });

    await ds().query('UPDATE comment SET createdAt = ? WHERE id = ?', [backend === 'sqlite' ? '2020-01-01 00:00:00.000' : new Date('2020-01-01T00:00:00Z'), Number(id)]);
    const late = await gql(fx.url, EDIT, { id, b: 'Trop tard.' }, author.headers);
    expect(late.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'EDIT_WINDOW_CLOSED' });
    // Deleting has no time limit.
    expect((await gql(fx.url, `mutation($id: ID!) { deleteComment(id: $id) { status } }`, { id }, author.headers)).data.deleteComment.status).toBe('DELETED');
    expect((await article(articleId)).commentCount).toBe(0);
  });
});
