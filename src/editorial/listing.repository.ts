import type { DataSource, EntityManager } from 'typeorm';
import { ListingKind } from '../../entities/editorial/article-listing.entity';
import { arrayRows } from '../db/driver-rows';
import { placeholders, readDate, sqlDate, valuesPlaceholders } from '../db/sql-values';
import type { RubricTree } from './rubric-tree';

export type ListKey = { kind: ListingKind; refId: number };
export type ListCursor = { publishedAt: Date; id: number };
export type ListRequest = { key: ListKey; limit: number; after?: ListCursor | null; excludeId?: number };
export type ListEntry = { articleId: number; publishedAt: Date };

/**
 * Reads many list pages in one statement: a UNION ALL of per-list range scans over the
 * primary key (kind, refId, publishedAt, articleId), each stopping after its LIMIT. Cost
 * is proportional to the rows returned, not to the size of the table.
 */
export async function readListPages(db: DataSource, requests: ListRequest[], now: Date): Promise<ListEntry[][]> {
  if (!requests.length) return [];
  const parts: string[] = [];
  const params: unknown[] = [];
  requests.forEach((req, i) => {
    let where = 'kind = ? AND refId = ? AND publishedAt <= ?';
    params.push(req.key.kind, req.key.refId, sqlDate(db, now));
    if (req.after) {
      const at = sqlDate(db, req.after.publishedAt);
      where += ' AND publishedAt <= ? AND (publishedAt < ? OR articleId < ?)';
      params.push(at, at, req.after.id);
    }
    if (req.excludeId) {
      where += ' AND articleId <> ?';
      params.push(req.excludeId);
    }
    parts.push(
      `SELECT * FROM (SELECT ${i} AS q, articleId, publishedAt FROM article_listing WHERE ${where} ` +
        `ORDER BY publishedAt DESC, articleId DESC LIMIT ${Math.max(0, Math.floor(req.limit))}) AS t${i}`,
    );
  });
  // Rows as arrays: q, articleId, publishedAt (driver-rows.ts; a home page reads about 140).
  const rows = await arrayRows(db)(parts.join(' UNION ALL '), params);
  const pages: ListEntry[][] = requests.map(() => []);
  for (const row of rows) pages[Number(row[0])].push({ articleId: Number(row[1]), publishedAt: readDate(row[2]) });
  for (const page of pages) page.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.articleId - a.articleId);
  return pages;
}

/**
 * Sizes of many lists in one statement, answers in key order: one `refId IN (…)` per kind,
 * grouped, each a range of the primary key (kind, refId, publishedAt, …).
 */
export async function countLists(db: DataSource | EntityManager, keys: ListKey[], now: Date): Promise<number[]> {
  if (!keys.length) return [];
  const byKind = new Map<ListingKind, number[]>();
  for (const k of keys) {
    const refIds = byKind.get(k.kind);
    if (refIds) refIds.push(k.refId);
    else byKind.set(k.kind, [k.refId]);
  }
  const params: unknown[] = [sqlDate(db, now)];
  const kinds = [...byKind].map(([kind, refIds]) => {
    params.push(kind, ...refIds);
    return `(kind = ? AND refId IN (${placeholders(refIds.length)}))`;
  });
  const rows: Array<{ kind: ListingKind; refId: number | string; n: number | string }> = await db.query(
    `SELECT kind, refId, COUNT(*) AS n FROM article_listing WHERE publishedAt <= ? AND (${kinds.join(' OR ')}) GROUP BY kind, refId`,
    params,
  );
  const counts = new Map(rows.map((r) => [`${r.kind}:${Number(r.refId)}`, Number(r.n)]));
  return keys.map((k) => counts.get(`${k.kind}:${k.refId}`) ?? 0);
}

export type ListingSource = {
  id: number;
  publishedAt: Date;
  primaryRubricId: number;
  secondaryRubricIds: number[];
  tagIds: number[];
  authorIds: number[];
};

/** The lists an article appears in: all, every rubric on the way to each of its rubrics, its tags and authors. */
export function listKeysFor(source: ListingSource, tree: RubricTree): ListKey[] {
  const keys: ListKey[] = [{ kind: ListingKind.All, refId: 0 }];
  const rubricIds = new Set<number>();
  for (const rubricId of [source.primaryRubricId, ...source.secondaryRubricIds]) {
    for (const r of tree.lineage(rubricId)) rubricIds.add(r.id);
  }
  for (const id of rubricIds) keys.push({ kind: ListingKind.Rubric, refId: id });
  for (const id of new Set(source.tagIds)) keys.push({ kind: ListingKind.Tag, refId: id });
  for (const id of new Set(source.authorIds)) keys.push({ kind: ListingKind.Author, refId: id });
  return keys;
}

/** Rows for a multi-row insert into article_listing. */
export function listingRows(db: DataSource | EntityManager, source: ListingSource, tree: RubricTree): unknown[][] {
  const at = sqlDate(db, source.publishedAt);
  return listKeysFor(source, tree).map((k) => [k.kind, k.refId, at, source.id]);
}

export async function insertListingRows(db: DataSource | EntityManager, rows: unknown[][]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO article_listing (kind, refId, publishedAt, articleId) VALUES ${valuesPlaceholders(chunk.length, 4)}`,
      chunk.flat(),
    );
  }
}

/** Replaces the listing rows of some articles (inside the caller's transaction). */
export async function rewriteListings(
  manager: EntityManager,
  articleIds: number[],
  sources: ListingSource[],
  tree: RubricTree,
): Promise<void> {
  if (articleIds.length) {
    await manager.query(`DELETE FROM article_listing WHERE articleId IN (${placeholders(articleIds.length)})`, articleIds);
  }
  await insertListingRows(manager, sources.flatMap((s) => listingRows(manager, s, tree)));
}
