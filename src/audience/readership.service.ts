import type { AudienceRuntime } from './audience-runtime';
import { dayOf, hourOf } from './time-buckets';

/**
 * Values equal to the GraphQL names: a subgraph schema is rebuilt from SDL, where an argument's
 * default (`window = DAY`) is read before enum values are mapped, so it arrives as the name.
 */
export enum ReadershipWindow {
  Day = 'DAY',
  Week = 'WEEK',
  Month = 'MONTH',
}

/**
 * "En ce moment" scores an article by its views of the last 24 hours, each hour's views
 * halved every 4 hours of age: score = Σ views(h) · 0.5^(age(h) / 4). The current, partial
 * hour counts in full, so a story breaking now rises within minutes, and one that was read
 * all morning but no longer fades out in the afternoon instead of squatting the list all
 * day the way a plain 24-hour sum would (that is `mostRead(window: DAY)`).
 */
export const TRENDING_HALF_LIFE_HOURS = 4;
export const TRENDING_HOURS = 24;

const WEIGHT_CASE = `CASE ? - v.hour ${Array.from({ length: TRENDING_HOURS }, (_, age) => `WHEN ${age} THEN ${Math.pow(0.5, age / TRENDING_HALF_LIFE_HOURS).toFixed(6)}`).join(' ')} ELSE 0 END`;

/** Most read: a rolling 24 hours from the hourly rows; 7 or 30 whole UTC days, today included, from the daily ones. */
const WINDOW_DAYS: Record<Exclude<ReadershipWindow, ReadershipWindow.Day>, number> = {
  [ReadershipWindow.Week]: 7,
  [ReadershipWindow.Month]: 30,
};

/**
 * Rankings, from the aggregates only, joined with this subgraph's own copy of which articles
 * are public and under which rubrics (`article_meta`): a rubric filter is "its id is in the
 * article's rubric path", so a rubric's ranking includes its sub-rubrics. Ties go to the
 * newer article (higher id). Each ranking is one statement, shared through the ranking
 * cache; the gateway then resolves the returned articles from editorial.
 */
export class ReadershipService {
  constructor(private readonly rt: AudienceRuntime) {}

  trending(rubricId: number | null, limit: number, now = new Date()): Promise<number[]> {
    return this.rt.rankings.get(`trending:${rubricId ?? ''}:${limit}`, async () => {
      const hour = hourOf(now.getTime());
      const { join, params } = this.metaJoin(rubricId);
      const rows = await this.rt.dataSource.query(
        `SELECT v.articleId AS articleId, SUM(v.views * ${WEIGHT_CASE}) AS score
         FROM page_view_hourly v ${join}
         WHERE v.hour > ? AND v.hour <= ?
         GROUP BY v.articleId ORDER BY score DESC, v.articleId DESC LIMIT ?`,
        [hour, ...params, hour - TRENDING_HOURS, hour, limit],
      );
      return ids(rows);
    });
  }

  mostRead(rubricId: number | null, window: ReadershipWindow, limit: number, now = new Date()): Promise<number[]> {
    return this.rt.rankings.get(`most-read:${window}:${rubricId ?? ''}:${limit}`, async () => {
      const { join, params } = this.metaJoin(rubricId);
      const [table, column, last, span] =
        window === ReadershipWindow.Day
          ? ['page_view_hourly', 'hour', hourOf(now.getTime()), 24]
          : ['page_view_daily', 'day', dayOf(now.getTime()), WINDOW_DAYS[window]];
      const rows = await this.rt.dataSource.query(
        `SELECT v.articleId AS articleId, SUM(v.views) AS score
         FROM ${table} v ${join}
         WHERE v.${column} > ? AND v.${column} <= ?
         GROUP BY v.articleId ORDER BY score DESC, v.articleId DESC LIMIT ?`,
        [...params, last - span, last, limit],
      );
      return ids(rows);
    });
  }

  private metaJoin(rubricId: number | null): { join: string; params: string[] } {
    const join = 'JOIN article_meta m ON m.articleId = v.articleId AND m.listed = 1';
    return rubricId === null ? { join, params: [] } : { join: `${join} AND m.rubricPath LIKE ?`, params: [`%/${rubricId}/%`] };
  }
}

function ids(rows: Array<{ articleId: number | string }>): number[] {
  return rows.map((r) => Number(r.articleId));
}

