import type DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Article } from '../../entities/editorial/article.entity';
import { ArticleCorrection } from '../../entities/editorial/article-correction.entity';
import { ArticleRevision } from '../../entities/editorial/article-revision.entity';
import { Author } from '../../entities/editorial/author.entity';
import { MagazineIssue } from '../../entities/editorial/magazine-issue.entity';
import { Media } from '../../entities/editorial/media.entity';
import { Rubric } from '../../entities/editorial/rubric.entity';
import { Tag } from '../../entities/editorial/tag.entity';
import { arrayRows } from '../db/driver-rows';
import { placeholders, sqliteDatetime } from '../db/sql-values';
import { BatchScheduler } from '../graphql/batch-scheduler';
import type { BodyBlock } from './body-blocks';
import { countLists, readListPages, type ListEntry, type ListKey, type ListRequest } from './listing.repository';
import { RubricTree } from './rubric-tree';
import type { RubricTreeCache } from './rubric-tree-cache';
import { currentFrontPage } from './front-page.repository';

/** Column types whose value both drivers hand over unchanged (see `prepareHydratedValue`). */
const AS_READ = new Set(['int', 'smallint', 'varchar', 'text']);

/**
 * How one column's raw value becomes the entity's: decided once per column instead of the
 * driver's chain of type tests (and two regular expressions per datetime) on every value,
 * which the CPU profile of a home page put at a tenth of the editorial subgraph's time.
 * Anything not plainly known goes through the driver, so the entity is the same as `find()`'s.
 * Null where the value is used as read.
 */
function hydrator(ds: DataSource, c: ColumnMetadata): ((value: unknown) => unknown) | null {
  const viaDriver = (value: unknown) => ds.driver.prepareHydratedValue(value, c);
  if (c.transformer || c.embeddedMetadata) return viaDriver;
  if (typeof c.type === 'string' && AS_READ.has(c.type)) return null;
  if (c.type === 'datetime') {
    // The same instant the driver builds from TypeORM's SQLite text (UTC), without its tests.
    return (value) => (typeof value === 'string' && sqliteDatetime(value)) || viaDriver(value);
  }
  return viaDriver;
}

/**
 * Reads entities with SQL written once from their metadata, hydrating rows (arrays of values,
 * driver-rows.ts) column by column with conversions chosen once per column: the same entities
 * as `find()`, without building a query and running the generic result transformer on every
 * call. `columns(alias)`, `width` and `fromRow(row, at)` let one statement read it beside
 * another table's columns (a join): the entity's values start at `at`.
 */
function entityReader<E extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<E>, only?: ReadonlyArray<keyof E & string>): EntityReader<E> {
  const readers = readersOf(ds);
  let ofEntity = readers.get(entity);
  if (!ofEntity) readers.set(entity, (ofEntity = new Map()));
  let reader = ofEntity.get(only);
  if (!reader) ofEntity.set(only, (reader = buildEntityReader(ds, entity, only)));
  return reader as EntityReader<E>;
}

/**
 * Readers are built once per data source, entity and column set: built per request (loaders
 * are), their metadata look-ups, SQL text and escaping were 2 % of a rubric page's CPU.
 */
const readersOf = perDataSource(
  () => new Map<EntityTarget<ObjectLiteral>, Map<ReadonlyArray<string> | undefined, EntityReader<ObjectLiteral>>>(),
);
type EntityReader<E extends ObjectLiteral> = ReturnType<typeof buildEntityReader<E>>;

/**
 * `fromRow` for one column list, generated once per reader: each property is stored under its
 * own name at its own site. A loop storing `item[name]` for every entity's columns made that
 * one store site see every entity shape (a megamorphic keyed store on every value of every
 * row). The names come from the entities' metadata, written into the code as JSON strings.
 */
function compileFromRow<E>(
  create: () => E,
  fields: ReadonlyArray<{ property: string; hydrate: ((value: unknown) => unknown) | null; plain: boolean; meta: ColumnMetadata }>,
): (row: readonly unknown[], at: number) => E {
  const hydrate = fields.map((f) => f.hydrate);
  const place = fields.map((f) => (item: ObjectLiteral, value: unknown) => f.meta.setEntityValue(item, value));
  const lines = fields.map((f, i) => {
    const value = f.hydrate ? `hydrate[${i}](row[at + ${i}])` : `row[at + ${i}]`;
    // A plain column is one property; embedded and relation-only columns keep TypeORM's placement.
    return f.plain ? `item[${JSON.stringify(f.property)}] = ${value};` : `place[${i}](item, ${value});`;
  });
  const build = new Function('create', 'hydrate', 'place', `return function fromRow(row, at) { const item = create(); ${lines.join(' ')} return item; };`);
  return build(create, hydrate, place) as (row: readonly unknown[], at: number) => E;
}

