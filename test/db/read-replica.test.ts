import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import type { DatabaseTarget } from '../../src/db/database-config';
import { seedEditorial } from '../../src/seed/editorial-seeder';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { gql } from '../support/graphql-client';
import { startMariadbPair, type MariadbPair, type MariadbServer } from '../support/mariadb-pair';
import { Role, signInAs } from '../support/sign-in';

/**
 * Reads on a MySQL read replica, writes and read-your-own-writes on the primary, against two
 * real MariaDB servers on loopback (the second replicating the first). Runs with the MySQL
 * suites (TEST_MYSQL_URL), and then fails rather than skips when the server binaries are missing.
 */
const describeMysql = process.env.TEST_MYSQL_URL ? describe : describe.skip;

function counter(server: MariadbServer, name: string): number {
  return Number(server.sql(`SHOW GLOBAL STATUS LIKE '${name}'`).trim().split('\t')[1]);
}

function writes(server: MariadbServer): number {
  return ['Com_insert', 'Com_update', 'Com_delete', 'Com_replace'].reduce((sum, name) => sum + counter(server, name), 0);
}

async function caughtUp(pair: MariadbPair, database: string, table: string): Promise<void> {
  const count = (s: MariadbServer) => s.sql(`SELECT COUNT(*) FROM \`${database}\`.\`${table}\``).trim();
  for (let i = 0; i < 200; i += 1) {
    try {
      if (count(pair.replica) === count(pair.primary)) return;
    } catch {
      /* the table may not have reached the replica yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`replica never caught up on ${database}.${table}`);
}

const ARTICLE = `query A($slug: String!) { article(slug: $slug) { id title standfirst version } }`;

describeMysql('MySQL read replicas', () => {
  let pair: MariadbPair;
  let app: NewsroomApp;
  let slug: string;

  beforeAll(async () => {
    pair = await startMariadbPair();
    const targets: Record<string, DatabaseTarget> = {};
    for (const mod of subgraphList()) {
      const database = `replica_${mod.name}`;
      targets[mod.name] = { kind: 'mysql', url: pair.primary.url(database), database, replicas: [pair.replica.url(database)] };
    }
    // The outbox relays poll the primary in the background; slowed right down, they stay out of
    // the primary's SELECT counter this suite reads.
    app = await startNewsroom({ targets, responseCache: false, subgraphs: { env: { ...process.env, OUTBOX_POLL_MS: '600000' } } });
    await seedEditorial(app.dataSources.get('editorial')!, { seed: 3, articles: 30, paragraphs: 2 });
    await caughtUp(pair, 'replica_editorial', 'article');
    const list = await gql(app.url, `{ articles(first: 1) { nodes { slug } } }`);
    slug = list.data.articles.nodes[0].slug;
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await pair?.stop();
  });

  it('sends public reads to the replica and none to the primary', async () => {
    const before = { replica: counter(pair.replica, 'Com_select'), primary: counter(pair.primary, 'Com_select') };
    const res = await gql(app.url, `{ articles(first: 5) { nodes { title authors { name } rubric { name } } } rubrics { name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.articles.nodes).toHaveLength(5);
    expect(counter(pair.replica, 'Com_select') - before.replica).toBeGreaterThan(0);
    expect(counter(pair.primary, 'Com_select') - before.primary).toBe(0);
  });

  it('never writes to the replica, and a writer reads their own write at once despite lag', async () => {
    const editor = await signInAs({ app, url: app.url, stop: async () => undefined }, [Role.Editor]);
    pair.replica.sql('STOP SLAVE SQL_THREAD');
    try {
      const current = (await gql(app.url, ARTICLE, { slug }, editor.headers)).data.article;
      const replicaWrites = writes(pair.replica);
      const primaryWrites = writes(pair.primary);
      const saved = await gql(
        app.url,
        `mutation U($id: ID!, $v: Int!) { updateArticle(id: $id, version: $v, input: { standfirst: "Relu à l’instant « par la rédaction »" }) { standfirst } }`,
        { id: current.id, v: current.version },
        editor.headers,
      );
      expect(saved.errors).toBeUndefined();
      expect(writes(pair.primary)).toBeGreaterThan(primaryWrites);
      expect(writes(pair.replica)).toBe(replicaWrites);

      const own = await gql(app.url, ARTICLE, { slug }, editor.headers);
      expect(own.data.article.standfirst).toBe('Relu à l’instant « par la rédaction »');
      const stale = await gql(app.url, ARTICLE, { slug });
      expect(stale.data.article.standfirst).toBe(current.standfirst);
    } finally {
      pair.replica.sql('START SLAVE SQL_THREAD');
    }
    await caughtUp(pair, 'replica_editorial', 'article_revision');
    const later = await gql(app.url, ARTICLE, { slug });
    expect(later.data.article.standfirst).toBe('Relu à l’instant « par la rédaction »');
  });
});
