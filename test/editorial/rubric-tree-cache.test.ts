import { randomUUID } from 'node:crypto';
import { sqlCounter } from '../../src/db/sql-counter';
import { createEventChannels, type EventChannels } from '../../src/events/event-channels';
import { backends } from '../support/backends';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';
import { Role, signInAs } from '../support/sign-in';

const PAGE = `query($slug: String!) { rubric(slug: $slug) { id name breadcrumb { name } articles(first: 3) { nodes { rubric { breadcrumb { name } } } } } }`;

/** Whether one of `statements` reads the rubric table itself. */
const readsRubrics = (statements: string[]) => statements.some((s) => /FROM\s+["`]?rubric["`]?(\s|$)/i.test(s));

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Without a broker the process's own channels carry the event; with TEST_REDIS_URL, Redis Streams
// between two sets of channels stand for two processes of a fleet.
const transports: Array<'local' | 'redis'> = process.env.TEST_REDIS_URL ? ['local', 'redis'] : ['local'];

describe.each(backends())('rubric tree kept between requests (%s)', (backend) => {
  describe.each(transports)('events through the %s transport', (transport) => {
    let fx: NewsroomFixture;
    let own: EventChannels | null = null;
    let other: EventChannels | null = null;
    let slug: string;
    let rubricId: number;
    beforeAll(async () => {
      if (transport === 'redis') {
        const env = { EVENT_BROKER_URL: process.env.TEST_REDIS_URL, EVENT_STREAM: `newsroom:test:${randomUUID()}` };
        own = await createEventChannels(env);
        other = await createEventChannels(env);
      }
      fx = await startNewsroomFixture(backend, `rubric_tree_${transport}`, 60, own ? { subgraphs: { events: own } } : {});
      const [first] = await fx.app.dataSources.get('editorial')!.query(`SELECT id, path FROM rubric WHERE depth = 0 ORDER BY position, id`);
      slug = first.path;
      rubricId = Number(first.id);
    });
    afterAll(async () => {
      await fx?.stop();
      await own?.close();
      await other?.close();
    });
    const page = () => sqlCounter.measure(() => gql(fx.url, PAGE, { slug }));

    it('reads the rubric table once, not on every request', async () => {
      await page();
      const again = await page();
      expect(again.result.errors).toBeUndefined();
      expect(readsRubrics(again.statements)).toBe(false);
    });

    it('shows a rename made through the admin API at once', async () => {
      const admin = (await signInAs(fx, [Role.Admin])).headers;
      const renamed = await gql(fx.url, `mutation($id: ID!) { updateRubric(id: $id, input: { name: "Renommée" }) { name } }`, { id: String(rubricId) }, admin);
      expect(renamed.errors).toBeUndefined();
      const { result, statements } = await page();
      expect(readsRubrics(statements)).toBe(true);
      expect(result.data.rubric.name).toBe('Renommée');
      expect(result.data.rubric.breadcrumb.map((b: { name: string }) => b.name).slice(1)).toEqual(['Renommée']);
      // Cards of the page (in the rubric or below it) show it in their breadcrumb.
      expect(result.data.rubric.articles.nodes[0].rubric.breadcrumb[1].name).toBe('Renommée');
    });

    it("drops the tree when another instance's rubric.changed event arrives", async () => {
      // Another instance commits a change to the shared database and publishes its event.
      await fx.app.dataSources.get('editorial')!.query(`UPDATE rubric SET name = ? WHERE id = ?`, ['Ailleurs', rubricId]);
      expect((await page()).result.data.rubric.name).toBe('Renommée');
      const publisher = (other ?? fx.app.channels).transport;
      await publisher.publish([{ id: randomUUID(), source: 'editorial', occurredAt: new Date().toISOString(), event: { type: 'rubric.changed', rubricId } }]);
      await until(async () => (await page()).result.data.rubric.name === 'Ailleurs', 'the renamed rubric');
    });
  });
});