/** `only`: the properties to read (a card's), else every selected column. */
function buildEntityReader<E extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<E>, only?: ReadonlyArray<string>) {
  const meta = ds.getMetadata(entity);
  const selected = meta.columns.filter((c) => c.isSelect && (!only || only.includes(c.propertyName)));
  const q = (name: string) => ds.driver.escape(name);
  const rows = arrayRows(ds);
  const select = `SELECT ${selected.map((c) => q(c.databaseName)).join(', ')} FROM ${q(meta.tableName)}`;
  const fields = selected.map((c) => ({ property: c.propertyName, hydrate: hydrator(ds, c), plain: !c.embeddedMetadata && !c.isVirtual, meta: c }));
  const fromRow = compileFromRow(() => meta.create() as E, fields);
  const width = fields.length;
  return {
    column: (property: string) => q(meta.findColumnWithPropertyName(property)!.databaseName),
    /** The select list of this entity's columns from table alias `alias`. */
    columns: (alias: string) => selected.map((c) => `${alias}.${q(c.databaseName)}`).join(', '),
    /** How many values of a row the entity takes. */
    width,
    /** Where `property`'s value is among the entity's. */
    position: (property: string) => fields.findIndex((f) => f.property === property),
    /** The entity whose values start at `at` in `row`. */
    fromRow: (row: readonly unknown[], at = 0): E => fromRow(row, at),
    /** Entities matching `where`. */
    async read(where = '', params: unknown[] = []): Promise<E[]> {
      const read = await rows(where ? `${select} WHERE ${where}` : select, params);
      return read.map((row) => fromRow(row, 0));
    },
  };
}

/** A JSON column as read: text on SQLite and MariaDB, already parsed where the driver does it. */
function readBody(value: unknown): BodyBlock[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) ?? [];
}

