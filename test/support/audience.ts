import type { DataSource } from 'typeorm';
import type { AudienceRuntime } from '../../src/audience/audience-runtime';
import type { SubgraphConfig } from '../../src/subgraphs/subgraph-config';
import type { AppHandle } from './newsroom-fixture';

/** A reader's browser. */
export const BROWSER_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

export const AUDIENCE_TABLES = /\b(page_view_hourly|page_view_daily|article_view_total|article_meta|article_change_state|audience_sequence)\b/;

export function audienceDataSource(fx: AppHandle): DataSource {
  return fx.app.dataSources.get('audience')!;
}

export function audienceRuntime(fx: AppHandle): AudienceRuntime {
  return fx.app.runtime('audience');
}

/**
 * The audience configuration of suites about counting: fresh rankings on every request (a
 * ranking cached by one test would hide the next test's views), and, since those suites send
 * many views as one client, one view per client and article off unless asked for (`dedup:
 * true`; test/audience/view-dedup.test.ts tests it). Pass it when starting the fixture.
 */
export function audienceTestConfig(options: { dedup?: boolean; ackAfterWrite?: boolean } = {}): NonNullable<SubgraphConfig['audience']> {
  return { options: { rankingTtlMs: 0, viewWindowSeconds: options.dedup ? 1800 : 0, ...(options.ackAfterWrite ? { ackAfterWrite: true } : {}) } };
}

export function beaconUrl(fx: AppHandle): string {
  return fx.url.replace(/\/graphql$/, '/beacon');
}

export async function sendBeacon(fx: AppHandle, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(beaconUrl(fx), {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** All-time views per article, from the aggregates. */
export async function storedTotals(fx: AppHandle): Promise<Map<number, number>> {
  const rows: Array<{ articleId: number; views: number | string }> = await audienceDataSource(fx).query('SELECT articleId, views FROM article_view_total');
  return new Map(rows.map((r) => [Number(r.articleId), Number(r.views)]));
}

/** Published articles the public can see, newest first (ids). */
export async function publicArticleIds(fx: AppHandle, take = 10): Promise<number[]> {
  const rows: Array<{ id: number }> = await fx.app.dataSources
    .get('editorial')!
    .query(`SELECT id FROM article WHERE status = 'published' AND embargoUntil IS NULL ORDER BY publishedAt DESC, id DESC LIMIT ${take}`);
  return rows.map((r) => Number(r.id));
}

/** `<SUBGRAPH>_DATABASE_URL` for every database of the fixture, so a CLI in a child process opens the same ones. */
export function databaseEnv(fx: AppHandle): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, ds] of fx.app.dataSources) {
    const options = ds.options as { type: string; database?: string; url?: string };
    env[`${name.toUpperCase()}_DATABASE_URL`] = options.type === 'better-sqlite3' ? `sqlite:${options.database}` : String(options.url);
  }
  return env;
}
