import fs from 'node:fs';
import { startNewsroom } from '../../src/app/newsroom-app';
import { gql } from '../support/graphql-client';
import { LARGE_EDITORIAL_BUILD_TIMEOUT_MS, largeEditorialDatabase } from '../support/large-editorial-database';

/**
 * The cached archive the hostile-input suite builds on. Small here (the helper's cost is the
 * same code at any size); `LARGE_DB_ARTICLES=100000` runs it at full size.
 */
describe('a cached large editorial database', () => {
  const articles = Number(process.env.LARGE_DB_ARTICLES ?? 3000);

  it('is seeded once, then copied, and serves search through the gateway', async () => {
    const first = await largeEditorialDatabase({ articles });
    const second = await largeEditorialDatabase({ articles });
    try {
      console.log(`large editorial database (${articles} articles): first call ${first.ms} ms (built: ${first.built}), second ${second.ms} ms`);
      expect(second.built).toBe(false);
      const [a, b] = [first.target, second.target].map((t) => (t.kind === 'sqlite' ? t.file : ''));
      expect(a).not.toBe(b);
      expect(fs.statSync(a).size).toBe(fs.statSync(b).size);
      const app = await startNewsroom({ targets: { editorial: second.target }, responseCache: false });
      try {
        const res = await gql(app.url, `{ articles(first: 1) { totalCount } search(query: "de", first: 3) { totalCount nodes { id } } }`);
        expect(res.errors).toBeUndefined();
        expect(res.data.articles.totalCount).toBeGreaterThan(articles * 0.9);
        expect(res.data.search.nodes).toHaveLength(3);
      } finally {
        await app.stop();
      }
    } finally {
      first.cleanup();
      second.cleanup();
    }
  }, LARGE_EDITORIAL_BUILD_TIMEOUT_MS);
});