/** One `WHERE column IN (…)` per batch, answers in key order (null where nothing matched). */
function byColumn<E extends ObjectLiteral, K extends string | number>(
  ds: DataSource,
  scheduler: BatchScheduler,
  entity: EntityTarget<E>,
  column: keyof E & string,
): DataLoader<K, E | null> {
  const reader = entityReader(ds, entity);
  const key = reader.column(column);
  return scheduler.loader<K, E | null>(async (keys) => {
    const rows = await reader.read(`${key} IN (${placeholders(keys.length)})`, keys as K[]);
    const found = new Map(rows.map((r) => [r[column] as K, r]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** `build(ds)` once per data source (SQL text that depends only on the driver's quoting). */
function perDataSource<T>(build: (ds: DataSource) => T): (ds: DataSource) => T {
  const built = new WeakMap<DataSource, T>();
  return (ds) => {
    let value = built.get(ds);
    if (value === undefined) built.set(ds, (value = build(ds)));
    return value;
  };
}

/**
 * What a card of an article shows, and what deciding whether the reader may see it takes:
 * lists (home, rubric, tag, author, search, related, magazine) read only these. The rest
 * (SEO texts, canonical URL, creation facts) is read by id when a field asks for it
 * (`wholeArticle`). Whole rows made SQLite's statement for 30 cards 1.9× as slow (173 against
 * 93 µs, measured on the 10k-article bench data) for columns no card shows.
 */
const ARTICLE_CARD: ReadonlyArray<keyof Article & string> = [
  'id', 'slug', 'kicker', 'title', 'standfirst', 'status', 'language', 'primaryRubricId', 'heroImageId', 'wordCount',
  'publishedAt', 'updatedAt', 'version', 'embargoUntil', 'unpublishAt', 'trashedAt',
];
/** A byline on a card: the biography, avatar and links are read when a field asks (`wholeAuthor`). */
const AUTHOR_CARD: ReadonlyArray<keyof Author & string> = ['id', 'slug', 'name'];

const articlesWithHeroImageSql = perDataSource((ds) => {
  const q = (name: string) => ds.driver.escape(name);
  const images = entityReader(ds, Media).columns('m');
  const heroJoin = `LEFT JOIN ${q('media')} m ON m.${q('id')} = a.${q('heroImageId')}`;
  const bodyJoin = `LEFT JOIN ${q('article_body')} b ON b.${q('articleId')} = a.${q('id')}`;
  // With the body: the article's columns, its body, then its image's.
  const statements = (articles: EntityReader<Article>, body: boolean) => {
    const select = `SELECT ${articles.columns('a')}${body ? `, b.${q('body')}` : ''}, ${images} FROM ${q('article')} a ${body ? `${bodyJoin} ` : ''}${heroJoin} WHERE a.`;
    return { id: `${select}${articles.column('id')} IN `, slug: `${select}${articles.column('slug')} IN ` };
  };
  const whole = entityReader(ds, Article);
  return { whole: statements(whole, false), card: statements(entityReader(ds, Article, ARTICLE_CARD), false), withBody: statements(whole, true) };
});

const authorsByArticleSql = perDataSource((ds) => {
  const q = (name: string) => ds.driver.escape(name);
  return [
    `SELECT ${entityReader(ds, Author, AUTHOR_CARD).columns('au')}, b.${q('articleId')} FROM ${q('article_byline')} b ` +
      `JOIN ${q('author')} au ON au.${q('id')} = b.${q('authorId')} WHERE b.${q('articleId')} IN `,
    ` ORDER BY b.${q('articleId')}, b.${q('position')}, b.${q('authorId')}`,
  ] as const;
});

/**
 * Articles by `column` with their lead image in the same statement: every card shows it, so
 * the image rows are primed into `media` (the `heroImage` field then loads nothing) instead
 * of costing a second statement per page. A LEFT JOIN on the media primary key. `cards`: read
 * with a card's columns (ARTICLE_CARD) and remembered there; `body`: whole, with the body too,
 * which the body field resolver then finds on the entity (an article page's first read).
 */
function articlesWithHeroImage<K extends string | number>(
  ds: DataSource,
  scheduler: BatchScheduler,
  column: 'id' | 'slug',
  primeImage: (id: number, image: Media) => void,
  options: { cards?: WeakSet<object>; body?: boolean } = {},
): DataLoader<K, Article | null> {
  const { cards, body = false } = options;
  const articles = entityReader(ds, Article, cards ? ARTICLE_CARD : undefined);
  const images = entityReader(ds, Media);
  const select = articlesWithHeroImageSql(ds)[body ? 'withBody' : cards ? 'card' : 'whole'][column];
  const rows = arrayRows(ds);
  const imageAt = articles.width + (body ? 1 : 0);
  const imageId = imageAt + images.position('id');
  return scheduler.loader<K, Article | null>(async (keys) => {
    const found = new Map<K, Article>();
    for (const row of await rows(`${select}(${placeholders(keys.length)})`, keys as K[])) {
      const article = articles.fromRow(row);
      if (body) article.body = readBody(row[articles.width]);
      cards?.add(article);
      found.set(article[column] as K, article);
      if (row[imageId] != null) primeImage(Number(row[imageId]), images.fromRow(row, imageAt));
    }
    return keys.map((k) => found.get(k) ?? null);
  });
}

/**
 * Each article's authors in byline order, one join per batch (the byline rows alone and then
 * the authors by id were two statements on every page with cards).
 */
function authorsByArticle(ds: DataSource, scheduler: BatchScheduler, cards: WeakSet<object>): DataLoader<number, Author[]> {
  const authors = entityReader(ds, Author, AUTHOR_CARD);
  const [select, order] = authorsByArticleSql(ds);
  const rows = arrayRows(ds);
  return scheduler.loader<number, Author[]>(async (ids) => {
    const groups = new Map<number, Author[]>(ids.map((id) => [id, []]));
    for (const row of await rows(`${select}(${placeholders(ids.length)})${order}`, ids as number[])) {
      const author = authors.fromRow(row);
      cards.add(author);
      groups.get(Number(row[authors.width]))?.push(author);
    }
    return ids.map((id) => groups.get(id)!);
  });
}

/** Rows of a join table grouped by one column, in `position` order where there is one. */
function groupedIds(ds: DataSource, scheduler: BatchScheduler, table: string, keyColumn: string, valueColumn: string, orderColumn?: string) {
  return scheduler.loader<number, number[]>(async (keys) => {
    const order = orderColumn ? `${orderColumn}, ${valueColumn}` : valueColumn;
    const rows: Array<Record<string, number>> = await ds.query(
      `SELECT ${keyColumn} AS k, ${valueColumn} AS v FROM ${table} WHERE ${keyColumn} IN (${placeholders(keys.length)}) ORDER BY ${order}`,
      keys as number[],
    );
    const groups = new Map<number, number[]>();
    for (const row of rows) {
      const list = groups.get(Number(row.k)) ?? [];
      list.push(Number(row.v));
      groups.set(Number(row.k), list);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Rows of a child table grouped by `articleId`, in the order given, one `IN (…)` per batch. */
function byArticle<E extends ObjectLiteral & { articleId: number }>(ds: DataSource, scheduler: BatchScheduler, entity: EntityTarget<E>, order: string) {
  const reader = entityReader(ds, entity);
  const key = reader.column('articleId');
  return scheduler.loader<number, E[]>(async (ids) => {
    const rows = await reader.read(`${key} IN (${placeholders(ids.length)}) ORDER BY ${order}`, ids as number[]);
    const groups = new Map<number, E[]>(ids.map((id) => [id, []]));
    for (const row of rows) groups.get(row.articleId)?.push(row);
    return ids.map((id) => groups.get(id)!);
  });
}

/** The whole rubric table as a tree (one statement). */
export async function readRubricTree(ds: DataSource): Promise<RubricTree> {
  return new RubricTree(await entityReader(ds, Rubric).read());
}

/**
 * The editorial subgraph's per-request loaders. Every relation a page touches goes through
 * one of these, so a page costs one statement per kind of thing, however many it shows.
 */
export function createEditorialLoaders(ds: DataSource, now: Date, onBatch?: (size: number) => void, treeCache?: RubricTreeCache) {
  const scheduler = new BatchScheduler(onBatch);
  const tagReader = entityReader(ds, Tag);
  const tagIdsByArticle = groupedIds(ds, scheduler, 'article_tag', 'articleId', 'tagId');
  const tagById = byColumn<Tag, number>(ds, scheduler, Tag, 'id');
  // One tree for the whole request, even if the process's copy is dropped meanwhile.
  let treeRead: RubricTree | null = treeCache?.ready() ?? null;
  let tree: Promise<RubricTree> | null = treeRead ? Promise.resolve(treeRead) : null;
  const rubricTree = (): Promise<RubricTree> => {
    tree ??= (treeCache ? treeCache.get() : readRubricTree(ds)).then((read) => (treeRead = read));
    return tree;
  };
  let frontPage: ReturnType<typeof currentFrontPage> | null = null;
  let magazine: Promise<MagazineIssue | null> | null = null;
  const mediaById = byColumn<Media, number>(ds, scheduler, Media, 'id');
  // Images read with their articles, to hand over without a promise: a primed DataLoader still
  // answers each load with a promise of its own, settled with a batch (about 50 per home page).
  const imagesRead = new Map<number, Media>();
  const primeImage = (id: number, image: Media) => {
    mediaById.prime(id, image);
    if (!imagesRead.has(id)) imagesRead.set(id, image);
  };
  // Entities read with a card's columns only (ARTICLE_CARD, AUTHOR_CARD).
  const cards = new WeakSet<object>();
  const articleById = articlesWithHeroImage<number>(ds, scheduler, 'id', primeImage);
  const authorById = byColumn<Author, number>(ds, scheduler, Author, 'id');
  /** `entity` itself when it was read whole, else its whole row (null if it is gone meanwhile: then as read). */
  const whole = <E extends { id: number }>(entity: E, byId: DataLoader<number, E | null>): E | Promise<E> =>
    cards.has(entity) ? byId.load(entity.id).then((read) => read ?? entity) : entity;
  const listKey = (r: ListRequest) =>
    `${r.key.kind}:${r.key.refId}:${r.limit}:${r.after ? `${r.after.publishedAt.getTime()}:${r.after.id}` : ''}:${r.excludeId ?? ''}`;
  return {
    /** The whole rubric tree: the process's copy (see RubricTreeCache), else read once per request. */
    rubricTree,
    /**
     * `f` of the rubric tree, without a promise once this request has read it: the path,
     * rubric and breadcrumb of every card then resolve synchronously, and graphql-js completes
     * a card with no async field without allocating promises for it.
     */
    withRubricTree<T>(f: (tree: RubricTree) => T): T | Promise<T> {
      return treeRead ? f(treeRead) : rubricTree().then(f);
    },
    /** The current curated home-page slots, read once per request. */
    frontPage() {
      frontPage ??= currentFrontPage(ds, now);
      return frontPage;
    },
    /** The magazine issue on sale now ("En kiosque"). */
    currentMagazineIssue(): Promise<MagazineIssue | null> {
      // A plain read: TypeORM's query builder (findOne) was 2.6 % of the home page's CPU.
      magazine ??= (() => {
        const issues = entityReader(ds, MagazineIssue);
        const onSale = issues.column('onSaleDate');
        return issues
          .read(`${onSale} <= ? ORDER BY ${onSale} DESC, ${issues.column('id')} DESC LIMIT 1`, [now.toISOString().slice(0, 10)])
          .then((rows) => rows[0] ?? null);
      })();
      return magazine;
    },
    articleById,
    /** Articles with a card's columns (ARTICLE_CARD), for lists; `wholeArticle` reads the rest. */
    articleCardById: articlesWithHeroImage<number>(ds, scheduler, 'id', primeImage, { cards }),
    wholeArticle: (article: Article) => whole(article, articleById),
    wholeAuthor: (author: Author) => whole(author, authorById),
    /**
     * Bodies only for the articles whose body is asked for (article pages). A plain read: the
     * query builder of `findBy` was a fifth of the article page's loader time in its profile.
     */
    bodyByArticle: scheduler.loader<number, BodyBlock[]>(async (ids) => {
      const rows: Array<{ articleId: number; body: unknown }> = await ds.query(
        `SELECT articleId, body FROM article_body WHERE articleId IN (${placeholders(ids.length)})`,
        ids as number[],
      );
      const byId = new Map(rows.map((r) => [Number(r.articleId), readBody(r.body)]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
    articleBySlug: articlesWithHeroImage<string>(ds, scheduler, 'slug', primeImage),
    /**
     * Articles by slug with their body and lead image, in one statement: what an article page
     * asks for first (the lead image was a statement of its own).
     */
    articleWithBodyBySlug: articlesWithHeroImage<string>(ds, scheduler, 'slug', primeImage, { body: true }),
    authorById,
    authorBySlug: byColumn<Author, string>(ds, scheduler, Author, 'slug'),
    tagBySlug: byColumn<Tag, string>(ds, scheduler, Tag, 'slug'),
    mediaById,
    /** An image by id: at once when it was read with an article of this request, else through `mediaById`. */
    image(id: number): Media | Promise<Media | null> {
      return imagesRead.get(id) ?? mediaById.load(id);
    },
    magazineIssueById: byColumn<MagazineIssue, number>(ds, scheduler, MagazineIssue, 'id'),
    /** Authors of each article in byline order (one join per batch), as cards (AUTHOR_CARD). */
    authorsByArticle: authorsByArticle(ds, scheduler, cards),
    tagIdsByArticle,
    tagById,
    /**
     * Each article's tags in tag-id order, read with the join table in one statement, primed
     * into `tagIdsByArticle` and `tagById`: an article page reads them so before its fields
     * resolve. (The `tags` field itself keeps the two loaders: going through this one at every
     * depth moved MySQL batches apart in deep queries, test/federation/flat-statements.)
     */
    tagsByArticle: scheduler.loader<number, Tag[]>(async (ids) => {
      const rows = await arrayRows(ds)(
        `SELECT x.articleId, ${tagReader.columns('t')} FROM article_tag x JOIN tag t ON t.id = x.tagId
         WHERE x.articleId IN (${placeholders(ids.length)}) ORDER BY x.tagId`,
        ids as number[],
      );
      const groups = new Map<number, Tag[]>(ids.map((id) => [id, []]));
      for (const r of rows) groups.get(Number(r[0]))?.push(tagReader.fromRow(r, 1));
      for (const id of ids) {
        const tags = groups.get(id)!;
        tagIdsByArticle.prime(id, tags.map((t) => t.id));
        for (const tag of tags) tagById.prime(tag.id, tag);
      }
      return ids.map((id) => groups.get(id)!);
    }),
    secondaryRubricIdsByArticle: groupedIds(ds, scheduler, 'article_secondary_rubric', 'articleId', 'rubricId'),
    articleIdsByMagazineIssue: groupedIds(ds, scheduler, 'magazine_issue_article', 'issueId', 'articleId', 'position'),
    articleIdsByArrangement: groupedIds(ds, scheduler, 'front_page_slot', 'arrangementId', 'articleId', 'position'),
    /** Public correction notes of each article, oldest first. */
    correctionsByArticle: byArticle(ds, scheduler, ArticleCorrection, `${ds.driver.escape('createdAt')}, ${ds.driver.escape('id')}`),
    /** Saved states of each article, newest first. */
    revisionsByArticle: byArticle(ds, scheduler, ArticleRevision, `${ds.driver.escape('number')} DESC`),
    /** Sizes of lists (`totalCount` of every connection on a page) in one grouped statement. */
    listCount: scheduler.loader<ListKey, number, string>(async (keys) => countLists(ds, keys as ListKey[], now), {
      cacheKeyFn: (k) => `${k.kind}:${k.refId}`,
    }),
    /** Many list pages (rubric blocks, tag pages, related candidates) in one UNION ALL. */
    listPage: scheduler.loader<ListRequest, ListEntry[], string>(
      async (requests) => readListPages(ds, requests as ListRequest[], now),
      { cacheKeyFn: listKey },
    ),
  };
}

export type EditorialLoaders = ReturnType<typeof createEditorialLoaders>;
