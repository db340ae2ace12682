import { User } from '../../entities/accounts/user.entity';
import { backends } from '../support/backends';
import { from, newIp, POST, prepareDiscussion, publishedArticleIds, seedComments } from '../support/discussion';
import { gql, type GraphQLResponse } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, signInAs, TEST_PASSWORD, type SignedIn } from '../support/sign-in';

/**
 * Mutations of every subgraph at once through the gateway, some of them bound to fail inside
 * their transaction (a taken email, an article published twice, a verdict on a comment
 * another verdict already moved). Each must commit or fail alone: on SQLite, TypeORM hands
 * every caller the same connection, and without a queue one request's ROLLBACK undid what
 * others had already been told was saved.
 */
describe.each(backends())('concurrent writes across subgraphs (%s)', (backend) => {
  let fx: NewsroomFixture;
  let restore: () => void;
  let editor: SignedIn;
  let moderator: SignedIn;
  let readers: SignedIn[];

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'concurrent_writes', 40);
    await prepareAccounts(fx);
    restore = prepareDiscussion(fx);
    editor = await signInAs(fx, [Role.Editor]);
    moderator = await signInAs(fx, [Role.Moderator]);
    readers = [];
    // Trusted readers (staff) post straight to APPROVED, which moves the thread's count in the same transaction.
    for (let i = 0; i < 4; i++) readers.push(await signInAs(fx, [Role.Journalist], { label: 'writer' }));
  });
  afterAll(async () => {
    restore?.();
    await fx?.stop();
  });

  const code = (res: GraphQLResponse & { status: number }) => (res.errors ? String(res.errors[0].extensions?.code) : 'OK');

  it('commits or fails each mutation cleanly, with every count consistent afterwards', async () => {
    const editorial = fx.app.dataSources.get('editorial')!;
    const discussion = fx.app.dataSources.get('discussion')!;
    const accounts = fx.app.dataSources.get('accounts')!;
    const articleIds = await publishedArticleIds(fx, 6);

    // Drafts, approved one by one, to publish all at once (each twice: one of the two must lose).
    const drafts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await gql(
        fx.url,
        `mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`,
        { input: { title: `Concurrence ${i} ${backend}`, primaryRubricId: '2', body: [{ type: 'paragraph', text: 'Texte.' }] } },
        editor.headers,
      );
      const id = created.data.createArticle.id;
      for (const step of ['submitArticle', 'approveArticle']) {
        const res = await gql(fx.url, `mutation($id: ID!) { ${step}(id: $id) { status } }`, { id }, editor.headers);
        expect(res.errors).toBeUndefined();
      }
      drafts.push(id);
    }
    // Pending comments for moderators to judge twice over (approve and reject racing).
    const pending = await seedComments(fx, articleIds[0], [{ status: 'pending' }, { status: 'pending' }, { status: 'pending' }, { status: 'pending' }]);

    const emails = Array.from({ length: 6 }, (_, i) => `concurrent.${process.pid}.${backend}.${i % 4}@example.test`);
    const work: Array<Promise<{ kind: string; key: string; res: GraphQLResponse & { status: number } }>> = [];
    const tag = (kind: string, key: string) => (res: GraphQLResponse & { status: number }) => ({ kind, key, res });
    for (const [i, email] of emails.entries()) {
      work.push(
        gql(fx.url, `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`, { input: { email, password: TEST_PASSWORD, displayName: `Lecteur ${i}` } }, from(newIp())).then(
          tag('register', email),
        ),
      );
    }
    for (const id of [...drafts, ...drafts]) {
      work.push(gql(fx.url, `mutation($id: ID!) { publishArticle(id: $id) { id status } }`, { id }, editor.headers).then(tag('publish', id)));
    }
    for (const [i, reader] of readers.entries()) {
      for (const articleId of articleIds.slice(1, 4)) {
        work.push(
          gql(fx.url, POST, { input: { articleId: String(articleId), body: `Avis ${i} sur ${articleId}, ${backend}.` } }, from(newIp(), reader.headers)).then(
            tag('comment', String(articleId)),
          ),
        );
      }
    }
    for (const comment of pending) {
      for (const verdict of ['approveComments', 'rejectComments']) {
        work.push(gql(fx.url, `mutation($ids: [ID!]!) { ${verdict}(ids: $ids) { id status } }`, { ids: [String(comment.id)] }, moderator.headers).then(tag(verdict, String(comment.id))));
      }
    }
    const results = await Promise.all(work);

    // Nothing failed for a reason other than the rules.
    for (const { kind, res } of results) {
      expect([kind, res.status < 500, code(res)]).toEqual([kind, true, expect.stringMatching(/^(OK|CONFLICT|BAD_USER_INPUT)$/)]);
    }

    // Accounts: one account per address, exactly for the registrations that succeeded.
    const registered = results.filter((r) => r.kind === 'register' && code(r.res) === 'OK').map((r) => r.key);
    expect(new Set(registered).size).toBe(registered.length);
    expect(registered.sort()).toEqual([...new Set(emails)].sort());
    for (const email of new Set(emails)) expect(await accounts.getRepository(User).countBy({ email })).toBe(1);

    // Editorial: each draft published once, with its list rows.
    for (const id of drafts) {
      const outcomes = results.filter((r) => r.kind === 'publish' && r.key === id).map((r) => code(r.res));
      expect(outcomes.filter((c) => c === 'OK')).toHaveLength(1);
      const [row] = await editorial.query('SELECT status FROM article WHERE id = ?', [Number(id)]);
      expect(row.status).toBe('published');
      const [listed] = await editorial.query('SELECT COUNT(*) AS n FROM article_listing WHERE articleId = ? AND kind = 0', [Number(id)]);
      expect(Number(listed.n)).toBe(1);
    }

    // Discussion: every comment acknowledged is stored, and every thread's count is its approved comments.
    const posted = results.filter((r) => r.kind === 'comment' && code(r.res) === 'OK').map((r) => Number(r.res.data.postComment.id));
    expect(posted).toHaveLength(readers.length * 3);
    const [stored] = await discussion.query(`SELECT COUNT(*) AS n FROM comment WHERE id IN (${posted.map(() => '?').join(', ')})`, posted);
    expect(Number(stored.n)).toBe(posted.length);
    for (const comment of pending) {
      const verdicts = results.filter((r) => r.key === String(comment.id) && r.kind.endsWith('Comments'));
      const won = verdicts.filter((r) => code(r.res) === 'OK');
      expect(won.length).toBeGreaterThanOrEqual(1);
      const [row] = await discussion.query('SELECT status FROM comment WHERE id = ?', [comment.id]);
      const last = won.map((r) => r.res.data[r.kind][0].status.toLowerCase());
      expect(last).toContain(row.status);
    }
    const threads: Array<{ articleId: number; approvedCount: number }> = await discussion.query('SELECT articleId, approvedCount FROM comment_thread');
    for (const thread of threads) {
      const [row] = await discussion.query(`SELECT COUNT(*) AS n FROM comment WHERE articleId = ? AND status = 'approved'`, [thread.articleId]);
      expect([thread.articleId, Number(thread.approvedCount)]).toEqual([thread.articleId, Number(row.n)]);
    }
  });
});
