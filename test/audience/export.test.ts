import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { ServiceScope } from '../../src/auth/roles';
import { exportArticles, type ExportResult } from '../../src/audience/export/article-export';
import { CSV_COLUMNS, type ExportFormat, type ExportRow } from '../../src/audience/export/export-format';
import { httpGraphClient, staticToken } from '../../src/audience/export/graph-client';
import { readDate } from '../../src/db/sql-values';
import { backends } from '../support/backends';
import { audienceRuntime, databaseEnv, audienceTestConfig, publicArticleIds, sendBeacon, storedTotals } from '../support/audience';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { prepareAccounts, Role, serviceSignIn, signInAs } from '../support/sign-in';

const ROOT = path.resolve(__dirname, '../..');

async function runExport(fx: NewsroomFixture, token: string, format: ExportFormat, since?: Date): Promise<{ text: string; result: ExportResult }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c) => chunks.push(c));
  const result = await exportArticles(httpGraphClient(fx.url, staticToken(token)), out, { format, since, progress: false });
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), result };
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe.each(backends())('bulk export (%s)', (backend) => {
  let fx: NewsroomFixture;
  let exportToken: string;
  let exportSecret: string;
  let expected: ExportRow[];

  /** The export as it should be, read from each subgraph's own tables. */
  async function expectedRows(): Promise<ExportRow[]> {
    const editorial = fx.app.dataSources.get('editorial')!;
    const now = new Date();
    const articles: any[] = await editorial.query(
      `SELECT a.id, a.slug, a.title, a.language, a.publishedAt, a.embargoUntil, a.updatedAt, a.wordCount, a.primaryRubricId
       FROM article a WHERE a.status = 'published'`,
    );
    const rubrics = new Map<number, any>((await editorial.query('SELECT id, name, path, treePath FROM rubric')).map((r: any) => [Number(r.id), r]));
    const bylines: any[] = await editorial.query('SELECT b.articleId, au.name FROM article_byline b JOIN author au ON au.id = b.authorId ORDER BY b.articleId, b.position');
    const tags: any[] = await editorial.query('SELECT t.articleId, g.name FROM article_tag t JOIN tag g ON g.id = t.tagId');
    const comments: any[] = await fx.app.dataSources.get('discussion')!.query(`SELECT articleId, COUNT(*) AS n FROM comment WHERE status = 'approved' GROUP BY articleId`);
    const views = await storedTotals(fx);
    const group = (rows: any[]) => {
      const byArticle = new Map<number, string[]>();
      for (const r of rows) byArticle.set(Number(r.articleId), [...(byArticle.get(Number(r.articleId)) ?? []), r.name]);
      return byArticle;
    };
    const authorsOf = group(bylines);
    const tagsOf = group(tags);
    const commentsOf = new Map(comments.map((c) => [Number(c.articleId), Number(c.n)]));
    return articles
      .map((a) => ({ ...a, publishedAt: readDate(a.publishedAt), embargoUntil: a.embargoUntil ? readDate(a.embargoUntil) : null }))
      .filter((a) => a.publishedAt <= now && (!a.embargoUntil || a.embargoUntil <= now))
      .sort((x, y) => y.publishedAt.getTime() - x.publishedAt.getTime() || Number(y.id) - Number(x.id))
      .map((a) => {
        const rubric = rubrics.get(Number(a.primaryRubricId));
        const id = Number(a.id);
        return {
          id,
          slug: a.slug,
          title: a.title,
          language: a.language,
          url: '',
          publishedAt: a.publishedAt.toISOString(),
          updatedAt: readDate(a.updatedAt).toISOString(),
          rubric: rubric.path,
          rubricPath: String(rubric.treePath).split('/').filter(Boolean).map((r) => rubrics.get(Number(r)).name),
          authors: authorsOf.get(id) ?? [],
          tags: (tagsOf.get(id) ?? []).sort(),
          wordCount: Number(a.wordCount),
          viewCount: views.get(id) ?? 0,
          commentCount: commentsOf.get(id) ?? 0,
        };
      });
  }

  /** URLs are editorial's to build; tags compared as sets. */
  const comparable = (rows: ExportRow[]) => rows.map((r) => ({ ...r, url: '', tags: [...r.tags].sort() }));

  beforeAll(async () => {
    fx = await startNewsroomFixture(backend, 'audience_export', 150, { subgraphs: { audience: audienceTestConfig() } });
    await prepareAccounts(fx);
    const admin = await signInAs(fx, [Role.Admin]);
    const service = await serviceSignIn(fx, admin, [ServiceScope.Export]);
    [exportToken, exportSecret] = [service.token, service.secret];
    // Some readers and some approved comments, so the counts are not all zero.
    const ids = await publicArticleIds(fx, 8);
    for (const [i, id] of ids.entries()) expect((await sendBeacon(fx, Array.from({ length: i + 1 }, () => ({ articleId: id })))).status).toBe(204);
    await audienceRuntime(fx).settle();
    const reader = await signInAs(fx, []);
    const moderator = await signInAs(fx, [Role.Moderator]);
    const posted: string[] = [];
    for (const body of ['Très juste.', 'Je ne suis pas d’accord, "vraiment", pas du tout.', 'Merci pour cet article']) {
      const res = await gql(fx.url, `mutation($input: PostCommentInput!) { postComment(input: $input) { id } }`, { input: { articleId: String(ids[1]), body } }, reader.headers);
      expect(res.errors).toBeUndefined();
      posted.push(res.data.postComment.id);
    }
    const approved = await gql(fx.url, `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`, { ids: posted }, moderator.headers);
    expect(approved.errors).toBeUndefined();
    expected = await expectedRows();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('writes every published article, newest first, as in the databases (NDJSON)', async () => {
    const { text, result } = await runExport(fx, exportToken, 'ndjson');
    const rows = text.trimEnd().split('\n').map((line) => JSON.parse(line) as ExportRow);
    expect(result.rows).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(100);
    expect(comparable(rows)).toEqual(comparable(expected));
    expect(rows.some((r) => r.viewCount > 0) && rows.some((r) => r.commentCount === 3)).toBe(true);
    for (const r of rows) expect(r.url).toMatch(new RegExp(`/${r.rubric}/${r.slug}$`));
    expect(result.feedCursor === null || typeof result.feedCursor === 'string').toBe(true);
  });

  it('writes the same rows as CSV, quoting what needs it', async () => {
    const { text } = await runExport(fx, exportToken, 'csv');
    const [header, ...cells] = parseCsv(text);
    expect(header).toEqual(CSV_COLUMNS);
    const asCsv = comparable(expected).map((r) => CSV_COLUMNS.map((c) => (c === 'rubricPath' ? r.rubricPath.join(' > ') : Array.isArray(r[c]) ? (r[c] as string[]).join(' | ') : String(r[c] ?? ''))));
    const got = cells.map((row) => row.map((cell, i) => (CSV_COLUMNS[i] === 'url' ? '' : CSV_COLUMNS[i] === 'tags' ? cell.split(' | ').filter(Boolean).sort().join(' | ') : cell)));
    expect(got).toEqual(asCsv);
  });

  it('stops at --since', async () => {
    const since = new Date(expected[9].publishedAt!);
    const { text } = await runExport(fx, exportToken, 'ndjson', since);
    const ids = text.trimEnd().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toEqual(expected.filter((r) => Date.parse(r.publishedAt!) >= since.getTime()).map((r) => r.id));
  });

  it('needs an analyst or an export token', async () => {
    const reader = await signInAs(fx, []);
    await expect(runExport(fx, reader.token, 'ndjson')).rejects.toThrow(/FORBIDDEN/);
  });

  it('runs as `npm run export` against a gateway with a service token secret', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'export-')), 'articles.csv');
    const { stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/export.ts', '--format', 'csv', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, GATEWAY_URL: fx.url, EXPORT_TOKEN: exportSecret, PROGRESS: '1' },
    });
    const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8'));
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows.map((r) => Number(r[0]))).toEqual(expected.map((r) => r.id));
    expect(stderr).toMatch(new RegExp(`Exported ${expected.length} articles`));
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('starts the supergraph itself when given no gateway, and signs its own token', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...databaseEnv(fx), PROGRESS: '0' };
    delete env.GATEWAY_URL;
    delete env.EXPORT_TOKEN;
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'src/cli/export.ts', '--format', 'ndjson'], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    const rows = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as ExportRow);
    expect(comparable(rows)).toEqual(comparable(expected));
  });
});
