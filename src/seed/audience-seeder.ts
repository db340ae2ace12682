import type { DataSource } from 'typeorm';
import { dayOf, hourOf } from '../audience/time-buckets';
import { upsertRows } from '../audience/upsert';
import { demoPublicationWindow } from './editorial-seeder';
import { Random } from './random';

const HOUR_MS = 3600 * 1000;
const DAYS = 7;
/** Hourly rows are kept for the last two days: every hourly ranking looks at 24 hours at most. */
const HOURLY_ROWS_FOR = 48;

/** Share of a day's readers by UTC hour (Morocco is UTC+1): night lull, morning and evening peaks. */
const HOUR_SHAPE = [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.1, 1.6, 1.5, 1.2, 1.0, 1.1, 1.4, 1.2, 0.9, 0.9, 1.0, 1.1, 1.3, 1.6, 1.7, 1.4, 0.9, 0.5];

/**
 * A week of demo page views, so "En ce moment", "Les plus lus" and view counts are alive on
 * the first start. Each article is read from its publication on, a lot at first and less
 * every hour after (half-life of a day), more for a few popular ones, following the day's
 * rhythm. Written as the aggregates the ingestion flusher writes (hourly rows for the last two
 * days, daily rows and totals for the week), so the rankings read them as they would real views.
 * Article ids follow the editorial demo seeder; views of an article the public cannot see are
 * never ranked. Does nothing when views already exist.
 */
export async function seedAudienceDemo(ds: DataSource, options: { articles?: number; seed?: number; now?: Date } = {}): Promise<void> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM article_view_total');
  if (Number(n) > 0) return;
  const rng = new Random(options.seed ?? 42).fork(13);
  const total = options.articles ?? Number(process.env.DEMO_ARTICLES ?? 600);
  const now = options.now ?? new Date();
  const currentHour = hourOf(now.getTime());
  const firstHour = currentHour - DAYS * 24 + 1;

  const hourly: Array<[number, number, number]> = [];
  const daily = new Map<string, [number, number, number]>();
  const totals = new Map<number, number>();
  for (let articleId = 1; articleId <= total; articleId++) {
    const published = demoPublicationWindow(articleId, total, now).to.getTime();
    // Older articles keep a trickle from search and links; the week's articles get the traffic.
    const popularity = rng.chance(0.08) ? 4 + rng.next() * 6 : 0.5 + rng.next();
    let articleViews = 0;
    for (let hour = Math.max(firstHour, hourOf(published) + 1); hour <= currentHour; hour++) {
      const ageHours = hour - published / HOUR_MS;
      const expected = 40 * popularity * HOUR_SHAPE[hour % 24] * 0.5 ** (ageHours / 24);
      const views = Math.round(expected * (0.7 + 0.6 * rng.next()));
      if (views <= 0) continue;
      articleViews += views;
      if (hour > currentHour - HOURLY_ROWS_FOR) hourly.push([hour, articleId, views]);
      const day = dayOf(hour * HOUR_MS);
      const key = `${day}:${articleId}`;
      const row = daily.get(key) ?? [day, articleId, 0];
      row[2] += views;
      daily.set(key, row);
    }
    // All-time totals include what came before the week.
    const before = published < firstHour * HOUR_MS ? Math.round(200 * popularity * rng.next()) : 0;
    if (articleViews + before > 0) totals.set(articleId, articleViews + before);
  }

  const byKey = <T extends number[]>(rows: T[]) => rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  await ds.transaction(async (m) => {
    await upsertRows(m, { table: 'page_view_hourly', key: ['hour', 'articleId'], columns: ['hour', 'articleId', 'views'], merge: { views: 'add' } }, byKey(hourly));
    await upsertRows(m, { table: 'page_view_daily', key: ['day', 'articleId'], columns: ['day', 'articleId', 'views'], merge: { views: 'add' } }, byKey([...daily.values()]));
    await upsertRows(
      m,
      { table: 'article_view_total', key: ['articleId'], columns: ['articleId', 'views'], merge: { views: 'add' } },
      [...totals.entries()].sort((a, b) => a[0] - b[0]),
    );
  });
}
