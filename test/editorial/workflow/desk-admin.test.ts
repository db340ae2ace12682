import { Article } from '../../../entities/editorial/article.entity';
import { ArticleRevision } from '../../../entities/editorial/article-revision.entity';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import { Rubric } from '../../../entities/editorial/rubric.entity';
import { backends } from '../../support/backends';
import { errorCodes, gql } from '../../support/graphql-client';
import { draft, move, startDesk, type Desk } from './workflow-fixture';

describe.each(backends())('the desk: URLs, rubrics, curation, validation (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'desk_admin');
  });
  afterAll(() => desk?.fx.stop());

  const ds = () => desk.fx.app.dataSources.get('editorial')!;
  const as = (who: keyof Desk, query: string, variables: Record<string, unknown> = {}) => gql(desk.fx.url, query, variables, (desk[who] as { headers: Record<string, string> }).headers);
  const published = async (input: Record<string, unknown> = {}) => {
    const a = await draft(desk, desk.editor, input);
    await move(desk, desk.editor, 'submitArticle', a.id);
    await move(desk, desk.editor, 'approveArticle', a.id);
    await move(desk, desk.editor, 'publishArticle', a.id);
    return (await gql(desk.fx.url, `{ article(id: "${a.id}") { id slug path version } }`)).data.article as { id: string; slug: string; path: string; version: number };
  };
  const route = async (path: string) => (await gql(desk.fx.url, `query($p: String!) { route(path: $p) { __typename ... on Redirect { location } ... on Article { id } ... on Rubric { slugPath } } }`, { p: path })).data?.route;

  it('keeps old URLs redirecting after a slug change and a move to another rubric', async () => {
    const a = await published();
    const first = a.path;
    await as('editor', `mutation { updateArticle(id: "${a.id}", version: ${a.version}, input: { slug: "nouvelle-adresse-${a.id}" }) { version } }`);
    const second = (await gql(desk.fx.url, `{ article(id: "${a.id}") { path version } }`)).data.article;
    expect(await route(first)).toEqual({ __typename: 'Redirect', location: second.path });
    await as('editor', `mutation { updateArticle(id: "${a.id}", version: ${second.version}, input: { primaryRubricId: "9" }) { version } }`);
    const third = (await gql(desk.fx.url, `{ article(id: "${a.id}") { path rubric { id } } }`)).data.article;
    expect(third.rubric.id).toBe('9');
    expect(await route(first)).toEqual({ __typename: 'Redirect', location: third.path });
    expect(await route(second.path)).toEqual({ __typename: 'Redirect', location: third.path });
    expect(await route(third.path)).toEqual({ __typename: 'Article', id: a.id });
  });

  it('moves a subtree: breadcrumbs, lists and old paths follow', async () => {
    const rubrics = ds().getRepository(Rubric);
    const nord = await rubrics.findOneByOrFail({ path: 'monde/ameriques/amerique-du-nord' });
    const monde = await rubrics.findOneByOrFail({ path: 'monde' });
    const a = await published({ primaryRubricId: String((await rubrics.findOneByOrFail({ path: 'monde/ameriques/amerique-du-nord/etats-unis' })).id) });
    const moved = await as('admin', `mutation { moveRubric(id: "${nord.id}", parentId: "${monde.id}", position: 0) { slugPath depth } }`);
    expect(moved.data.moveRubric).toEqual({ slugPath: 'monde/amerique-du-nord', depth: 1 });
    const page = await gql(desk.fx.url, `{ rubric(slug: "monde/amerique-du-nord/etats-unis") { breadcrumb { name } }
      monde: rubric(slug: "monde") { children { name } articles(first: 100) { nodes { id } } }
      ameriques: rubric(slug: "monde/ameriques") { articles(first: 100) { nodes { id } } } }`);
    expect(page.data.rubric.breadcrumb.map((b: any) => b.name)).toEqual(['Accueil', 'Monde', 'Amérique du Nord', 'Etats Unis']);
    expect(page.data.monde.children[0].name).toBe('Amérique du Nord');
    expect(page.data.monde.articles.nodes.map((n: any) => n.id)).toContain(a.id);
    expect(page.data.ameriques.articles.nodes.map((n: any) => n.id)).not.toContain(a.id);
    expect(await route('/monde/ameriques/amerique-du-nord/etats-unis')).toEqual({ __typename: 'Redirect', location: '/monde/amerique-du-nord/etats-unis' });
    expect(await route(`/monde/ameriques/amerique-du-nord/etats-unis/${a.slug}`)).toEqual({ __typename: 'Redirect', location: `/monde/amerique-du-nord/etats-unis/${a.slug}` });
    // A rubric cannot move under its own descendant; editors cannot move rubrics at all.
    const loop = await as('admin', `mutation { moveRubric(id: "${monde.id}", parentId: "${nord.id}") { id } }`);
    expect(errorCodes(loop)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await as('editor', `mutation { moveRubric(id: "${nord.id}", parentId: null) { id } }`))).toEqual(['FORBIDDEN']);
  });

  it('refuses bad articles field by field and writes nothing', async () => {
    const taken = await published();
    const count = async () => Promise.all([ds().getRepository(Article).count(), ds().getRepository(ArticleRevision).count(), ds().getRepository(EditorialAuditEntry).count()]);
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'title'],
      [{ primaryRubricId: '999999' }, 'primaryRubricId'],
      [{ slug: taken.slug }, 'slug'],
      [{ body: [{ type: 'paragraph', text: 'ok' }, { type: 'hologram', text: 'non' }] }, 'body[1]'],
      [{ embargoUntil: '3000-01-01T00:00:00.000Z' }, 'embargoUntil'],
      [{ embargoUntil: '1900-01-01T00:00:00.000Z' }, 'embargoUntil'],
      [{ authorIds: ['424242'] }, 'authorIds'],
      [{ body: [{ type: 'embed', provider: 'x', url: 'javascript:alert(1)' }] }, 'body[0]'],
    ];
    for (const [input, field] of cases) {
      const res = await as('editor', `mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`, {
        input: { title: 'Titre valable', primaryRubricId: '2', ...input },
      });
      expect({ field, code: errorCodes(res) }).toEqual({ field, code: ['BAD_USER_INPUT'] });
      expect(res.errors![0].extensions!.fields.map((f: any) => f.field)).toContain(field);
    }
    const huge = await as('editor', `mutation($input: ArticleInput!) { createArticle(input: $input) { id } }`, { input: { title: 'x'.repeat(10_000), primaryRubricId: '2' } });
    expect(errorCodes(huge)).toEqual(['BAD_USER_INPUT']);
    // Updates too: a bad field leaves the article as it was.
    const bad = await as('editor', `mutation { updateArticle(id: "${taken.id}", version: ${taken.version}, input: { title: "Nouveau", primaryRubricId: "999999" }) { id } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect((await ds().getRepository(Article).findOneByOrFail({ id: Number(taken.id) })).version).toBe(taken.version);
    expect(await count()).toEqual(before);
  });

  it('curates the front page now and for later, previews it, and falls back to the latest for empty slots', async () => {
    const [x, y, z] = [await published(), await published(), await published()];
    const now = await as('editor', `mutation { arrangeFrontPage(block: HEADLINE, articleIds: ["${y.id}"]) { id articleIds } }`);
    expect(now.data.arrangeFrontPage.articleIds).toEqual([y.id]);
    const later = new Date(Date.now() + 6 * 3600_000).toISOString();
    await as('editor', `mutation($at: DateTimeISO) { arrangeFrontPage(block: HEADLINE, articleIds: ["${z.id}", "${x.id}"], activeFrom: $at) { id } }`, { at: later });
    const home = await gql(desk.fx.url, `{ homePage { headline { lead { id } secondary { id } } } }`);
    expect(home.data.homePage.headline.lead.id).toBe(y.id);
    // Empty slots: the newest published fill them (z was published last).
    expect(home.data.homePage.headline.secondary[0].id).toBe(z.id);
    const preview = await as('editor', `query($at: DateTimeISO!) { homePagePreview(at: $at) { headline { lead { id } secondary { id } } } }`, { at: later });
    expect(preview.data.homePagePreview.headline.lead.id).toBe(z.id);
    expect(preview.data.homePagePreview.headline.secondary[0].id).toBe(x.id);
    expect(errorCodes(await as('journalist', `mutation { arrangeFrontPage(block: SELECTION, articleIds: []) { id } }`))).toEqual(['FORBIDDEN']);
    const unknown = await as('editor', `mutation { arrangeFrontPage(block: SELECTION, articleIds: ["999999"]) { id } }`);
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
  });

  it('records every editorial change in an audit log only admins read', async () => {
    const a = await published();
    const log = await as('admin', `{ editorialAuditLog(first: 10, entityType: "article", entityId: "${a.id}") { nodes { action userId before after createdAt } } }`);
    expect(log.data.editorialAuditLog.nodes.map((n: any) => n.action)).toEqual(['article.publish', 'article.approve', 'article.submit', 'article.create']);
    expect(log.data.editorialAuditLog.nodes[0]).toMatchObject({ userId: String(desk.editor.id), before: { status: 'approved' }, after: { status: 'published' } });
    expect(errorCodes(await as('editor', `{ editorialAuditLog(first: 1) { nodes { id } } }`))).toEqual(['FORBIDDEN']);
  });

  it('gives journalists their own dashboard and editors the whole desk', async () => {
    const mine = await draft(desk, desk.journalist, { title: 'Mon brouillon à moi' });
    const theirs = await draft(desk, desk.otherJournalist, { title: 'Le brouillon d’un collègue' });
    const q = `{ editorialDashboard { myDrafts { totalCount items { id } } inReview { totalCount } recentlyPublished { totalCount items { id } } } }`;
    const j = (await as('journalist', q)).data.editorialDashboard;
    expect(j.myDrafts.items.map((i: any) => i.id)).toContain(mine.id);
    expect(j.myDrafts.items.map((i: any) => i.id)).not.toContain(theirs.id);
    const e = (await as('editor', q)).data.editorialDashboard;
    expect(e.recentlyPublished.totalCount).toBeGreaterThan(j.recentlyPublished.totalCount);
  });

  it('manages authors and tags, linking a byline to an account', async () => {
    const author = await as('editor', `mutation { createAuthor(input: { name: "Salma Benkirane", bio: "Cheffe du service Économie.", userId: "${desk.reader.id}" }) { id slug name } }`);
    expect(author.data.createAuthor).toMatchObject({ slug: 'salma-benkirane', name: 'Salma Benkirane' });
    const dup = await as('editor', `mutation { createAuthor(input: { name: "Autre", slug: "salma-benkirane" }) { id } }`);
    expect(errorCodes(dup)).toEqual(['BAD_USER_INPUT']);
    const tag = await as('editor', `mutation { createTag(input: { name: "Céréales & sécheresse" }) { slug path } }`);
    expect(tag.data.createTag).toEqual({ slug: 'cereales-secheresse', path: '/sujets/cereales-secheresse' });
    expect(errorCodes(await as('journalist', `mutation { createTag(input: { name: "Non" }) { id } }`))).toEqual(['FORBIDDEN']);
  });
});
