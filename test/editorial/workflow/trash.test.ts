import { graphql } from 'graphql';
import { Comment } from '../../../entities/discussion/comment.entity';
import { CommentThread } from '../../../entities/discussion/comment-thread.entity';
import { Article } from '../../../entities/editorial/article.entity';
import { ArticleRevision } from '../../../entities/editorial/article-revision.entity';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import { createRequestContext } from '../../../src/context/request-context';
import { signPreviewToken } from '../../../src/editorial/workflow/preview-token';
import { audienceDataSource, audienceRuntime } from '../../support/audience';
import { backends } from '../../support/backends';
import { seedComments } from '../../support/discussion';
import { errorCodes, gql } from '../../support/graphql-client';
import { settleBackgroundWork } from '../../support/settle';
import { draft, move, startDesk, type Desk } from './workflow-fixture';

const CHANGES = `query($after: String) { articleChanges(after: $after, first: 100) { nodes { articleId kind deleted } latestCursor } }`;

describe.each(backends())('trash, restore and purge (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'trash');
  });
  afterAll(() => desk?.fx.stop());

  const ds = () => desk.fx.app.dataSources.get('editorial')!;
  const as = (who: keyof Pick<Desk, 'editor' | 'journalist' | 'admin'> | null, query: string, variables: Record<string, unknown> = {}) =>
    gql(desk.fx.url, query, variables, who ? desk[who].headers : {});
  const published = async (title: string) => {
    const a = await draft(desk, desk.editor, { title, primaryRubricId: '1' });
    for (const step of ['submitArticle', 'approveArticle']) await move(desk, desk.editor, step, a.id);
    expect(await move(desk, desk.editor, 'publishArticle', a.id)).toBe('PUBLISHED');
    return a;
  };
  const feedCursor = async () => (await as('admin', CHANGES, { after: null })).data.articleChanges.latestCursor as string | null;
  const feedSince = async (after: string | null) => (await as('admin', CHANGES, { after })).data.articleChanges.nodes as Array<{ articleId: string; kind: string; deleted: boolean }>;
  /** What readers can reach of article `id` (and editors, for the single article: the trash hides it from them too). */
  const seen = async (id: string, slug: string, word: string) => {
    const res = await as(
      null,
      `{ articles(first: 100) { nodes { id } } rubric(slug: "maroc") { articles(first: 100) { nodes { id } } } search(query: "${word}") { nodes { id } }
         homePage { headline { lead { id } secondary { id } } } }`,
    );
    const has = (nodes: Array<{ id: string }>) => nodes.some((n) => n.id === id);
    const home = res.data.homePage.headline;
    const ref = await graphql({
      schema: desk.fx.app.schemas.editorial,
      source: `{ _entities(representations: [{ __typename: "Article", id: "${id}" }]) { ... on Article { id } } }`,
      contextValue: await createRequestContext({}, '127.0.0.1'),
    });
    return {
      article: errorCodes(await as(null, `{ article(slug: "${slug}") { id } }`)),
      articleForEditor: errorCodes(await as('editor', `{ article(slug: "${slug}") { id } }`)),
      latest: has(res.data.articles.nodes),
      rubric: has(res.data.rubric.articles.nodes),
      search: has(res.data.search.nodes),
      homePage: has([home.lead, ...home.secondary].filter(Boolean)),
      reference: (ref.data as { _entities: unknown[] })._entities[0] !== null,
    };
  };
  const route = async (path: string) =>
    (await as(null, `query($p: String!) { route(path: $p) { __typename ... on GoneRoute { path statusCode } ... on Article { id } } }`, { p: path })).data?.route ?? null;

  it('hides a trashed article everywhere, answers "gone" for every path it had, and restores it as it was', async () => {
    const word = `quasarix${backend}`;
    const a = await published(`Le ${word} en question`);
    const row = await ds().getRepository(Article).findOneByOrFail({ id: Number(a.id) });
    const renamed = await as('editor', `mutation { updateArticle(id: "${a.id}", version: ${row.version}, input: { slug: "${word}-renomme" }) { slug path } }`);
    const { slug, path } = renamed.data.updateArticle as { slug: string; path: string };
    const oldPath = path.replace(slug, a.slug);
    await as('editor', `mutation { arrangeFrontPage(block: HEADLINE, articleIds: ["${a.id}"]) { id } }`);
    const preview = (await signPreviewToken(Number(a.id))).token;
    expect(await seen(a.id, slug, word)).toEqual({ article: [], articleForEditor: [], latest: true, rubric: true, search: true, homePage: true, reference: true });
    const cursor = await feedCursor();

    const trashed = await as('editor', `mutation { trashArticle(id: "${a.id}") { id status trashedAt } }`);
    expect(errorCodes(trashed)).toEqual([]);
    expect(trashed.data.trashArticle).toMatchObject({ id: a.id, status: 'PUBLISHED', trashedAt: expect.any(String) });
    expect(await seen(a.id, slug, word)).toEqual({ article: ['NOT_FOUND'], articleForEditor: ['NOT_FOUND'], latest: false, rubric: false, search: false, homePage: false, reference: false });
    expect(await route(path)).toEqual({ __typename: 'GoneRoute', path, statusCode: 410 });
    expect(await route(oldPath)).toEqual({ __typename: 'GoneRoute', path: oldPath, statusCode: 410 });
    expect(errorCodes(await as(null, `query($t: String!) { articlePreview(token: $t) { id } }`, { t: preview }))).toEqual(['NOT_FOUND']);
    // Staff still find it, in the trash, and cannot edit or publish it there.
    expect((await as('editor', `{ trashedArticles { id } }`)).data.trashedArticles.map((t: { id: string }) => t.id)).toContain(a.id);
    const edit = await as('editor', `mutation { updateArticle(id: "${a.id}", version: ${row.version + 2}, input: { title: "Non" }) { id } }`);
    expect({ codes: errorCodes(edit), reason: edit.errors?.[0].extensions?.reason }).toEqual({ codes: ['CONFLICT'], reason: 'IN_TRASH' });
    expect(await move(desk, desk.editor, 'unpublishArticle', a.id)).toBe('CONFLICT');
    expect(errorCodes(await as('editor', `mutation { trashArticle(id: "${a.id}") { id } }`))).toEqual(['CONFLICT']);
    expect((await feedSince(cursor)).filter((n) => n.articleId === a.id)).toEqual([{ articleId: a.id, kind: 'TRASHED', deleted: false }]);

    const restored = await as('editor', `mutation { restoreArticle(id: "${a.id}") { status trashedAt } }`);
    expect(restored.data.restoreArticle).toEqual({ status: 'PUBLISHED', trashedAt: null });
    expect(await seen(a.id, slug, word)).toMatchObject({ article: [], latest: true, rubric: true, search: true, reference: true });
    expect(await route(oldPath)).toEqual({ __typename: 'Redirect' });
    expect(await route(path)).toEqual({ __typename: 'Article', id: a.id });
    const audit = await ds().getRepository(EditorialAuditEntry).findBy({ entityType: 'article', entityId: Number(a.id) });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['article.trash', 'article.restore']));
  });

  it('lets journalists trash only their own drafts that were never published', async () => {
    const mine = await draft(desk, desk.journalist, { authorIds: [String(desk.journalistAuthorId)] });
    const theirs = await draft(desk, desk.otherJournalist);
    const live = await published('Un article déjà lu');
    expect(errorCodes(await as('journalist', `mutation { trashArticle(id: "${theirs.id}") { id } }`))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as('journalist', `mutation { trashArticle(id: "${live.id}") { id } }`))).toEqual(['FORBIDDEN']);
    const myDrafts = async () => (await as('journalist', `{ editorialDashboard { myDrafts { items { id } } } }`)).data.editorialDashboard.myDrafts.items.map((i: { id: string }) => i.id);
    expect(await myDrafts()).toContain(mine.id);
    expect(errorCodes(await as('journalist', `mutation { trashArticle(id: "${mine.id}") { id } }`))).toEqual([]);
    expect(await myDrafts()).not.toContain(mine.id);
    // A draft was never public: its path is unknown, not gone.
    expect(errorCodes(await as(null, `{ route(path: "${mine.path}") { __typename } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as('journalist', `mutation { restoreArticle(id: "${mine.id}") { id } }`))).toEqual([]);
  });

  it('purges from the trash only, for admins, and the other subgraphs drop their rows while the feed keeps a tombstone', async () => {
    const a = await published('Un article à effacer');
    const id = Number(a.id);
    await seedComments(desk.fx, id, [{}, {}, { status: 'pending' }]);
    audienceRuntime(desk.fx).buffer.add(id, Date.now(), 7);
    await settleBackgroundWork(desk.fx);
    const views = () => audienceDataSource(desk.fx).query('SELECT COUNT(*) AS n FROM article_view_total WHERE articleId = ?', [id]);
    expect(Number((await views())[0].n)).toBe(1);

    const early = await as('admin', `mutation { purgeArticle(id: "${a.id}") }`);
    expect({ codes: errorCodes(early), reason: early.errors?.[0].extensions?.reason }).toEqual({ codes: ['CONFLICT'], reason: 'NOT_IN_TRASH' });
    await as('editor', `mutation { trashArticle(id: "${a.id}") { id } }`);
    expect(errorCodes(await as('editor', `mutation { purgeArticle(id: "${a.id}") }`))).toEqual(['FORBIDDEN']);
    const cursor = await feedCursor();
    const purged = await as('admin', `mutation { purgeArticle(id: "${a.id}") }`);
    expect(purged.data).toEqual({ purgeArticle: a.id });

    expect(await ds().getRepository(Article).countBy({ id })).toBe(0);
    expect(await ds().getRepository(ArticleRevision).countBy({ articleId: id })).toBe(0);
    expect((await ds().getRepository(EditorialAuditEntry).findBy({ entityType: 'article', entityId: id })).map((e) => e.action)).toContain('article.purge');
    const discussion = desk.fx.app.dataSources.get('discussion')!;
    expect([await discussion.getRepository(Comment).countBy({ articleId: id }), await discussion.getRepository(CommentThread).countBy({ articleId: id })]).toEqual([0, 0]);
    expect(Number((await views())[0].n)).toBe(0);
    expect((await feedSince(cursor)).filter((n) => n.articleId === a.id)).toEqual([{ articleId: a.id, kind: 'DELETED', deleted: true }]);
    expect(errorCodes(await as(null, `{ route(path: "${a.path}") { __typename } }`))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await as('admin', `mutation { restoreArticle(id: "${a.id}") { id } }`))).toEqual(['NOT_FOUND']);
  });
});
