import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { MAX_SLUG_LENGTH } from '../../src/editorial/slugify';
import { WORLD_REGION_PATHS, worldRegionOf } from '../../src/seed/world-regions';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';

/** The words of a title as slugify folds them, uncapped. */
function foldedWords(title: string): Set<string> {
  const folded = title.replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return new Set(folded.split(/[^a-z0-9]+/).filter(Boolean));
}

const ms = (value: unknown) => new Date(String(value).replace(' ', 'T') + (String(value).includes('Z') || value instanceof Date ? '' : 'Z')).getTime();

describe('the demo newsroom looks real', () => {
  let app: NewsroomApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', 'demo_realism', subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, seedDemo: true, responseCache: false });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
  });
  afterAll(() => cleanup?.());

  it('cuts long slugs after a whole word of the title', async () => {
    const rows: Array<{ id: number; slug: string; title: string }> = await app.dataSources.get('editorial')!.query('SELECT id, slug, title FROM article');
    const cut = rows.filter((r) => r.slug.length >= MAX_SLUG_LENGTH - 12);
    expect(cut.length).toBeGreaterThan(10);
    for (const { id, slug, title } of rows) {
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      const words = foldedWords(title);
      const last = slug.split('-').pop()!;
      expect({ slug, lastWordOfTitle: words.has(last) || last === String(id) }).toEqual({ slug, lastWordOfTitle: true });
    }
  });

  it('has every comment after its article\'s publication and every reply after the comment it answers', async () => {
    const published = new Map<number, number>(
      (await app.dataSources.get('editorial')!.query("SELECT id, publishedAt FROM article WHERE status = 'published'")).map((r: any) => [
        Number(r.id),
        ms(r.publishedAt),
      ]),
    );
    const comments: Array<{ id: number; articleId: number; inReplyToId: number | null; createdAt: string }> = await app.dataSources
      .get('discussion')!
      .query('SELECT id, articleId, inReplyToId, createdAt FROM comment');
    expect(comments.length).toBeGreaterThan(50);
    const at = new Map(comments.map((c) => [Number(c.id), ms(c.createdAt)]));
    const now = Date.now();
    for (const c of comments) {
      const when = at.get(Number(c.id))!;
      const pub = published.get(Number(c.articleId));
      if (pub !== undefined) expect({ comment: c.id, afterPublication: when >= pub }).toEqual({ comment: c.id, afterPublication: true });
      if (c.inReplyToId !== null) expect({ reply: c.id, afterAnswered: when > at.get(Number(c.inReplyToId))! }).toEqual({ reply: c.id, afterAnswered: true });
      expect(when).toBeLessThanOrEqual(now);
    }
  });

  it('files world stories under the region they are about', async () => {
    const rows: Array<{ title: string; standfirst: string; path: string }> = await app.dataSources
      .get('editorial')!
      .query('SELECT a.title, a.standfirst, r.path FROM article a JOIN rubric r ON r.id = a.primaryRubricId');
    const regionalPaths = new Set(Object.values(WORLD_REGION_PATHS));
    const regional = rows.filter((r) => regionalPaths.has(r.path));
    expect(regional.length).toBeGreaterThan(20);
    for (const row of regional) {
      const region = worldRegionOf(row.title, row.standfirst);
      if (region) expect({ title: row.title, filed: row.path }).toEqual({ title: row.title, filed: WORLD_REGION_PATHS[region] });
    }
    const us = rows.filter((r) => r.path === WORLD_REGION_PATHS['etats-unis']);
    expect(us.length).toBeGreaterThan(0);
    // A US story may name another region (Washington sanctioning someone), never only another one.
    for (const row of us.filter((r) => /Asie|Pékin|Tokyo|Canada|Inde\b|Europe|Afrique/.test(r.title))) {
      expect(row.title).toMatch(/américain|Washington|New York|États-Unis/);
    }
  });

  it('describes each picture in its alt text instead of reusing a headline', async () => {
    const editorial = app.dataSources.get('editorial')!;
    const titles = new Set((await editorial.query('SELECT title FROM article')).map((r: any) => r.title));
    const alts: string[] = (await editorial.query('SELECT altText FROM media')).map((r: any) => r.altText);
    expect(alts.filter((alt) => titles.has(alt))).toEqual([]);
    expect(alts.every((alt) => alt.length > 10 && !/\d{4}\.?$/.test(alt))).toBe(true);
  });

  it('has a week of readers: "En ce moment", "Les plus lus" and view counts are filled', async () => {
    await app.runtime('audience').settle();
    const res = await gql(
      app.url,
      `{ homePage { trending(limit: 5) { title viewCount } }
         day: mostRead(window: DAY, limit: 5) { title viewCount }
         week: mostRead(window: WEEK, limit: 5) { title viewCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.homePage.trending).toHaveLength(5);
    expect(res.data.day).toHaveLength(5);
    expect(res.data.week).toHaveLength(5);
    expect(res.data.homePage.trending.every((a: any) => a.viewCount > 0)).toBe(true);
  });
});
