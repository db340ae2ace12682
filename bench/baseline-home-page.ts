import type { DataSource } from 'typeorm';
import type { Rubric } from '../entities/editorial/rubric.entity';
import type { Media } from '../entities/editorial/media.entity';
import { readDate, sqlDate, placeholders } from '../src/db/sql-values';
import { mediaRendition } from '../src/editorial/media-renditions';
import { articlePath, authorPath, rubricPath } from '../src/editorial/public-paths';
import { readingMinutes } from '../src/editorial/reading-time';
import { RubricTree } from '../src/editorial/rubric-tree';
import { HEADLINE_SIZE, SELECTION_SIZE } from '../src/editorial/home-page.service';

/**
 * The practical limit: the same home-page JSON as the GraphQL query, built by hand with the
 * fewest statements we could write (five), straight on the driver below TypeORM. It shares
 * only pure helpers (paths, renditions, reading time) with the product.
 */
export class BaselineHomePage {
  statements = 0;
  private readonly prepared = new Map<string, any>();

  constructor(private readonly ds: DataSource) {}

  private async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements += 1;
    const driver = (this.ds.driver as any);
    if (this.ds.options.type === 'better-sqlite3') {
      let stmt = this.prepared.get(sql);
      if (!stmt) this.prepared.set(sql, (stmt = driver.databaseConnection.prepare(sql)));
      return stmt.all(...params);
    }
    const [rows] = await driver.pool.promise().query(sql, params);
    return rows;
  }

  async render(perBlock = 4): Promise<unknown> {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const at = sqlDate(this.ds, now);
    // 1. rubrics; 2. curated slots and the magazine issue on sale, in one statement.
    const [rubrics, slotsAndIssue] = await Promise.all([
      this.query<Rubric>('SELECT id, slug, path, name, parentId, treePath, depth, position, archivedAt FROM rubric'),
      this.query(
        `SELECT 'slot' AS kind, a.block AS block, s.articleId AS id, s.position AS pos, NULL AS title, NULL AS onSaleDate FROM front_page_slot s
         JOIN front_page_arrangement a ON a.id = s.arrangementId
         WHERE s.arrangementId IN (SELECT id FROM (
           SELECT * FROM (SELECT id FROM front_page_arrangement WHERE block = 'headline' AND activeFrom <= ? ORDER BY activeFrom DESC, id DESC LIMIT 1) AS h
           UNION ALL SELECT * FROM (SELECT id FROM front_page_arrangement WHERE block = 'selection' AND activeFrom <= ? ORDER BY activeFrom DESC, id DESC LIMIT 1) AS s2) AS cur)
         UNION ALL SELECT * FROM (SELECT 'issue' AS kind, NULL AS block, number AS id, 0 AS pos, title, onSaleDate FROM magazine_issue WHERE onSaleDate <= ? ORDER BY onSaleDate DESC, id DESC LIMIT 1) AS m`,
        [at, at, today],
      ),
    ]);
    const tree = new RubricTree(rubrics);
    const roots = tree.roots();
    const curated = { headline: [] as number[], selection: [] as number[] };
    let issue: any = null;
    for (const row of slotsAndIssue.sort((a: any, b: any) => a.pos - b.pos)) {
      if (row.kind === 'slot') curated[row.block as 'headline' | 'selection'].push(Number(row.id));
      else issue = { number: Number(row.id), title: row.title, onSaleDate: typeof row.onSaleDate === 'string' ? row.onSaleDate.slice(0, 10) : row.onSaleDate.toISOString().slice(0, 10) };
    }
    // 3. every list in one UNION ALL.
    const spare = HEADLINE_SIZE + SELECTION_SIZE;
    const lists = [{ kind: 0, ref: 0, limit: spare + curated.headline.length + curated.selection.length }, ...roots.map((r) => ({ kind: 1, ref: r.id, limit: perBlock + spare }))];
    const listRows = await this.query(
      lists.map((l, i) => `SELECT * FROM (SELECT ${i} AS q, articleId, publishedAt FROM article_listing WHERE kind = ${l.kind} AND refId = ${l.ref} AND publishedAt <= ? ORDER BY publishedAt DESC, articleId DESC LIMIT ${l.limit}) AS t${i}`).join(' UNION ALL '),
      lists.map(() => at),
    );
    const pages: number[][] = lists.map(() => []);
    for (const r of listRows.sort((a: any, b: any) => readDate(b.publishedAt).getTime() - readDate(a.publishedAt).getTime() || b.articleId - a.articleId)) pages[r.q].push(Number(r.articleId));
    const ids = [...new Set([...curated.headline, ...curated.selection, ...pages.flat()])];
    // 4. articles with their hero image; 5. bylines with author names.
    const [articles, bylines] = await Promise.all([
      this.query(
        `SELECT a.id, a.title, a.slug, a.kicker, a.standfirst, a.publishedAt, a.primaryRubricId, a.wordCount, a.status,
                m.id AS mId, m.storageKey, m.altText, m.width, m.height, m.focalX, m.focalY
         FROM article a LEFT JOIN media m ON m.id = a.heroImageId WHERE a.id IN (${placeholders(ids.length)})`,
        ids,
      ),
      this.query(
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
    const cards = new Map<number, unknown>();
    for (const a of articles) {
      const publishedAt = a.publishedAt ? readDate(a.publishedAt) : null;
      if (a.status !== 'published' || !publishedAt || publishedAt > now) continue;
      const rubric = tree.get(Number(a.primaryRubricId))!;
      const minutes = readingMinutes(Number(a.wordCount));
      const media = a.mId ? ({ storageKey: a.storageKey, width: Number(a.width), height: Number(a.height), focalX: Number(a.focalX), focalY: Number(a.focalY) } as Media) : null;
      const rendition = media ? mediaRendition(media, 'card') : null;
      cards.set(Number(a.id), {
        id: String(a.id), title: a.title, slug: a.slug, kicker: a.kicker, standfirst: a.standfirst,
        publishedAt: publishedAt.toISOString(), path: articlePath(rubric.path, a.slug),
        readingTime: { label: `${minutes} min` },
        heroImage: media ? { altText: a.altText, rendition: { url: rendition!.url, width: rendition!.width, height: rendition!.height } } : null,
        authors: authors.get(Number(a.id)) ?? [],
        rubric: { name: rubric.name, breadcrumb: [{ name: 'Home', path: '/' }, ...tree.lineage(rubric.id).map((r) => ({ name: r.name, path: rubricPath(r.path) }))] },
      });
    }
    const shown = new Set<number>();
    const take = (candidates: number[], size: number) => {
      const out: unknown[] = [];
      for (const id of candidates) {
        if (out.length >= size) break;
        if (cards.has(id) && !shown.has(id)) {
          shown.add(id);
          out.push(cards.get(id));
        }
      }
      return out;
    };
    const headline = take(curated.headline, HEADLINE_SIZE);
    const selection = take(curated.selection, SELECTION_SIZE);
    headline.push(...take(pages[0], HEADLINE_SIZE - headline.length));
    selection.push(...take(pages[0], SELECTION_SIZE - selection.length));
    const rubricBlocks = roots.map((r, i) => ({ rubric: { name: r.name, path: rubricPath(r.path) }, articles: take(pages[i + 1], perBlock) }));
    return {
      data: {
        homePage: { headline: { lead: headline[0] ?? null, secondary: headline.slice(1) }, selection, rubricBlocks, magazineIssue: issue },
      },
    };
  }
}
