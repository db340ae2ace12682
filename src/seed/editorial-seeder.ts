import type { DataSource, EntityManager } from 'typeorm';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { sqlDate, valuesPlaceholders } from '../db/sql-values';
import type { ArticleStatus } from '../editorial/article-status';
import { bodyText, type BodyBlock } from '../editorial/body-blocks';
import { listingRows } from '../editorial/listing.repository';
import { countWords } from '../editorial/reading-time';
import { RubricTree } from '../editorial/rubric-tree';
import { cutAtWord, slugify } from '../editorial/slugify';
import { createArticleSearch } from '../search/create-article-search';
import type { SearchDocument } from '../search/article-search';
import {
  makeAuthorBio,
  makeBody,
  makeImageDescription,
  makeKicker,
  makePersonName,
  makeStandfirst,
  makeTitle,
  TAG_NAMES,
  topicForRubricSlug,
} from './french-text';
import { NEWSROOM_RUBRICS, type RubricSpec } from './newsroom-rubrics';
import { ProgressBar } from './progress-bar';
import { Random } from './random';
import { WORLD_REGION_PATHS, worldRegionOf } from './world-regions';

export type EditorialSeedOptions = {
  /** Same seed, same newsroom. */
  seed?: number;
  articles?: number;
  /** Paragraphs per article body: ~8 for the demo, 1 for benchmark-sized data. */
  paragraphs?: number;
  /** Publication times are spread over the days before this instant. */
  now?: Date;
  progress?: boolean;
  batchSize?: number;
};

type Db = DataSource | EntityManager;

const STATUS_MIX: Array<[ArticleStatus, number]> = [
  ['published', 0.94],
  ['draft', 0.02],
  ['in_review', 0.01],
  ['approved', 0.01],
  ['scheduled', 0.01],
  ['unpublished', 0.01],
];

/**
 * When the demo seeder publishes article `id` of `total`: from `from` to an hour later, never
 * later than a minute before `now`. Ids follow publication order over the last 30 days (longer
 * for big seeds). The discussion and audience seeders use it so that no comment or page view
 * predates its article.
 */
export function demoPublicationWindow(id: number, total: number, now: Date): { from: Date; to: Date } {
  const spanMs = Math.max(30, Math.ceil(total / 40)) * 24 * 3600 * 1000;
  const from = now.getTime() - spanMs + (spanMs * id) / (total + 1);
  const latest = now.getTime() - 60_000;
  return { from: new Date(Math.min(from, latest)), to: new Date(Math.min(from + 3600 * 1000, latest)) };
}

