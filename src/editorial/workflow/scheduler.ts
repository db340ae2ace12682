import { In, type DataSource, type EntityManager } from 'typeorm';
import { Article } from '../../../entities/editorial/article.entity';
import { isMysql } from '../../db/data-source';
import { sqlDate } from '../../db/sql-values';
import { writeTransaction } from '../../db/write-transaction';
import { contentEvents, type ContentEvent } from '../../events/content-events';
import { ArticleStore } from '../article-store';
import { recordAudit } from './editorial-audit';

export type SchedulerRun = { published: number[]; unpublished: number[] };

/**
 * Publishes scheduled articles whose time has come and takes down those whose unpublish time
 * has. Safe with any number of instances: each article is claimed by a conditional UPDATE
 * (status still scheduled, or still published), so exactly one instance flips it; on MySQL
 * candidates are also read `FOR UPDATE SKIP LOCKED` so instances split the work instead of
 * queueing on each other. Anything that fell due while every instance was down is caught up
 * on the next run, since "due" is simply "time ≤ now".
 */
export async function runScheduledJobs(ds: DataSource, now = new Date(), batch = 100): Promise<SchedulerRun> {
  const store = new ArticleStore(ds);
  const run: SchedulerRun = { published: [], unpublished: [] };
  const events: ContentEvent[] = [];
  await writeTransaction(ds, 'article', async (m) => {
    for (const id of await dueIds(m, 'scheduled', 'publishedAt', now, batch)) {
      if (await claim(m, id, 'scheduled', 'published', now, { unpublishAt: undefined })) {
        run.published.push(id);
        events.push({ type: 'article.published', articleId: id });
      }
    }
    for (const id of await dueIds(m, 'published', 'unpublishAt', now, batch)) {
      if (await claim(m, id, 'published', 'unpublished', now, { unpublishAt: null })) {
        run.unpublished.push(id);
        events.push({ type: 'article.unpublished', articleId: id });
      }
    }
    const touched = [...run.published, ...run.unpublished];
    if (touched.length) {
      // Only visibility changed: lists are rebuilt, the search index stays as it is.
      const articles = await m.getRepository(Article).findBy({ id: In(touched) });
      await store.refreshDerived(m, articles, { search: false });
    }
  });
  for (const e of events) await contentEvents.emit(e);
  return run;
}

async function dueIds(m: EntityManager, status: string, column: 'publishedAt' | 'unpublishAt', now: Date, batch: number): Promise<number[]> {
  const lock = isMysql(m.connection) ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows: Array<{ id: number }> = await m.query(
    `SELECT id FROM article WHERE status = ? AND ${column} IS NOT NULL AND ${column} <= ? ORDER BY ${column}, id LIMIT ${batch}${lock}`,
    [status, sqlDate(m, now)],
  );
  return rows.map((r) => Number(r.id));
}

async function claim(m: EntityManager, id: number, from: string, to: string, now: Date, extra: { unpublishAt?: null }): Promise<boolean> {
  const set: Record<string, unknown> = { status: to, updatedAt: now, version: () => 'version + 1' };
  if (extra.unpublishAt === null) set.unpublishAt = null;
  const result = await m.createQueryBuilder().update(Article).set(set).where('id = :id AND status = :from', { id, from }).execute();
  if (!result.affected) return false;
  await recordAudit(m, { action: to === 'published' ? 'article.publish' : 'article.unpublish', entityType: 'article', entityId: id, userId: null, before: { status: from }, after: { status: to, by: 'scheduler' } }, now);
  return true;
}

/** Runs the scheduler every `intervalMs` until stopped; a failed run is logged and retried next time. */
export function startScheduler(ds: DataSource, intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 15_000)): () => void {
  let running = false;
  const tick = async () => {
    if (running || !ds.isInitialized) return;
    running = true;
    try {
      await runScheduledJobs(ds);
    } catch (err) {
      console.error('[scheduler]', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
