import mysql from 'mysql2/promise';
import { In } from 'typeorm';
import { Comment } from '../../entities/discussion/comment.entity';
import { BROWSER_UA } from '../support/audience';
import { PageLoad } from '../support/fault-load';
import { FLEET_SUBGRAPHS, startFleet, type Fleet } from '../support/fault-fleet';
import { gql } from '../support/graphql-client';

const PAGES_PER_PHASE = 4;
const POST = 'mutation($input: PostCommentInput!) { postComment(input: $input) { id } }';

/**
 * MariaDB drops the connections of every subgraph (KILL CONNECTION, as a failover, a
 * restart or a network cut would) while readers and a comment writer keep going. The pools
 * must reconnect: requests in flight may fail, with a code; the next ones must not, and no
 * process may die of it.
 */
(process.env.TEST_MYSQL_URL ? describe : describe.skip)('MariaDB connections killed under load (separate processes)', () => {
  let fleet: Fleet;
  let load: PageLoad | undefined;
  let admin: mysql.Connection;
  let writing = false;
  let writer: Promise<void> = Promise.resolve();
  const acked: number[] = [];

  beforeAll(async () => {
    fleet = await startFleet('mysql', 'faults_db', { articles: 30 });
    // No default database: this connection is not among those it kills.
    const url = new URL(process.env.TEST_MYSQL_URL!);
    url.pathname = '/';
    admin = await mysql.createConnection(url.toString());
  }, 60_000);
  afterAll(async () => {
    writing = false;
    await writer;
    await load?.stop();
    await admin?.end();
    await fleet?.stop();
  });

  /** Kills every connection to the fleet's databases; returns how many. */
  const killConnections = async (): Promise<number> => {
    const databases = [...fleet.dataSources.values()].map((ds) => String(ds.options.database ?? new URL(String((ds.options as { url?: string }).url)).pathname.slice(1)));
    const [rows] = await admin.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB IN (?) AND ID <> CONNECTION_ID()', [databases]);
    const ids = (rows as Array<{ ID: number }>).map((r) => r.ID);
    for (const id of ids) await admin.query(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
    return ids.length;
  };

  it('survives its connections killed twice: in-flight requests fail with a code, the next ones are served', async () => {
    await gql(fleet.gateway.url, '{ homePage { id } }');
    const [row] = await fleet.dataSources.get('editorial')!.query(`SELECT id FROM article WHERE status = 'published' ORDER BY id DESC LIMIT 1`);
    const articleId = String(row.id);
    load = new PageLoad(fleet.gateway.url, fleet.slugs, { codes: [], subgraphs: [] });
    load.start(3);
    writing = true;
    writer = (async () => {
      for (let n = 1; writing; n++) {
        const res = await gql(
          fleet.gateway.url,
          POST,
          { input: { articleId, body: `Commentaire ${n} pendant la coupure`, guestName: `Lecteur ${n}`, guestEmail: `db${n}@example.test` } },
          { 'x-forwarded-for': `10.8.${n >> 8}.${n & 255}`, 'user-agent': BROWSER_UA },
        ).catch(() => null);
        if (res?.data?.postComment?.id) acked.push(Number(res.data.postComment.id));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    load.phase = 'steady';
    await load.settle(PAGES_PER_PHASE);
    let killed = 0;
    for (const round of [1, 2]) {
      load.phase = `killing ${round}`;
      killed += await killConnections();
      load.phase = `after kill ${round}`;
      await load.settle(PAGES_PER_PHASE);
      load.phase = `recovered ${round}`;
      await load.settle(PAGES_PER_PHASE);
    }
    writing = false;
    await writer;
    await load.stop();

    const caught = load.samples.filter((s) => s.codes.length);
    console.log(`[faults] ${killed} connections killed in two rounds; ${load.samples.length} pages, ${caught.length} with errors: ${[...new Set(caught.flatMap((s) => s.codes))].join(', ') || 'none'}; ${acked.length} comments acknowledged`);
    expect(killed).toBeGreaterThan(0);
    for (const name of FLEET_SUBGRAPHS) expect({ name, alive: fleet.subgraphs[name].alive() }).toEqual({ name, alive: true });
    expect(fleet.gateway.alive()).toBe(true);
    // Pages caught by a kill may have lost fields (or be empty, when editorial's own query
    // died), but every answer is a GraphQL answer and every error has a code.
    expect(load.samples.filter((s) => s.status !== 200 || s.codes.includes('undefined')).map((s) => `${s.phase}: ${s.problems}`)).toEqual([]);
    // Pages after the pools reconnected are whole.
    for (const round of [1, 2]) {
      const recovered = load.within(`recovered ${round}`);
      expect(recovered.length).toBeGreaterThan(0);
      expect(recovered.flatMap((s) => [...s.problems, ...s.failures])).toEqual([]);
    }
    expect(load.within('steady').flatMap((s) => [...s.problems, ...s.failures])).toEqual([]);

    // Every acknowledged comment is stored.
    expect(acked.length).toBeGreaterThan(0);
    const stored = await fleet.dataSources.get('discussion')!.getRepository(Comment).findBy({ id: In(acked) });
    expect(stored.length).toBe(acked.length);
  }, 120_000);

});
