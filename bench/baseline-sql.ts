import type { DataSource } from 'typeorm';
import type { Media } from '../entities/editorial/media.entity';
import type { Rubric } from '../entities/editorial/rubric.entity';
import { placeholders, readDate } from '../src/db/sql-values';
import { mediaRendition } from '../src/editorial/media-renditions';
import { articlePath, authorPath, rubricPath } from '../src/editorial/public-paths';
import { readingMinutes } from '../src/editorial/reading-time';
import { RubricTree } from '../src/editorial/rubric-tree';

/** A card as the benchmark queries' `Card` fragment asks for it. */
export type Card = Record<string, unknown>;

/** The two drivers' handles the baselines use, as TypeORM holds them. */
type Statement = { all(...params: unknown[]): unknown[]; raw(on: boolean): Statement };
type RawDriver = {
  databaseConnection: { prepare(sql: string): Statement };
  pool: MysqlPool;
};
type MysqlPool = { execute(options: { sql: string; rowsAsArray: boolean }, params: unknown[], done: (err: Error | null, rows: unknown[]) => void): void };

/** A card's article row, as an array: id, title, slug, kicker, standfirst, publishedAt, primaryRubricId, wordCount, status, then its image. */
type ArticleRow = [
  number, string, string, string | null, string | null, string | Date | null, number, number, string,
  number | null, string, string | null, number, number, number, number,
];

/**
 * What the hand-written baselines share: statements straight on the driver below TypeORM
 * (prepared once per SQL text: by better-sqlite3 on SQLite, by mysql2 per pooled connection on MySQL), counted, and the article cards
 * built from two statements. Only pure helpers (paths, renditions, reading time) come from the
 * product, so the baselines measure the practical limit, not the product's own layers.
 */
export class BaselineSql {
  private readonly prepared = new Map<string, Statement>();
  private readonly preparedRaw = new Map<string, Statement>();

  constructor(
    readonly ds: DataSource,
    private readonly counter = { statements: 0 },
  ) {}

  /** Statements sent so far, by this and every handle `on` made from it. */
  get statements(): number {
    return this.counter.statements;
  }

  /** The same, on another subgraph's database, counted together with this one. */
  on(ds: DataSource): BaselineSql {
    return new BaselineSql(ds, this.counter);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.send(sql, params, false)) as T[];
  }

  /**
   * The same, each row an array of its values in select-list order: cheaper than an object
   * per row on both drivers (30 cards on better-sqlite3: 103 against 150 µs with the objects
   * built by hand from the arrays), so the hot statements of the baselines read so.
   */
  async rows<T extends unknown[]>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.send(sql, params, true)) as T[];
  }

  private async send(sql: string, params: unknown[], arrays: boolean): Promise<unknown[]> {
    this.counter.statements += 1;
    const driver = this.ds.driver as unknown as RawDriver;
    if (this.ds.options.type === 'better-sqlite3') {
      const prepared = arrays ? this.preparedRaw : this.prepared;
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = arrays ? driver.databaseConnection.prepare(sql).raw(true) : driver.databaseConnection.prepare(sql)));
      return stmt.all(...params);
    }
    // `execute` prepares each SQL text once per connection (mysql2 keeps them), then binds. The
    // callback API: mysql2's promise wrapper captures a stack trace per statement (its `trace`),
    // 5.9 % of the hand-written article page's CPU profile on MariaDB.
    const pool = driver.pool;
    return new Promise((resolve, reject) => pool.execute({ sql, rowsAsArray: arrays }, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  }

  /**
   * A FLOAT column's value as the text protocol (the product's) reads it: over the binary
   * protocol mysql2 hands its single-precision value widened (0.23 → 0.23000000417232513), so
   * take the shortest decimal that is the same single. SQLite stores doubles: unchanged.
   */
  float(value: unknown): number {
    const n = Number(value);
    if (this.ds.options.type === 'better-sqlite3') return n;
    const single = Math.fround(n);
    for (let digits = 1; digits < 9; digits++) {
      const short = Number(n.toPrecision(digits));
      if (Math.fround(short) === single) return short;
    }
    return n;
  }

  async rubricTree(): Promise<RubricTree> {
    const rows = await this.rows<[number, string, string, string, string | null, number | null, string, number, number, Date | string | null]>(
      'SELECT id, slug, path, name, description, parentId, treePath, depth, position, archivedAt FROM rubric',
    );
    return new RubricTree(
      rows.map(([id, slug, path, name, description, parentId, treePath, depth, position, archivedAt]) =>
        ({ id, slug, path, name, description, parentId, treePath, depth, position, archivedAt }) as Rubric,
      ),
    );
  }

  /** Cards of the publicly visible articles among `ids`, by id: 2 statements. */
  async cards(ids: number[], tree: RubricTree, now: Date): Promise<Map<number, Card>> {
    const cards = new Map<number, Card>();
    if (!ids.length) return cards;
    const [articles, bylines] = await Promise.all([
      this.rows<ArticleRow>(
        `SELECT a.id, a.title, a.slug, a.kicker, a.standfirst, a.publishedAt, a.primaryRubricId, a.wordCount, a.status,
                m.id AS mId, m.storageKey, m.altText, m.width, m.height, m.focalX, m.focalY
         FROM article a LEFT JOIN media m ON m.id = a.heroImageId WHERE a.id IN (${placeholders(ids.length)})`,
        ids,
      ),
      this.rows<[number, string, string]>(
        `SELECT b.articleId, au.name, au.slug FROM article_byline b JOIN author au ON au.id = b.authorId
         WHERE b.articleId IN (${placeholders(ids.length)}) ORDER BY b.articleId, b.position, b.authorId`,
        ids,
      ),
    ]);
    const authors = new Map<number, Array<{ name: string; path: string }>>();
    for (const [articleId, name, slug] of bylines) {
      const list = authors.get(Number(articleId)) ?? [];
      list.push({ name, path: authorPath(slug) });
      authors.set(Number(articleId), list);
    }
    for (const [id, title, slug, kicker, standfirst, published, primaryRubricId, wordCount, status, mId, storageKey, altText, width, height, focalX, focalY] of articles) {
      const publishedAt = published ? readDate(published) : null;
      if (status !== 'published' || !publishedAt || publishedAt > now) continue;
      const rubric = tree.get(Number(primaryRubricId))!;
      const minutes = readingMinutes(Number(wordCount));
      const media = mId ? ({ storageKey, width: Number(width), height: Number(height), focalX: this.float(focalX), focalY: this.float(focalY) } as Media) : null;
      const rendition = media ? mediaRendition(media, 'card') : null;
      cards.set(Number(id), {
        id: String(id), title, slug, kicker, standfirst,
        publishedAt: publishedAt.toISOString(), path: articlePath(rubric.path, slug),
        readingTime: { label: `${minutes} min` },
        heroImage: media ? { altText, rendition: { url: rendition!.url, width: rendition!.width, height: rendition!.height } } : null,
        authors: authors.get(Number(id)) ?? [],
        rubric: { name: rubric.name, breadcrumb: breadcrumb(tree, rubric.id) },
      });
    }
    return cards;
  }
}

/** Accueil » each rubric from the top down, as the `breadcrumb` field answers (resolvers/editorial/breadcrumb.ts). */
export function breadcrumb(tree: RubricTree, rubricId: number): Array<{ name: string; path: string }> {
  return [{ name: 'Accueil', path: '/' }, ...tree.lineage(rubricId).map((r) => ({ name: r.name, path: rubricPath(r.path) }))];
}
