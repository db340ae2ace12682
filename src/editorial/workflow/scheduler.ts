import { In, type DataSource, type EntityManager } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { isMysql } from '../../db/data-source';
import { readDate, sqlDate } from '../../db/sql-values';
import { writeTransaction } from '../../db/write-transaction';
import type { ContentEvent } from '../../events/content-events';
import { recordEvent } from '../../events/event-outbox';
import { ArticleStore } from '../article-store';
import { recordAudit } from './editorial-audit';

export type SchedulerRun = { published: number[]; unpublished: number[]; embargoesLifted: number[] };

export type SchedulerPassOptions = {
  /** Articles of each kind handled per pass; the loop runs again at once while more are due. */
  batch?: number;
};

// Trashed articles keep their status and dates (a restore brings them back), so every query
// here leaves them out: the trash must not publish, take down or announce anything.
const DUE_PUBLICATION = `status = 'scheduled' AND trashedAt IS NULL AND publishedAt IS NOT NULL`;
const DUE_UNPUBLICATION = `status = 'published' AND trashedAt IS NULL AND unpublishAt IS NOT NULL`;
// An embargo that outlasts the publication makes the article public at its end, an instant no
// write marks: the lift is "announced" once, by setting embargoLiftedAt, so exactly one pass
// emits it. Moving the embargo later again makes embargoLiftedAt < embargoUntil: due again.
const DUE_EMBARGO_LIFT = `status = 'published' AND trashedAt IS NULL AND embargoUntil IS NOT NULL AND publishedAt IS NOT NULL
  AND embargoUntil > publishedAt AND (embargoLiftedAt IS NULL OR embargoLiftedAt < embargoUntil)`;

/**
 * One pass of the scheduler: publishes scheduled articles whose time has come, takes down
 * those whose unpublish time has, and announces embargoes that ended, each with its content
 * event, so caches, the change feed and other subgraphs learn of a visibility change that
 * happened by time alone. Safe with any number of instances: each article is claimed by a
 * conditional UPDATE, so exactly one instance flips it; on MySQL candidates are also read
 * `FOR UPDATE SKIP LOCKED` so instances split the work instead of queueing on each other.
 * Anything that fell due while every instance was down is caught up, since "due" is simply
 * "time ≤ now".
 */
export async function runScheduledJobs(ds: DataSource, now = new Date(), options: SchedulerPassOptions = {}): Promise<SchedulerRun> {
  const batch = options.batch ?? 100;
  const store = new ArticleStore(ds);
  const run: SchedulerRun = { published: [], unpublished: [], embargoesLifted: [] };
  const events: ContentEvent[] = [];
  await writeTransaction(ds, 'article', async (m) => {
    for (const id of await dueIds(m, DUE_PUBLICATION, 'publishedAt', now, batch)) {
      if (await claim(m, id, 'scheduled', 'published', now)) {
        run.published.push(id);
        events.push({ type: 'article.published', articleId: id });
      }
    }
    for (const id of await dueIds(m, DUE_UNPUBLICATION, 'unpublishAt', now, batch)) {
      if (await claim(m, id, 'published', 'unpublished', now)) {
        run.unpublished.push(id);
        events.push({ type: 'article.unpublished', articleId: id });
      }
    }
    for (const id of await dueIds(m, DUE_EMBARGO_LIFT, 'embargoUntil', now, batch)) {
      if (await claimEmbargoLift(m, id, now)) {
        run.embargoesLifted.push(id);
        events.push({ type: 'article.published', articleId: id });
      }
    }
    const touched = [...run.published, ...run.unpublished];
    if (touched.length) {
      // Only visibility changed: lists are rebuilt, the search index stays as it is. (An
      // embargo lift needs no rebuild: its list rows are dated at the embargo's end already.)
      const articles = await m.getRepository(Article).findBy({ id: In(touched) });
      await store.refreshDerived(m, articles, { search: false });
    }
    // Announced in the claiming transaction: a crash after the commit loses no announcement.
    for (const e of events) await recordEvent(m, e, now);
  });
  return run;
}

/**
 * The earliest instant at which a pass would have something to do (possibly already past,
 * when more than one batch was due), or null when nothing is scheduled. One statement; each
 * branch is a range read of an index on (status, time).
 */
export async function nextDueAt(ds: DataSource): Promise<Date | null> {
  const rows: Array<{ t: unknown }> = await ds.query(
    `SELECT MIN(t) AS t FROM (
       SELECT MIN(publishedAt) AS t FROM article WHERE ${DUE_PUBLICATION}
       UNION ALL SELECT MIN(unpublishAt) AS t FROM article WHERE ${DUE_UNPUBLICATION}
       UNION ALL SELECT MIN(embargoUntil) AS t FROM article WHERE ${DUE_EMBARGO_LIFT}
     ) due`,
  );
  const t = rows[0]?.t;
  return t === null || t === undefined ? null : readDate(t);
}

async function dueIds(m: EntityManager, condition: string, column: 'publishedAt' | 'unpublishAt' | 'embargoUntil', now: Date, batch: number): Promise<number[]> {
  const lock = isMysql(m.connection) ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows: Array<{ id: number }> = await m.query(
    `SELECT id FROM article WHERE ${condition} AND ${column} <= ? ORDER BY ${column}, id LIMIT ${batch}${lock}`,
    [sqlDate(m, now)],
  );
  return rows.map((r) => Number(r.id));
}

async function claim(m: EntityManager, id: number, from: 'scheduled' | 'published', to: 'published' | 'unpublished', now: Date): Promise<boolean> {
  const set: Record<string, unknown> = { status: to, updatedAt: now, version: () => 'version + 1' };
  if (to === 'unpublished') set.unpublishAt = null;
  const result = await m.createQueryBuilder().update(Article).set(set).where('id = :id AND status = :from', { id, from }).execute();
  if (!result.affected) return false;
  await recordAudit(m, { action: to === 'published' ? 'article.publish' : 'article.unpublish', entityType: 'article', entityId: id, userId: null, before: { status: from }, after: { status: to, by: 'scheduler' } }, now);
  return true;
}

/** Marks the embargo's end as announced; neither `version` nor `updatedAt` move, so no editor gets a CONFLICT for it. */
async function claimEmbargoLift(m: EntityManager, id: number, now: Date): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(Article)
    .set({ embargoLiftedAt: now })
    .where(`id = :id AND ${DUE_EMBARGO_LIFT} AND embargoUntil <= :now`, { id, now: sqlDate(m, now) })
    .execute();
  if (!result.affected) return false;
  await recordAudit(m, { action: 'article.embargo_lift', entityType: 'article', entityId: id, userId: null, after: { by: 'scheduler' } }, now);
  return true;
}
