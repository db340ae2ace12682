/**
 * The export benchmark's baseline: the same NDJSON rows as `npm run export`, written by hand
 * straight from each subgraph's tables with keyset pages of 1000 (articles, then bylines,
 * tags, view totals and comment counts by `IN`), no GraphQL anywhere. It is what the export
 * would cost if it could read every database itself; the product goes through the gateway
 * instead, so that editorial's visibility rules and each subgraph's ownership hold.
 *   node -r @swc-node/register bench/baseline-export.ts > /dev/null
 */
import 'reflect-metadata';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { closeDatabases, openDatabases } from '../src/app/open-databases';
import { formatRow } from '../src/audience/export/export-format';
import { placeholders, readDate, sqlDate } from '../src/db/sql-values';
import { absoluteUrl, articlePath } from '../src/editorial/public-paths';
import { subgraphList } from '../src/subgraphs/subgraph-modules';

const PAGE = 1000;

function group(rows: Array<{ articleId: number; name: string }>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(Number(r.articleId), [...(out.get(Number(r.articleId)) ?? []), r.name]);
  return out;
}

async function main(): Promise<void> {
  const modules = subgraphList().filter((m) => ['editorial', 'audience', 'discussion'].includes(m.name));
  const dbs = await openDatabases(modules);
  const editorial = dbs.get('editorial')!;
  const audience = dbs.get('audience')!;
  const discussion = dbs.get('discussion')!;
  const started = Date.now();
  const now = sqlDate(editorial, new Date());
  const rubrics = new Map<number, { name: string; path: string; treePath: string }>(
    (await editorial.query('SELECT id, name, path, treePath FROM rubric')).map((r: any) => [Number(r.id), r]),
  );
  const names = (treePath: string) => treePath.split('/').filter(Boolean).map((id) => rubrics.get(Number(id))!.name);
  const inList = async (db: DataSource, sql: string, ids: number[]) => db.query(sql.replace('(?)', `(${placeholders(ids.length)})`), ids);
  let rows = 0;
  let after: { at: unknown; id: number } | null = null;
  for (;;) {
    const keyset = after ? 'AND (publishedAt < ? OR (publishedAt = ? AND id < ?))' : '';
    const articles: any[] = await editorial.query(
      `SELECT id, slug, title, language, publishedAt, updatedAt, wordCount, primaryRubricId FROM article
       WHERE status = 'published' AND publishedAt <= ? AND (embargoUntil IS NULL OR embargoUntil <= ?) ${keyset}
       ORDER BY publishedAt DESC, id DESC LIMIT ${PAGE}`,
      after ? [now, now, after.at, after.at, after.id] : [now, now],
    );
    if (!articles.length) break;
    const ids = articles.map((a) => Number(a.id));
    const [authors, tags, views, comments] = await Promise.all([
      inList(editorial, 'SELECT b.articleId, au.name FROM article_byline b JOIN author au ON au.id = b.authorId WHERE b.articleId IN (?) ORDER BY b.articleId, b.position', ids),
      inList(editorial, 'SELECT t.articleId, g.name FROM article_tag t JOIN tag g ON g.id = t.tagId WHERE t.articleId IN (?)', ids),
      inList(audience, 'SELECT articleId, views FROM article_view_total WHERE articleId IN (?)', ids),
      inList(discussion, 'SELECT articleId, approvedCount FROM comment_thread WHERE articleId IN (?)', ids),
    ]);
    const authorsOf = group(authors);
    const tagsOf = group(tags);
    const viewsOf = new Map<number, number>(views.map((v: any) => [Number(v.articleId), Number(v.views)]));
    const commentsOf = new Map<number, number>(comments.map((c: any) => [Number(c.articleId), Number(c.approvedCount)]));
    let chunk = '';
    for (const a of articles) {
      const id = Number(a.id);
      const rubric = rubrics.get(Number(a.primaryRubricId))!;
      chunk += formatRow(
        {
          id,
          slug: a.slug,
          title: a.title,
          language: a.language,
          url: absoluteUrl(articlePath(rubric.path, a.slug)),
          publishedAt: readDate(a.publishedAt).toISOString(),
          updatedAt: readDate(a.updatedAt).toISOString(),
          rubric: rubric.path,
          rubricPath: names(rubric.treePath),
          authors: authorsOf.get(id) ?? [],
          tags: tagsOf.get(id) ?? [],
          wordCount: Number(a.wordCount),
          viewCount: viewsOf.get(id) ?? 0,
          commentCount: commentsOf.get(id) ?? 0,
        },
        'ndjson',
      );
    }
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    rows += articles.length;
    const last = articles[articles.length - 1];
    after = { at: last.publishedAt, id: Number(last.id) };
  }
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`Exported ${rows} articles in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)}/s).\n`);
  await closeDatabases(dbs);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
