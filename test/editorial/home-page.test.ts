import { Article } from '../../entities/editorial/article.entity';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { sqlCounter } from '../../src/db/sql-counter';
import { backends } from '../support/backends';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { publishedArticle } from '../support/editorial-desk';
import { settleBackgroundWork } from '../support/settle';
import { Role, signInAs } from '../support/sign-in';

/**
 * SQL budgets, one statement per kind of thing loaded, across the four subgraphs:
 * home page — editorial: rubric tree (read once, then kept by the process until a rubric
 * changes), curated slots, magazine issue, its featured ids, every list (one UNION ALL),
 * articles with their images, bylines with their authors (7); audience: trending, view counts
 * (2); discussion: comment counts (1); and the trending cards the page did not already hold,
 * resolved by editorial in one more batch: articles with images, authors (2).
 */
const HOME_PAGE_BUDGET = 12;
/**
 * article page — editorial: the article with its body and lead image (one statement), tags
 * (with their join rows), bylines with their authors, related lists, related cards with their
 * images, their bylines; discussion: comment counts; audience: view counts. (The lead image was
 * a statement of its own: 9.)
 */
const ARTICLE_PAGE_BUDGET = 8;
/** rubric page — editorial: rubric tree (once), list page, count, articles with images, authors; comment and view counts. */
const RUBRIC_PAGE_BUDGET = 7;

const CARD = `id title slug kicker standfirst publishedAt path readingTime { label }
  heroImage { rendition(name: CARD) { url width height } }
  authors { name path }
  rubric { name breadcrumb { name path } }
  commentCount viewCount`;

const HOME = `query Home($k: Int!) { homePage(articlesPerBlock: $k) {
  headline { lead { ${CARD} } secondary { ${CARD} } }
  selection { ${CARD} }
  rubricBlocks { rubric { name path } articles { ${CARD} } }
  magazineIssue { number title cover { rendition(name: SQUARE) { url } } featuredArticles { id title } }
  trending(limit: 5) { ${CARD} }
} }`;

