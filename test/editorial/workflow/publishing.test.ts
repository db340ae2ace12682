import { execFile } from 'node:child_process';
import path from 'node:path';
import { In, IsNull, type DataSource } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import { runScheduledJobs } from '../../../src/editorial/workflow/scheduler';
import { signPreviewToken } from '../../../src/editorial/workflow/preview-token';
import { backends } from '../../support/backends';
import { errorCodes, gql } from '../../support/graphql-client';
import { draft, move, startDesk, type Desk } from './workflow-fixture';

describe.each(backends())('scheduling, embargo and preview (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'publishing');
  });
  afterAll(() => desk?.fx.stop());

  const ds = () => desk.fx.app.dataSources.get('editorial')!;
  const approved = async () => {
    const a = await draft(desk, desk.editor);
    await move(desk, desk.editor, 'submitArticle', a.id);
    await move(desk, desk.editor, 'approveArticle', a.id);
    return a;
  };
  const publicRead = (slug: string) => gql(desk.fx.url, `{ article(slug: "${slug}") { id } }`);

  it('refuses to schedule in the past or absurdly far, and publishes on time exactly once with two scheduler instances', async () => {
    const a = await approved();
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect(await move(desk, desk.editor, 'scheduleArticle', a.id, `, publishAt: "${past}"`)).toBe('BAD_USER_INPUT');
    expect(await move(desk, desk.editor, 'scheduleArticle', a.id, `, publishAt: "3000-01-01T00:00:00Z"`)).toBe('BAD_USER_INPUT');
    const soon = new Date(Date.now() + 60_000);
    expect(await move(desk, desk.editor, 'scheduleArticle', a.id, `, publishAt: "${soon.toISOString()}"`)).toBe('SCHEDULED');
    const b = await approved();
    expect(await move(desk, desk.editor, 'scheduleArticle', b.id, `, publishAt: "${new Date(Date.now() + 90_000).toISOString()}"`)).toBe('SCHEDULED');
    expect(errorCodes(await publicRead(a.slug))).toEqual(['NOT_FOUND']);
    // Nothing is due yet.
    expect(await runScheduledJobs(ds(), new Date())).toEqual({ published: [], unpublished: [], embargoesLifted: [] });
    // "Restart" after downtime: two scheduler processes wake up at once, past both times.
    const later = new Date(Date.now() + 120_000).toISOString();
    const runs = await Promise.all([0, 1].map(() => schedulerProcess(databaseUrlOf(ds()), later)));
    const published = runs.flatMap((r) => r.published).sort((x, y) => x - y);
    expect({ published, runs }).toEqual({ published: [Number(a.id), Number(b.id)].sort((x, y) => x - y), runs });
    const audit = await ds().getRepository(EditorialAuditEntry).find({ where: { action: 'article.publish', userId: IsNull() } });
    for (const id of [a.id, b.id]) expect(audit.filter((e) => e.entityId === Number(id))).toHaveLength(1);
    // Published, and public from its scheduled time (a minute from now), not from when the pass ran.
    const rows = await ds().getRepository(Article).findBy({ id: In([Number(a.id), Number(b.id)]) });
    expect(rows.map((r) => r.status)).toEqual(['published', 'published']);
    expect(rows.find((r) => r.id === Number(a.id))!.publishedAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('unpublishes on time', async () => {
    const a = await approved();
    const at = new Date(Date.now() + 30_000).toISOString();
    expect(await move(desk, desk.editor, 'publishArticle', a.id, `, unpublishAt: "${at}"`)).toBe('PUBLISHED');
    expect(errorCodes(await publicRead(a.slug))).toEqual([]);
    const run = await runScheduledJobs(ds(), new Date(Date.now() + 60_000));
    expect(run.unpublished).toContain(Number(a.id));
    expect(errorCodes(await publicRead(a.slug))).toEqual(['NOT_FOUND']);
  });

  it('hides an embargoed article from the public and its lists whatever its status, but not from editors', async () => {
    const until = new Date(Date.now() + 3600_000).toISOString();
    const a = await draft(desk, desk.editor, { embargoUntil: until, primaryRubricId: '1' });
    await move(desk, desk.editor, 'submitArticle', a.id);
    await move(desk, desk.editor, 'approveArticle', a.id);
    expect(await move(desk, desk.editor, 'publishArticle', a.id)).toBe('PUBLISHED');
    expect(errorCodes(await publicRead(a.slug))).toEqual(['NOT_FOUND']);
    const lists = await gql(desk.fx.url, `{ articles(first: 100) { nodes { id } } rubric(slug: "maroc") { articles(first: 100) { nodes { id } } } search(query: "brouillon") { nodes { id } } }`);
    const listed = [...lists.data.articles.nodes, ...lists.data.rubric.articles.nodes, ...lists.data.search.nodes].map((n: any) => n.id);
    expect(listed).not.toContain(a.id);
    const asEditor = await gql(desk.fx.url, `{ article(slug: "${a.slug}") { id embargoUntil } }`, {}, desk.editor.headers);
    expect(asEditor.data.article).toEqual({ id: a.id, embargoUntil: until });
    // Lifting the embargo makes it public at once.
    const row = await ds().getRepository(Article).findOneByOrFail({ id: Number(a.id) });
    await gql(desk.fx.url, `mutation { updateArticle(id: "${a.id}", version: ${row.version}, input: { embargoUntil: null }) { id } }`, {}, desk.editor.headers);
    expect(errorCodes(await publicRead(a.slug))).toEqual([]);
  });

  it('shows a draft through a valid preview link, and refuses expired or tampered ones', async () => {
    const a = await draft(desk, desk.journalist, { title: 'Enquête à paraître' });
    const link = await gql(desk.fx.url, `mutation { createArticlePreview(id: "${a.id}") { token url expiresAt } }`, {}, desk.journalist.headers);
    const token = link.data.createArticlePreview.token as string;
    expect(link.data.createArticlePreview.url).toContain(encodeURIComponent(token));
    const anonymous = await gql(desk.fx.url, `query($t: String!) { articlePreview(token: $t) { title status body { __typename } breadcrumb { name } } }`, { t: token });
    expect(anonymous.data.articlePreview).toMatchObject({ title: 'Enquête à paraître', status: 'DRAFT' });
    expect(anonymous.data.articlePreview.body.length).toBe(2);
    const expired = (await signPreviewToken(Number(a.id), -10)).token;
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const [t, reason] of [[expired, 'expired'], [tampered, 'invalid']]) {
      const res = await gql(desk.fx.url, `query($t: String!) { articlePreview(token: $t) { title } }`, { t });
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.errors![0].extensions!.reason).toBe(reason);
    }
    // Someone else's draft cannot be previewed by a journalist who does not sign it.
    const other = await gql(desk.fx.url, `mutation { createArticlePreview(id: "${a.id}") { token } }`, {}, desk.otherJournalist.headers);
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
  });
});

/** EDITORIAL_DATABASE_URL for another process to reach the same database. */
function databaseUrlOf(ds: DataSource): string {
  const o = ds.options as { type: string; database?: string; url?: string };
  return o.type === 'better-sqlite3' ? `sqlite:${o.database}` : o.url!;
}

/** One pass of the scheduler in its own process, as a separate instance would run it. */
function schedulerProcess(databaseUrl: string, now: string): Promise<{ published: number[]; unpublished: number[]; embargoesLifted: number[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'src/cli/scheduler.ts', '--once', '--now', now],
      { cwd: path.resolve(__dirname, '../../..'), env: { ...process.env, EDITORIAL_DATABASE_URL: databaseUrl } },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop()!))),
    );
  });
}
