import { ListingKind } from '../../entities/editorial/article-listing.entity';
import { sqlDate } from '../../src/db/sql-values';
import { backends } from '../support/backends';
import { seedComments } from '../support/discussion';
import { errorCodes, gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { Role, signInAs, type SignedIn } from '../support/sign-in';

/**
 * What batching must not change: every parent still gets its own children, in its own order,
 * and every list its own size. Plus the small defects of ids and admin lists.
 */
describe.each(backends())('batched fields and admin lists (%s)', (backend) => {
  let fx: NewsroomFixture;
  let staff: SignedIn;
  let ids: string[];

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'batched_fields', 60);
    staff = await signInAs(fx, [Role.Admin, Role.Editor, Role.Moderator]);
    const listed = await gql(fx.url, `{ articles(first: 3) { nodes { id } } }`);
    ids = listed.data.articles.nodes.map((n: { id: string }) => n.id);
    // Corrections interleaved across articles, so key order and per-article order both matter.
    for (const [i, text] of ['a1', 'b1', 'a2', 'c1', 'a3'].entries()) {
      const id = ids[{ a: 0, b: 1, c: 2 }[text[0] as 'a' | 'b' | 'c']];
      const res = await gql(fx.url, `mutation($id: ID!, $t: String!) { addArticleCorrection(id: $id, text: $t) { id } }`, { id, t: `Correction ${text} (${i})` }, staff.headers);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('gives each article its own corrections, oldest first, and each list its own totalCount', async () => {
    const res = await gql(
      fx.url,
      `{ articles(first: 3) { nodes { id corrections { text } } }
         rubrics { id articles(first: 1) { totalCount } children { id articles(first: 1) { totalCount } } } }`,
      {},
      staff.headers,
    );
    expect(res.errors).toBeUndefined();
    const corrections = res.data.articles.nodes.map((n: any) => n.corrections.map((c: any) => c.text.slice(11, 13)));
    expect(corrections).toEqual([['a1', 'a2', 'a3'], ['b1'], ['c1']]);
    const editorial = fx.app.dataSources.get('editorial')!;
    const rubrics = [...res.data.rubrics, ...res.data.rubrics.flatMap((r: any) => r.children)];
    const counted = await Promise.all(
      rubrics.map(async (r: any) => {
        const [row] = await editorial.query(
          `SELECT COUNT(*) AS n FROM article_listing WHERE kind = ? AND refId = ? AND publishedAt <= ?`,
          [ListingKind.Rubric, Number(r.id), sqlDate(editorial, new Date())],
        );
        return Number(row.n);
      }),
    );
    expect(rubrics.map((r: any) => r.articles.totalCount)).toEqual(counted);
    expect(counted.some((n) => n > 0)).toBe(true);
  });

  it('gives each article its own revisions, newest first', async () => {
    const created: string[] = [];
    for (const title of ['Premier', 'Second']) {
      const res = await gql(
        fx.url,
        `mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`,
        { input: { title: `${title} article révisé`, primaryRubricId: '2', body: [{ type: 'paragraph', text: 'Texte.' }] } },
        staff.headers,
      );
      created.push(res.data.createArticle.id);
    }
    const update = `mutation($id: ID!, $v: Int!, $t: String!) { updateArticle(id: $id, version: $v, input: { title: $t, primaryRubricId: "2", body: [{ type: "paragraph", text: "Texte." }] }) { id } }`;
    expect((await gql(fx.url, update, { id: created[0], v: 1, t: 'Premier, relu' }, staff.headers)).errors).toBeUndefined();
    const query = created.map((id, i) => `a${i}: adminArticle(id: "${id}") { revisions { number } }`).join(' ');
    const res = await gql(fx.url, `{ ${query} }`, {}, staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data.a0.revisions.map((r: any) => r.number)).toEqual([2, 1]);
    expect(res.data.a1.revisions.map((r: any) => r.number)).toEqual([1]);
  });

  it('counts each level of comments as its viewer sees it', async () => {
    const [a, b] = ids.map(Number);
    const [rootA] = await seedComments(fx, a, [{ createdAt: new Date(Date.now() - 60_000) }, {}, { status: 'pending' }]);
    await seedComments(fx, a, [{ inReplyTo: rootA }, { inReplyTo: rootA }, { inReplyTo: rootA, status: 'rejected' }]);
    await seedComments(fx, b, [{}]);
    const query = `query($a: ID!, $b: ID!) {
      a: article(id: $a) { comments(first: 1, order: OLDEST) { totalCount nodes { replies(first: 1) { totalCount } } } }
      b: article(id: $b) { comments(first: 1) { totalCount nodes { replies(first: 1) { totalCount } } } } }`;
    const reader = await gql(fx.url, query, { a: String(a), b: String(b) });
    expect(reader.errors).toBeUndefined();
    expect(reader.data.a.comments.totalCount).toBe(2);
    expect(reader.data.a.comments.nodes[0].replies.totalCount).toBe(2);
    expect(reader.data.b.comments.totalCount).toBe(1);
    expect(reader.data.b.comments.nodes[0].replies.totalCount).toBe(0);
    // Moderators see the pending root too.
    const moderator = await gql(fx.url, query, { a: String(a), b: String(b) }, staff.headers);
    expect(moderator.data.a.comments.totalCount).toBe(3);
  });

  it.each([
    ['commentModerationQueue(articleId: "12abc")', 'articleId'],
    ['commentModerationQueue(authorId: "0")', 'authorId'],
    ['commentModerationLog(commentId: "1e3")', 'commentId'],
    ['commentModerationLog(articleId: " 7")', 'articleId'],
    // Digits, but past what an id can be: read as another number, it filtered on the wrong id.
    ['commentModerationQueue(articleId: "9007199254740993")', 'articleId'],
    ['commentModerationLog(commentId: "9999999999999999")', 'commentId'],
  ])('answers BAD_USER_INPUT for a malformed id filter: %s', async (field, argument) => {
    const res = await gql(fx.url, `{ ${field} { nodes { id } } }`, {}, staff.headers);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res.errors![0].extensions)).toContain(argument);
  });

  it('parses every id argument the same way', async () => {
    for (const id of ['1e1', '0x10', ' 12', '-3', '']) {
      const res = await gql(fx.url, `query($id: ID!) { article(id: $id) { id } }`, { id });
      expect([id, errorCodes(res)]).toEqual([id, ['BAD_USER_INPUT']]);
    }
    const audit = await gql(fx.url, `{ editorialAuditLog(entityId: "abc") { nodes { id } } }`, {}, staff.headers);
    expect(errorCodes(audit)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses front-page arrangements past the maximum page like every other list', async () => {
    const over = await gql(fx.url, `{ frontPageArrangements(block: HEADLINE, first: 101) { id } }`, {}, staff.headers);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    const negative = await gql(fx.url, `{ frontPageArrangements(block: HEADLINE, first: -1) { id } }`, {}, staff.headers);
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    const fine = await gql(fx.url, `{ frontPageArrangements(block: HEADLINE, first: 100) { id articleIds } }`, {}, staff.headers);
    expect(fine.errors).toBeUndefined();
  });

  it('gives the audit log its real totalCount, filters included', async () => {
    const editorial = fx.app.dataSources.get('editorial')!;
    const [all] = await editorial.query('SELECT COUNT(*) AS n FROM editorial_audit_entry');
    const [mine] = await editorial.query(`SELECT COUNT(*) AS n FROM editorial_audit_entry WHERE entityType = 'article' AND entityId = ?`, [Number(ids[0])]);
    const res = await gql(
      fx.url,
      `query($id: ID!) { all: editorialAuditLog(first: 1) { totalCount } one: editorialAuditLog(first: 1, entityType: "article", entityId: $id) { totalCount } }`,
      { id: ids[0] },
      staff.headers,
    );
    expect(res.errors).toBeUndefined();
    expect(Number(all.n)).toBeGreaterThan(Number(mine.n));
    expect(res.data.all.totalCount).toBe(Number(all.n));
    expect(res.data.one.totalCount).toBe(Number(mine.n));
  });
});
