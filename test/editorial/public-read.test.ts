import { Article } from '../../entities/editorial/article.entity';
import { backends } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { approvedArticle, editArticle, publishedArticle, scheduleArticle } from '../support/editorial-desk';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { Role, signInAs, type SignedIn } from '../support/sign-in';

describe.each(backends())('public read API through the gateway (%s)', (backend) => {
  let fx: NewsroomFixture;

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'public_read');
  });
  afterAll(async () => {
    await fx?.stop();
  });

  const ds = () => fx.app.dataSources.get('editorial')!;
  let desk: SignedIn | null = null;
  /** An editor, signed in once for the suite, who writes through the admin API. */
  const editor = async () => (desk ??= await signInAs(fx, [Role.Editor]));

  it('gives the breadcrumb of Etats Unis from Home down', async () => {
    const res = await gql(fx.url, `{ rubric(slug: "monde/ameriques/amerique-du-nord/etats-unis") { name path breadcrumb { name path } parent { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.rubric.breadcrumb.map((b: any) => b.name)).toEqual(['Accueil', 'Monde', 'Amériques', 'Amérique du Nord', 'Etats Unis']);
    expect(res.data.rubric.breadcrumb[4].path).toBe('/monde/ameriques/amerique-du-nord/etats-unis');
    expect(res.data.rubric.parent.name).toBe('Amérique du Nord');
  });

  it('lists under Monde the articles of its descendant rubrics, newest first', async () => {
    const res = await gql(
      fx.url,
      `{ rubric(slug: "monde") { articles(first: 100) { totalCount nodes { id publishedAt rubric { slugPath } secondaryRubrics { slugPath } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.rubric.articles.nodes;
    expect(nodes.length).toBeGreaterThan(5);
    const underMonde = (p: string) => p === 'monde' || p.startsWith('monde/');
    for (const n of nodes) {
      expect([n.rubric, ...n.secondaryRubrics].some((r: any) => underMonde(r.slugPath))).toBe(true);
    }
    const fromDescendants = nodes.filter((n: any) => n.rubric.slugPath !== 'monde');
    expect(fromDescendants.length).toBeGreaterThan(0);
    const times = nodes.map((n: any) => Date.parse(n.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The count agrees with the database: published articles whose primary or secondary rubric is under Monde.
    const rows = await ds().query(
      `SELECT COUNT(DISTINCT a.id) AS n FROM article a
       LEFT JOIN article_secondary_rubric s ON s.articleId = a.id
       JOIN rubric r ON r.id = a.primaryRubricId
       LEFT JOIN rubric r2 ON r2.id = s.rubricId
       WHERE a.status = 'published' AND (r.path = 'monde' OR r.path LIKE 'monde/%' OR r2.path = 'monde' OR r2.path LIKE 'monde/%')`,
    );
    expect(res.data.rubric.articles.totalCount).toBe(Number(rows[0].n));
  });

  it('serves a full article page', async () => {
    const [row] = await ds().getRepository(Article).find({ where: { status: 'published' }, order: { id: 'DESC' }, take: 1 });
    const res = await gql(
      fx.url,
      `query($slug: String!) { article(slug: $slug) {
        id title standfirst kicker path url canonicalUrl
        breadcrumb { name path }
        authors { name slug path }
        tags { name slug }
        heroImage { altText renditions { name url width height } }
        body { __typename ... on ParagraphBlock { text } ... on QuoteBlock { text attribution } ... on ImageBlock { image { id } } }
        readingTime { minutes label words }
        shareLinks { facebook x linkedin email }
        seo { metaTitle metaDescription canonicalUrl }
        related(first: 4) { id }
      } }`,
      { slug: row.slug },
    );
    expect(res.errors).toBeUndefined();
    const a = res.data.article;
    expect(a.id).toBe(String(row.id));
    expect(a.title).toBe(row.title);
    expect(a.breadcrumb[0].name).toBe('Accueil');
    expect(a.path.endsWith(`/${row.slug}`)).toBe(true);
    expect(a.authors.length).toBeGreaterThan(0);
    expect(a.heroImage.renditions.map((r: any) => r.name)).toContain('CARD');
    expect(a.readingTime.label).toBe(`${a.readingTime.minutes} min`);
    expect(a.readingTime.words).toBe(row.wordCount);
    expect(a.shareLinks.facebook).toContain(encodeURIComponent(a.url));
    expect(a.body.some((b: any) => b.__typename === 'QuoteBlock' && b.attribution)).toBe(true);
    expect(a.related.length).toBeGreaterThan(0);
    expect(a.related.map((r: any) => r.id)).not.toContain(a.id);
  });

  it('answers every field of an article and its bylines in a list (read as cards) as on the article itself', async () => {
    // Lists read a card's columns only; a field needing the rest (SEO texts, canonical URL, a
    // byline's biography, avatar and links) reads the whole row. Each must answer the same.
    const fields = `id slug kicker title standfirst language publishedAt updatedAt status version embargoUntil unpublishAt path url
      seo { metaTitle metaDescription canonicalUrl } canonicalUrl readingTime { minutes words } heroImage { id altText credit caption }
      authors { id slug name bio path avatar { id altText } socialLinks { x facebook linkedin instagram website } }`;
    // Values of their own on the newest article and its first byline, so that the comparison
    // covers the columns a card leaves out, not only their fallbacks and nulls.
    const first = await gql(fx.url, '{ articles(first: 1) { nodes { id authors { id } } } }');
    const [articleId, authorId] = [Number(first.data.articles.nodes[0].id), Number(first.data.articles.nodes[0].authors[0].id)];
    const [media] = await ds().query('SELECT id FROM media ORDER BY id LIMIT 1');
    await ds().query('UPDATE article SET metaTitle = ?, metaDescription = ?, canonicalUrl = ? WHERE id = ?', [
      'Titre « SEO » d’essai', 'Description propre à la recherche', 'https://exemple.ma/canonique', articleId,
    ]);
    await ds().query('UPDATE author SET bio = ?, avatarId = ?, socialLinks = ? WHERE id = ?', [
      'Journaliste à l’essai', media.id, JSON.stringify({ x: 'https://x.com/essai' }), authorId,
    ]);
    const list = await gql(fx.url, `{ articles(first: 20) { nodes { ${fields} } } }`);
    expect(list.errors).toBeUndefined();
    const nodes = list.data.articles.nodes;
    expect(nodes.length).toBe(20);
    expect(nodes[0].seo).toEqual({ metaTitle: 'Titre « SEO » d’essai', metaDescription: 'Description propre à la recherche', canonicalUrl: 'https://exemple.ma/canonique' });
    expect(nodes[0].authors[0]).toMatchObject({ bio: 'Journaliste à l’essai', avatar: { id: String(media.id) }, socialLinks: { x: 'https://x.com/essai' } });
    for (const node of nodes) {
      const own = await gql(fx.url, `query ($slug: String!) { article(slug: $slug) { ${fields} } }`, { slug: node.slug });
      expect(own.errors).toBeUndefined();
      expect(node).toEqual(own.data.article);
    }
  });

  it('gives a focal point as it was saved, in lists and on the article', async () => {
    // Lists and articles read their rows as arrays (driver-rows.ts); over MySQL's binary protocol
    // a FLOAT would come widened to a double (0.23 → 0.23000000417232513). The API answers what the editor saved.
    const first = await gql(fx.url, '{ articles(first: 1) { nodes { slug heroImage { id } } } }');
    const node = first.data.articles.nodes[0];
    expect(node.heroImage).not.toBeNull();
    const saved = await gql(
      fx.url,
      'mutation ($id: ID!) { updateMedia(id: $id, input: { focalX: 0.23, focalY: 0.71 }) { focalPoint { x y } } }',
      { id: node.heroImage.id },
      (await editor()).headers,
    );
    expect(saved.errors).toBeUndefined();
    const fields = 'heroImage { focalPoint { x y } rendition(name: CARD) { url } }';
    const list = await gql(fx.url, `{ articles(first: 1) { nodes { ${fields} } } }`);
    const own = await gql(fx.url, `query ($slug: String!) { article(slug: $slug) { ${fields} } }`, { slug: node.slug });
    for (const image of [list.data.articles.nodes[0].heroImage, own.data.article.heroImage]) {
      expect(image.focalPoint).toEqual({ x: 0.23, y: 0.71 });
      expect(image.rendition.url).toContain('fp-x=0.23&fp-y=0.71');
    }
  });

  it('refuses a cursor holding a time past Date’s range with BAD_USER_INPUT, not a 500', async () => {
    const after = Buffer.from(JSON.stringify([1e20, 1])).toString('base64url');
    for (const query of ['query ($a: String) { articles(first: 2, after: $a) { nodes { id } } }', 'query ($a: String) { rubric(slug: "monde") { articles(first: 2, after: $a) { nodes { id } } } }']) {
      const res = await gql(fx.url, query, { a: after });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('keeps an old slug redirecting after a slug change, through route and article(slug:)', async () => {
    const [row] = await ds().getRepository(Article).find({ where: { status: 'published' }, order: { id: 'ASC' }, take: 1 });
    const before = await gql(fx.url, `query($s: String!) { article(slug: $s) { path } }`, { s: row.slug });
    const oldPath = before.data.article.path;
    await editArticle(fx.url, (await editor()).headers, row.id, { slug: `${row.slug}-mise-a-jour` });
    const res = await gql(fx.url, `query($p: String!) { route(path: $p) { __typename ... on Redirect { location statusCode } } }`, { p: oldPath });
    expect(res.data.route).toEqual({ __typename: 'Redirect', location: oldPath.replace(row.slug, `${row.slug}-mise-a-jour`), statusCode: 301 });
    const now = await gql(fx.url, `query($p: String!) { route(path: $p) { __typename ... on Article { id } } }`, { p: res.data.route.location });
    expect(now.data.route).toEqual({ __typename: 'Article', id: String(row.id) });
    const byOld = await gql(fx.url, `query($s: String!) { article(slug: $s) { id slug } }`, { s: row.slug });
    expect(byOld.data.article).toEqual({ id: String(row.id), slug: `${row.slug}-mise-a-jour` });
  });

  it('routes rubric, author and tag paths, and answers NOT_FOUND for unknown ones', async () => {
    const res = await gql(fx.url, `{
      r: route(path: "/maroc/politique") { __typename ... on Rubric { name } }
      t: route(path: "/sujets/elections") { __typename ... on Tag { name } }
    }`);
    expect(res.data.r).toEqual({ __typename: 'Rubric', name: 'Politique' });
    expect(res.data.t).toEqual({ __typename: 'Tag', name: 'Élections' });
    const missing = await gql(fx.url, `{ route(path: "/nulle-part/rien") { __typename } }`);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  });

  it('finds French words whatever the accents, most relevant first', async () => {
    const title = 'Économie : le ministre soupçonné de conflit d’intérêts';
    const created = await publishedArticle(fx.url, (await editor()).headers, {
      slug: 'le-ministre-soupconne-de-conflit-d-interets',
      title,
      standfirst: 'Une enquête « préliminaire » vise la gestion d’un fonds public.',
      body: [{ type: 'paragraph', text: 'Le parquet soupçonne un détournement au profit d’une société de conseil.' }],
      primaryRubricId: 2,
    });
    const res = await gql(fx.url, `{
      a: search(query: "economie ministre soupconne", first: 5) { nodes { id title } }
      b: search(query: "SOUPÇONNÉ", first: 50) { nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a.nodes[0]).toEqual({ id: String(created.id), title });
    expect(res.data.b.nodes.map((n: any) => n.id)).toContain(String(created.id));
  });

  it('paginates search without gaps or duplicates', async () => {
    const all = await gql(fx.url, `{ search(query: "maroc", first: 100) { totalCount nodes { id } } }`);
    const ids: string[] = all.data.search.nodes.map((n: any) => n.id);
    expect(ids.length).toBeGreaterThan(6);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(fx.url, `query($a: String) { search(query: "maroc", first: 4, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { a: after });
      seen.push(...page.data.search.nodes.map((n: any) => n.id));
      after = page.data.search.pageInfo.hasNextPage ? page.data.search.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(ids.slice(0, seen.length));
    expect(seen.length).toBe(Math.min(100, all.data.search.totalCount));
  });

  it('pages through a rubric without gaps or duplicates while articles are published', async () => {
    const query = `query($a: String) { rubric(slug: "maroc") { articles(first: 7, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const before = await gql(fx.url, `{ rubric(slug: "maroc") { articles(first: 100) { nodes { id } } } }`);
    const expected: string[] = before.data.rubric.articles.nodes.map((n: any) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    const editorHeaders = (await editor()).headers;
    let i = 0;
    do {
      const page: any = await gql(fx.url, query, { a: after });
      seen.push(...page.data.rubric.articles.nodes.map((n: any) => n.id));
      after = page.data.rubric.articles.pageInfo.hasNextPage ? page.data.rubric.articles.pageInfo.endCursor : null;
      // A newer article lands at the head of the list between pages: it must not shift what follows.
      await publishedArticle(fx.url, editorHeaders, {
        slug: `breve-pendant-la-pagination-${i++}`,
        title: `Brève publiée pendant la lecture ${i}`,
        body: [{ type: 'paragraph', text: 'Texte court.' }],
        primaryRubricId: 1,
      });
    } while (after && seen.length < expected.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, expected.length)).toEqual(expected);
  });

  it('hides unpublished, draft and future articles as NOT_FOUND and from every list', async () => {
    const hidden = await ds().getRepository(Article).find({ where: [{ status: 'draft' }, { status: 'unpublished' }, { status: 'scheduled' }] });
    expect(hidden.length).toBeGreaterThan(0);
    for (const a of hidden.slice(0, 5)) {
      const res = await gql(fx.url, `query($s: String!) { article(slug: $s) { id } }`, { s: a.slug });
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.data.article).toBeNull();
    }
    const listed = await gql(fx.url, `{ articles(first: 100) { nodes { id } } }`);
    const ids = new Set(listed.data.articles.nodes.map((n: any) => n.id));
    for (const a of hidden) expect(ids.has(String(a.id))).toBe(false);
    const editorHeaders = (await editor()).headers;
    const future = await approvedArticle(fx.url, editorHeaders, { slug: 'article-sous-embargo-horaire', title: 'Annonce prévue demain', primaryRubricId: 1 });
    await scheduleArticle(fx.url, editorHeaders, future.id, new Date(Date.now() + 24 * 3600 * 1000));
    const res = await gql(fx.url, `{ article(slug: "${future.slug}") { id } articles(first: 3) { nodes { id } } }`);
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  it('answers bad input with BAD_USER_INPUT or NOT_FOUND and no stack trace', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [`{ article(slug: "n-existe-pas") { id } }`, {}, 'NOT_FOUND'],
      [`{ rubric(slug: "nulle-part") { id } }`, {}, 'NOT_FOUND'],
      [`{ author(slug: "personne") { id } }`, {}, 'NOT_FOUND'],
      [`{ articles(first: 1000) { nodes { id } } }`, {}, 'BAD_USER_INPUT'],
      [`{ articles(first: -1) { nodes { id } } }`, {}, 'BAD_USER_INPUT'],
      [`{ articles(first: 2, after: "pas-un-curseur") { nodes { id } } }`, {}, 'BAD_USER_INPUT'],
      [`{ articles(first: 2, after: "WzEsMiwzXQ") { nodes { id } } }`, {}, 'BAD_USER_INPUT'],
      [`query($q: String!) { search(query: $q) { nodes { id } } }`, { q: 'é'.repeat(10 * 1024) }, 'BAD_USER_INPUT'],
      [`{ related: article(id: "abc") { id } }`, {}, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, code] of cases) {
      const res = await gql(fx.url, query, variables);
      expect({ query: query.slice(0, 60), codes: errorCodes(res) }).toEqual({ query: query.slice(0, 60), codes: [code] });
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|\bat .+\.ts:\d+/);
    }
  });
});
