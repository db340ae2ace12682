import { BROWSER_UA, audienceTestConfig, publicArticleIds, sendBeacon, storedTotals } from '../support/audience';
import { gql } from '../support/graphql-client';
import { startNewsroomFixture, type NewsroomFixture } from '../support/newsroom-fixture';

/**
 * AUDIENCE_ACK=written: a view is acknowledged only once it is in the database, so a crash
 * right after the answer (the fault suite's SIGKILL) loses nothing that was acknowledged.
 */
describe('page views acknowledged once written (AUDIENCE_ACK=written)', () => {
  let fx: NewsroomFixture;
  beforeAll(async () => {
    fx = await startNewsroomFixture('sqlite', 'ack_written', 20, { subgraphs: { audience: audienceTestConfig({ ackAfterWrite: true }) } });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('answers the beacon and the mutation only when their views are stored', async () => {
    const [article] = await publicArticleIds(fx, 1);
    const before = (await storedTotals(fx)).get(article) ?? 0;
    const beacon = await sendBeacon(fx, [{ articleId: article }, { articleId: article }]);
    expect(beacon.status).toBe(204);
    expect((await storedTotals(fx)).get(article)).toBe(before + 2);
    const res = await gql(fx.url, 'mutation($v: [PageViewInput!]!) { recordPageViews(views: $v) { accepted } }', { v: [{ articleId: String(article) }] }, { 'user-agent': BROWSER_UA });
    expect(res.data.recordPageViews.accepted).toBe(1);
    expect((await storedTotals(fx)).get(article)).toBe(before + 3);
  });
});
