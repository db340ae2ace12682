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
type RawDriver = {
  databaseConnection: { prepare(sql: string): { all(...params: unknown[]): unknown[] } };
  pool: { promise(): MysqlPool };
};
type Statement = ReturnType<RawDriver['databaseConnection']['prepare']>;
type MysqlPool = { execute(sql: string, params: unknown[]): Promise<[unknown[], unknown]> };

type ArticleRow = {
  id: number; title: string; slug: string; kicker: string | null; standfirst: string | null; publishedAt: string | Date | null;
  primaryRubricId: number; wordCount: number; status: string;
  mId: number | null; storageKey: string; altText: string | null; width: number; height: number; focalX: number; focalY: number;
};
type BylineRow = { articleId: number; name: string; slug: string };

/**
 * What the hand-written baselines share: statements straight on the driver below TypeORM
 * (prepared once per SQL text: by better-sqlite3 on SQLite, by mysql2 per pooled connection on MySQL), counted, and the article cards
 * built from two statements. Only pure helpers (paths, renditions, reading time) come from the
 * product, so the baselines measure the practical limit, not the product's own layers.
 */
export class BaselineSql {
  private readonly prepared = new Map<string, Statement>();
  private pool: MysqlPool | undefined;

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
    this.counter.statements += 1;
    const driver = this.ds.driver as unknown as RawDriver;
    if (this.ds.options.type === 'better-sqlite3') {
      let stmt = this.prepared.get(sql);
      if (!stmt) this.prepared.set(sql, (stmt = driver.databaseConnection.prepare(sql)));
      return stmt.all(...params) as T[];
    }
    // `execute` prepares each SQL text once per connection (mysql2 keeps them), then binds.
    this.pool ??= driver.pool.promise();
    const [rows] = await this.pool.execute(sql, params);
    return rows as T[];
  }

  /**
   * A FLOAT column's value as the text protocol (TypeORM's) reads it: over the binary protocol
   * mysql2 hands its single-precision value widened (0.23 → 0.23000000417232513), so take the
   * shortest decimal that is the same single. SQLite stores doubles: unchanged.
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
    return new RubricTree(await this.query<Rubric>('SELECT id, slug, path, name, description, parentId, treePath, depth, position, archivedAt FROM rubric'));
  }

  /** Cards of the publicly visible articles among `ids`, by id: 2 statements. */
  async cards(ids: number[], tree: RubricTree, now: Date): Promise<Map<number, Card>> {
    const cards = new Map<number, Card>();
    if (!ids.length) return cards;
    const [articles, bylines] = await Promise.all([
      this.query<ArticleRow>(
        `SELECT a.id, a.title, a.slug, a.kicker, a.standfirst, a.publishedAt, a.primaryRubricId, a.wordCount, a.status,
                m.id AS mId, m.storageKey, m.altText, m.width, m.height, m.focalX, m.focalY
         FROM article a LEFT JOIN media m ON m.id = a.heroImageId WHERE a.id IN (${placeholders(ids.length)})`,
        ids,
      ),
      this.query<BylineRow>(
        `SELECT b.articleId, au.name, au.slug FROM article_byline b JOIN author au ON au.id = b.authorId
         WHERE b.articleId IN (${placeholders(ids.length)}) ORDER BY b.articleId, b.position, b.authorId`,
        ids,
      ),
    ]);
    const authors = new Map<number, Array<{ name: string; path: string }>>();
    for (const b of bylines) {
      const list = authors.get(Number(b.articleId)) ?? [];
      list.push({ name: b.name, path: authorPath(b.slug) });
      authors.set(Number(b.articleId), list);
    }
    for (const a of articles) {
      const publishedAt = a.publishedAt ? readDate(a.publishedAt) : null;
      if (a.status !== 'published' || !publishedAt || publishedAt > now) continue;
      const rubric = tree.get(Number(a.primaryRubricId))!;
      const minutes = readingMinutes(Number(a.wordCount));
      const media = a.mId ? ({ storageKey: a.storageKey, width: Number(a.width), height: Number(a.height), focalX: this.float(a.focalX), focalY: this.float(a.focalY) } as Media) : null;
      const rendition = media ? mediaRendition(media, 'card') : null;
      cards.set(Number(a.id), {
        id: String(a.id), title: a.title, slug: a.slug, kicker: a.kicker, standfirst: a.standfirst,
        publishedAt: publishedAt.toISOString(), path: articlePath(rubric.path, a.slug),
        readingTime: { label: `${minutes} min` },
        heroImage: media ? { altText: a.altText, rendition: { url: rendition!.url, width: rendition!.width, height: rendition!.height } } : null,
        authors: authors.get(Number(a.id)) ?? [],
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