async function insertRows(db: Db, table: string, columns: string[], rows: unknown[][], chunk = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesPlaceholders(part.length, columns.length)}`, part.flat());
  }
}

async function seedRubrics(db: Db): Promise<RubricTree> {
  const repo = db.getRepository(Rubric);
  const walk = async (specs: RubricSpec[], parent: Rubric | null) => {
    let position = 0;
    for (const spec of specs) {
      const slug = slugify(spec.name);
      const row = repo.create({
        slug,
        name: spec.name,
        description: spec.description ?? null,
        parentId: parent?.id ?? null,
        path: parent ? `${parent.path}/${slug}` : slug,
        treePath: '/',
        depth: parent ? parent.depth + 1 : 0,
        position: position++,
        archivedAt: null,
      });
      const saved = await repo.save(row);
      saved.treePath = `${parent?.treePath ?? '/'}${saved.id}/`;
      await repo.update(saved.id, { treePath: saved.treePath });
      await walk(spec.children ?? [], saved);
    }
  };
  await walk(NEWSROOM_RUBRICS, null);
  return new RubricTree(await repo.find());
}

/**
 * Builds the model newsroom: rubric tree, media library, authors, tags, magazine issues and
 * articles in French, deterministic from the seed. Articles go in with multi-row INSERTs, one
 * transaction per batch, together with their bylines, tags, listing rows and search entries,
 * so the same code fills a demo (hundreds) or a benchmark (a million).
 */
export async function seedEditorial(ds: DataSource, options: EditorialSeedOptions = {}): Promise<{ articles: number }> {
  const rng = new Random(options.seed ?? 42);
  const total = options.articles ?? 600;
  const paragraphs = options.paragraphs ?? 8;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 500;
  const search = createArticleSearch(ds);

  const tree = await ds.transaction((m) => seedRubrics(m));
  const rubrics = tree.all();

  // Media library: a picture per few articles, capped.
  const mediaCount = Math.min(2000, Math.max(60, Math.ceil(total / 10)));
  const mediaRng = rng.fork(1);
  const mediaRows: unknown[][] = [];
  /** Media ids by the topic of their picture, so an article's hero image shows its subject. */
  const mediaByTopic = new Map<string, number[]>();
  for (let i = 1; i <= mediaCount; i++) {
    const topic = topicForRubricSlug(mediaRng.pick(rubrics).slug);
    const picture = makeImageDescription(mediaRng, topic);
    const name = makePersonName(mediaRng);
    const ofTopic = mediaByTopic.get(topic);
    if (ofTopic) ofTopic.push(i);
    else mediaByTopic.set(topic, [i]);
    const fileSlug = slugify(picture.altText);
    mediaRows.push([
      i,
      `2026/${String((i % 12) + 1).padStart(2, '0')}/${cutAtWord(fileSlug, 60)}-${i}.jpg`,
      'image/jpeg',
      picture.altText,
      `${name.firstName} ${name.lastName} / Newsroom`,
      mediaRng.chance(0.6) ? picture.caption : null,
      mediaRng.pick([2400, 3000, 4000]),
      mediaRng.pick([1350, 1600, 2000, 2250]),
      Math.round(mediaRng.next() * 100) / 100,
      Math.round((0.25 + mediaRng.next() * 0.4) * 100) / 100,
    ]);
  }
  await ds.transaction((m) =>
    insertRows(m, 'media', ['id', 'storageKey', 'mimeType', 'altText', 'credit', 'caption', 'width', 'height', 'focalX', 'focalY'], mediaRows),
  );

  // Authors.
  const authorRng = rng.fork(2);
  const authorRows: unknown[][] = [];
  const authorSlugs = new Set<string>();
  for (let i = 1; i <= 40; i++) {
    const { firstName, lastName } = makePersonName(authorRng);
    const name = `${firstName} ${lastName}`;
    let slug = slugify(name);
    while (authorSlugs.has(slug)) slug = `${slugify(name)}-${authorSlugs.size}`;
    authorSlugs.add(slug);
    const handle = slug.replace(/-/g, '');
    authorRows.push([
      i,
      slug,
      name,
      makeAuthorBio(authorRng, name),
      authorRng.int(1, mediaCount),
      JSON.stringify({ x: `https://x.com/${handle}`, linkedin: `https://www.linkedin.com/in/${slug}` }),
    ]);
  }
  await ds.transaction((m) => insertRows(m, 'author', ['id', 'slug', 'name', 'bio', 'avatarId', 'socialLinks'], authorRows));

  // Tags.
  await ds.transaction((m) =>
    insertRows(m, 'tag', ['id', 'slug', 'name'], TAG_NAMES.map((name, i) => [i + 1, slugify(name), name])),
  );

  // Articles, newest last: id order follows publication order.
  const slugs = new Set<string>();
  const progress = new ProgressBar('articles', total, options.progress);
  const articleRng = rng.fork(3);
  const rubricWeights = rubrics.map((r) => (r.depth === 0 ? 1 : 3));
  const weightTotal = rubricWeights.reduce((a, b) => a + b, 0);
  const pickRubric = () => {
    let x = articleRng.next() * weightTotal;
    for (let i = 0; i < rubrics.length; i++) {
      x -= rubricWeights[i];
      if (x <= 0) return rubrics[i];
    }
    return rubrics[rubrics.length - 1];
  };
  const pickStatus = (): ArticleStatus => {
    let x = articleRng.next();
    for (const [status, p] of STATUS_MIX) {
      x -= p;
      if (x <= 0) return status;
    }
    return 'published';
  };

  for (let start = 1; start <= total; start += batchSize) {
    const end = Math.min(total, start + batchSize - 1);
    const articles: unknown[][] = [];
    const bylines: unknown[][] = [];
    const tags: unknown[][] = [];
    const secondary: unknown[][] = [];
    const listings: unknown[][] = [];
    const docs: SearchDocument[] = [];
    const bodies: unknown[][] = [];
    for (let id = start; id <= end; id++) {
      let rubric = pickRubric();
      const topic = topicForRubricSlug(rubric.slug);
      const title = makeTitle(articleRng, topic);
      let slug = slugify(title) || `article-${id}`;
      // A repeated headline: the id makes it unique, after the last whole word that leaves room for it.
      if (slugs.has(slug)) slug = `${cutAtWord(slug, 70)}-${id}`;
      slugs.add(slug);
      const status = pickStatus();
      const jitter = articleRng.int(0, 3600 * 1000);
      const window = demoPublicationWindow(id, total, now);
      let publishedAt: Date | null = new Date(Math.min(window.to.getTime(), window.from.getTime() + jitter));
      if (status === 'scheduled') publishedAt = new Date(now.getTime() + articleRng.int(1, 72) * 3600 * 1000);
      if (status === 'draft' || status === 'in_review' || status === 'approved') publishedAt = null;
      // One draw as before; it picks among the pictures of the article's topic when there are some.
      const drawn = articleRng.int(1, mediaCount);
      const fitting = mediaByTopic.get(topic);
      const imageIds = [fitting?.length ? fitting[(drawn - 1) % fitting.length] : drawn];
      const body: BodyBlock[] = makeBody(articleRng, topic, { paragraphs, imageIds: paragraphs > 1 ? imageIds : [] });
      const standfirst = makeStandfirst(articleRng, topic);
      if (topic === 'monde' && rubric.depth > 0) {
        // A world story goes under the region it names (no draw: every other article stays the same).
        const region = worldRegionOf(title, standfirst);
        rubric = (region && tree.findByPath(WORLD_REGION_PATHS[region])) || rubric;
      }
      const text = bodyText(body);
      const created = new Date((publishedAt ?? now).getTime() - articleRng.int(1, 48) * 3600 * 1000);
      articles.push([
        id,
        slug,
        makeKicker(articleRng, topic),
        title,
        standfirst,
        status,
        'fr',
        rubric.id,
        imageIds[0],
        countWords(text),
        publishedAt ? sqlDate(ds, publishedAt) : null,
        sqlDate(ds, created),
        sqlDate(ds, publishedAt && publishedAt < now ? publishedAt : created),
      ]);
      const authorIds = articleRng.pickSome(
        Array.from({ length: authorRows.length }, (_, i) => i + 1),
        articleRng.chance(0.8) ? 1 : articleRng.chance(0.9) ? 2 : 3,
      );
      authorIds.forEach((authorId, position) => bylines.push([id, authorId, position]));
      const tagIds = articleRng.pickSome(
        Array.from({ length: TAG_NAMES.length }, (_, i) => i + 1),
        articleRng.int(1, 4),
      );
      for (const tagId of tagIds) tags.push([id, tagId]);
      const secondaryIds: number[] = [];
      if (articleRng.chance(0.1)) {
        const other = pickRubric();
        if (other.id !== rubric.id) {
          secondaryIds.push(other.id);
          secondary.push([id, other.id]);
        }
      }
      if (status === 'published' && publishedAt) {
        listings.push(
          ...listingRows(ds, { id, publishedAt, primaryRubricId: rubric.id, secondaryRubricIds: secondaryIds, tagIds, authorIds }, tree),
        );
      }
      bodies.push([id, JSON.stringify(body)]);
      docs.push({ articleId: id, title, standfirst, body: text });
    }
    await ds.transaction(async (m) => {
      await insertRows(
        m,
        'article',
        ['id', 'slug', 'kicker', 'title', 'standfirst', 'status', 'language', 'primaryRubricId', 'heroImageId', 'wordCount', 'publishedAt', 'createdAt', 'updatedAt'],
        articles,
        200,
      );
      await insertRows(m, 'article_body', ['articleId', 'body'], bodies, 200);
      await insertRows(m, 'article_byline', ['articleId', 'authorId', 'position'], bylines);
      await insertRows(m, 'article_tag', ['articleId', 'tagId'], tags);
      if (secondary.length) await insertRows(m, 'article_secondary_rubric', ['articleId', 'rubricId'], secondary);
      await insertRows(m, 'article_listing', ['kind', 'refId', 'publishedAt', 'articleId'], listings, 500);
      await search.index(m, docs);
    });
    progress.update(end);
  }

  // Magazine issues: one a month, the newest already on sale, each with four featured articles.
  const issueRng = rng.fork(4);
  const issues: unknown[][] = [];
  const featured: unknown[][] = [];
  for (let n = 1; n <= 12; n++) {
    const onSale = new Date(now.getTime() - (12 - n) * 30 * 24 * 3600 * 1000 - 24 * 3600 * 1000);
    issues.push([n, 300 + n, `${makeTitle(issueRng, 'economie')}`, issueRng.int(1, mediaCount), onSale.toISOString().slice(0, 10)]);
    const ids = issueRng.pickSome(
      Array.from({ length: Math.min(total, 200) }, (_, i) => total - i),
      Math.min(4, total),
    );
    ids.forEach((articleId, position) => featured.push([n, articleId, position]));
  }
  await ds.transaction(async (m) => {
    await insertRows(m, 'magazine_issue', ['id', 'number', 'title', 'coverId', 'onSaleDate'], issues);
    await insertRows(m, 'magazine_issue_article', ['issueId', 'articleId', 'position'], featured);
  });
  // The front page: editors picked the headline and their selection among recent stories.
  const frontRng = rng.fork(5);
  const [recent, [{ maxId }]] = await Promise.all([
    ds.query(`SELECT articleId FROM article_listing WHERE kind = 0 ORDER BY publishedAt DESC, articleId DESC LIMIT 40`),
    ds.query('SELECT MAX(id) AS maxId FROM front_page_arrangement'),
  ]);
  const recentIds: number[] = recent.map((r: { articleId: number }) => Number(r.articleId));
  const picks = frontRng.pickSome(recentIds, Math.min(recentIds.length, 9));
  const firstArrangement = Number(maxId ?? 0) + 1;
  await ds.transaction(async (m) => {
    const activeFrom = sqlDate(m, new Date(now.getTime() - 3600 * 1000));
    await insertRows(m, 'front_page_arrangement', ['id', 'block', 'activeFrom', 'createdAt'], [
      [firstArrangement, 'headline', activeFrom, activeFrom],
      [firstArrangement + 1, 'selection', activeFrom, activeFrom],
    ]);
    const slots = [
      ...picks.slice(0, 3).map((articleId, position) => [firstArrangement, position, articleId]),
      ...picks.slice(3).map((articleId, position) => [firstArrangement + 1, position, articleId]),
    ];
    if (slots.length) await insertRows(m, 'front_page_slot', ['arrangementId', 'position', 'articleId'], slots);
  });
  return { articles: total };
}

/** The demo newsroom, once: does nothing if the editorial database already has rubrics. */
export async function seedEditorialDemo(ds: DataSource): Promise<void> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM rubric');
  if (Number(n) > 0) return;
  await seedEditorial(ds, { seed: 42, articles: Number(process.env.DEMO_ARTICLES ?? 600) });
}