describe.each(backends())('home page (%s)', (backend) => {
  let fx: NewsroomFixture;
  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'home_page', 400);
    // Readers read older stories too, so "En ce moment" holds articles the rest of the page does not.
    const old = await fx.app.dataSources.get('editorial')!.getRepository(Article).find({ where: { status: 'published' }, order: { id: 'ASC' }, take: 5 });
    const views = old.flatMap((a, i) => Array.from({ length: 10 - i }, () => ({ articleId: String(a.id) })));
    const res = await gql(fx.url, `mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { __typename } }`, { v: views }, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' });
    expect(res.errors).toBeUndefined();
    await settleBackgroundWork(fx);
  });
  afterAll(async () => {
    await fx?.stop();
  });
  const ds = () => fx.app.dataSources.get('editorial')!;
  const measure = (query: string, variables: Record<string, unknown>) => sqlCounter.measure(() => gql(fx.url, query, variables));

  it('serves every block, curated first, each article once, rubrics in menu order', async () => {
    const { result: res } = await measure(HOME, { k: 4 });
    expect(res.errors).toBeUndefined();
    const home = res.data.homePage;
    const slots = await ds().query(
      `SELECT s.articleId AS id, a.block AS block FROM front_page_slot s JOIN front_page_arrangement a ON a.id = s.arrangementId ORDER BY a.block, s.position`,
    );
    const curatedHeadline = slots.filter((s: any) => s.block === 'headline').map((s: any) => String(s.id));
    expect(home.headline.lead.id).toBe(curatedHeadline[0]);
    expect(home.headline.secondary.map((a: any) => a.id).slice(0, curatedHeadline.length - 1)).toEqual(curatedHeadline.slice(1));
    expect(home.headline.secondary).toHaveLength(4);
    expect(home.selection).toHaveLength(6);
    const roots = await ds().getRepository(Rubric).find({ where: { depth: 0 }, order: { position: 'ASC' } });
    expect(home.rubricBlocks.map((b: any) => b.rubric.name)).toEqual(roots.map((r) => r.name));
    const all = [home.headline.lead, ...home.headline.secondary, ...home.selection, ...home.rubricBlocks.flatMap((b: any) => b.articles)];
    expect(new Set(all.map((a: any) => a.id)).size).toBe(all.length);
    for (const block of home.rubricBlocks) {
      for (const a of block.articles) expect(a.path.startsWith(`${block.rubric.path}/`) || a.rubric.breadcrumb.length > 0).toBe(true);
      const times = block.articles.map((a: any) => Date.parse(a.publishedAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);
    }
    expect(home.magazineIssue.featuredArticles.length).toBeGreaterThan(0);
    expect(home.headline.lead.readingTime.label).toMatch(/^\d+ min$/);
  });

  it('replaces a listed article that is no longer visible by the next candidate', async () => {
    // The page reads only the articles its layout shows; one hidden behind the listing's back
    // (trashed directly in the table) must give its place to the next one, as if every
    // candidate had been read.
    const before = (await gql(fx.url, HOME, { k: 4 })).data.homePage;
    const block = before.rubricBlocks.find((b: any) => b.articles.length === 4);
    const hidden = block.articles[1].id;
    await ds().query(`UPDATE article SET trashedAt = publishedAt WHERE id = ?`, [Number(hidden)]);
    try {
      const res = await gql(fx.url, HOME, { k: 4 });
      expect(res.errors).toBeUndefined();
      const after = res.data.homePage.rubricBlocks.find((b: any) => b.rubric.path === block.rubric.path);
      const ids = after.articles.map((a: any) => a.id);
      expect(ids).not.toContain(hidden);
      expect(ids).toHaveLength(4);
      expect(ids.slice(0, 3)).toEqual(block.articles.filter((a: any) => a.id !== hidden).map((a: any) => a.id));
    } finally {
      await ds().query(`UPDATE article SET trashedAt = NULL WHERE id = ?`, [Number(hidden)]);
    }
  });

  it(`costs at most ${HOME_PAGE_BUDGET} statements, whatever the block size or the number of blocks`, async () => {
    const small = await measure(HOME, { k: 4 });
    if (process.env.SHOW_SQL) console.log(small.statements.map((s) => s.slice(0, 160)).join("\n"));
    const large = await measure(HOME, { k: 8 });
    expect(small.result.errors).toBeUndefined();
    expect(small.count).toBeLessThanOrEqual(HOME_PAGE_BUDGET);
    expect(small.result.data.homePage.trending).toHaveLength(5);
    expect(large.count).toBe(small.count);
    // Double the number of top-level rubrics, each with articles of its own.
    // Through the admin API: the rubric tree the process keeps between requests hears of them.
    const desk = (await signInAs(fx, [Role.Editor, Role.Admin])).headers;
    const roots = await ds().getRepository(Rubric).count({ where: { depth: 0 } });
    for (let i = 0; i < roots; i++) {
      const created = await gql(fx.url, `mutation($n: String!, $s: String!, $p: Int!) { createRubric(input: { name: $n, slug: $s }, position: $p) { id } }`, { n: `Nouvelle ${i}`, s: `nouvelle-${i}`, p: 100 + i }, desk);
      expect(created.errors).toBeUndefined();
      const rubricId = Number(created.data.createRubric.id);
      for (let j = 0; j < 3; j++) {
        await publishedArticle(fx.url, desk, { slug: `nouvelle-${i}-${j}`, title: `Nouvelle rubrique ${i}, article ${j}`, primaryRubricId: rubricId, heroImageId: 1, authorIds: [1, 2] });
      }
    }
    await settleBackgroundWork(fx);
    const doubled = await measure(HOME, { k: 8 });
    if (process.env.SHOW_SQL) console.log(doubled.statements.map((s) => s.slice(0, 160)).join("\n"));
    const page = doubled.result.data.homePage;
    expect(page.rubricBlocks).toHaveLength(roots * 2);
    // Every new article is on the page: in its rubric's block, or promoted to the top blocks as the newest.
    const onPage = new Set([page.headline.lead, ...page.headline.secondary, ...page.selection, ...page.rubricBlocks.flatMap((b: any) => b.articles)].map((a: any) => a.slug));
    for (let i = 0; i < roots; i++) for (let j = 0; j < 3; j++) expect(onPage.has(`nouvelle-${i}-${j}`)).toBe(true);
    expect(doubled.count).toBe(small.count);
  });

  it('reads the magazine’s featured articles only when they are asked for, the page the same either way', async () => {
    const withFeatured = await measure(HOME, { k: 4 });
    const without = await measure(HOME.replace(' featuredArticles { id title }', ''), { k: 4 });
    expect(without.result.errors).toBeUndefined();
    expect(withFeatured.statements.some((s) => s.includes('magazine_issue_article'))).toBe(true);
    expect(without.statements.some((s) => s.includes('magazine_issue_article'))).toBe(false);
    expect(without.count).toBe(withFeatured.count - 1);
    const { featuredArticles, ...issue } = withFeatured.result.data.homePage.magazineIssue;
    expect(featuredArticles.length).toBeGreaterThan(0);
    expect({ ...without.result.data.homePage, magazineIssue: issue }).toEqual({ ...withFeatured.result.data.homePage, magazineIssue: issue });
  });

  it(`serves an article page in at most ${ARTICLE_PAGE_BUDGET} statements`, async () => {
    const [row] = await ds().getRepository(Article).find({ where: { status: 'published' }, order: { id: 'DESC' }, take: 1 });
    const { result, count, statements } = await measure(
      `query($s: String!) { article(slug: $s) { ${CARD} body { __typename ... on ParagraphBlock { text } ... on ImageBlock { image { rendition(name: HERO) { url } } } }
        tags { name path } breadcrumb { name path } shareLinks { x } seo { canonicalUrl } related(first: 4) { ${CARD} } } }`,
      { s: row.slug },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.article.related.length).toBeGreaterThan(0);
    if (process.env.SHOW_SQL) console.log(`article page: ${count} statements\n${statements.map((s) => s.slice(0, 160)).join('\n')}`);
    expect(count).toBeLessThanOrEqual(ARTICLE_PAGE_BUDGET);
  });

  it(`serves a rubric page in at most ${RUBRIC_PAGE_BUDGET} statements, whatever the page size`, async () => {
    const q = `query($n: Int!) { rubric(slug: "monde") { name breadcrumb { name } children { name path } articles(first: $n) { totalCount edges { cursor node { ${CARD} } } pageInfo { hasNextPage endCursor } } } }`;
    const ten = await measure(q, { n: 10 });
    const forty = await measure(q, { n: 40 });
    expect(ten.result.errors).toBeUndefined();
    expect(forty.result.data.rubric.articles.edges).toHaveLength(40);
    expect(ten.count).toBeLessThanOrEqual(RUBRIC_PAGE_BUDGET);
    expect(forty.count).toBe(ten.count);
  });
});
