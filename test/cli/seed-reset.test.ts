import { execFile } from 'node:child_process';
import path from 'node:path';
import { closeDatabases, openDatabases } from '../../src/app/open-databases';
import { startNewsroom } from '../../src/app/newsroom-app';
import type { DatabaseTarget } from '../../src/db/database-config';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { backends, scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';

/** `<SUBGRAPH>_DATABASE_URL` of each scratch database, for the seed process to reach them. */
function databaseEnv(targets: Partial<Record<string, DatabaseTarget>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, t] of Object.entries(targets)) env[`${name.toUpperCase()}_DATABASE_URL`] = t!.kind === 'sqlite' ? `sqlite:${t!.file}` : t!.url;
  return env;
}

function seedProcess(env: Record<string, string>, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'src/cli/seed.ts', ...args],
      { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, ...env, NODE_ENV: 'test' } },
      (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    );
  });
}

describe.each(backends())('npm run seed -- --reset (%s)', (backend) => {
  const scratch = scratchTargets(backend, 'seed_reset', subgraphList().map((m) => m.name));
  const env = databaseEnv(scratch.targets);
  afterAll(() => scratch.cleanup());

  it('replaces the content of every subgraph, so nothing of the old articles attaches to the new ones', async () => {
    await scratch.cleanup();
    expect(await seedProcess(env, ['--articles', '30', '--seed', '3'])).toMatchObject({ code: 0 });

    // Readers leave traces in the other subgraphs: an account, a comment, page views.
    const app = await startNewsroom({ targets: scratch.targets, responseCache: false });
    const email = `seed.reset.${process.pid}@example.test`;
    let marker = '';
    try {
      const registered = await gql(app.url, `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
        i: { email, password: 'Correct-horse-battery-9', displayName: 'Lectrice' },
      });
      expect(registered.errors).toBeUndefined();
      const listed = await gql(app.url, `{ articles(first: 1) { nodes { id } } }`);
      const articleId = listed.data.articles.nodes[0].id;
      marker = `Trace ${process.pid} de l'ancien article ${articleId}`;
      const posted = await gql(app.url, `mutation($i: PostCommentInput!) { postComment(input: $i) { id } }`, { i: { articleId, body: marker } }, {
        authorization: `Bearer ${registered.data.register.accessToken}`,
      });
      expect(posted.errors).toBeUndefined();
      const viewed = await gql(app.url, `mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { __typename } }`, { v: [{ articleId }] }, {
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
      });
      expect(viewed.errors).toBeUndefined();
    } finally {
      await app.stop();
    }

    const refused = await seedProcess(env, ['--articles', '30', '--seed', '3']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--reset');

    expect(await seedProcess(env, ['--reset', '--articles', '30', '--seed', '5'])).toMatchObject({ code: 0 });
    const dataSources = await openDatabases(subgraphList(), { targets: scratch.targets, migrate: false });
    try {
      const one = async (name: string, sql: string, params: unknown[] = []) => Number((await dataSources.get(name)!.query(sql, params))[0].n);
      expect(await one('editorial', 'SELECT COUNT(*) AS n FROM article')).toBe(30);
      expect(await one('accounts', 'SELECT COUNT(*) AS n FROM user_account WHERE email = ?', [email])).toBe(0);
      expect(await one('discussion', 'SELECT COUNT(*) AS n FROM comment WHERE body = ?', [marker])).toBe(0);
      // The audience holds the new demo's week of views, all of them on the new articles.
      expect(await one('audience', 'SELECT COUNT(*) AS n FROM article_view_total')).toBeGreaterThan(0);
      expect(await one('audience', 'SELECT COUNT(*) AS n FROM article_view_total WHERE articleId > 30')).toBe(0);
      // The demo conversations are there again, counted as the subgraph counts them.
      expect(await one('discussion', 'SELECT COUNT(*) AS n FROM comment')).toBeGreaterThan(0);
      expect(await one('discussion', 'SELECT SUM(approvedCount) AS n FROM comment_thread')).toBe(
        await one('discussion', `SELECT COUNT(*) AS n FROM comment WHERE status = 'approved'`),
      );
    } finally {
      await closeDatabases(dataSources);
    }
  });
});
