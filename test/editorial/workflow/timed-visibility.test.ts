import { setTimeout as sleep } from 'node:timers/promises';
import { IsNull } from 'typeorm';
import { EditorialAuditEntry } from '../../../entities/editorial/editorial-audit-entry.entity';
import type { ContentEvent, ContentEventBus } from '../../../src/events/content-events';
import { PublicationScheduler } from '../../../src/editorial/workflow/publication-scheduler';
import { runScheduledJobs } from '../../../src/editorial/workflow/scheduler';
import { backends } from '../../support/backends';
import { errorCodes, gql } from '../../support/graphql-client';
import { draft, move, startDesk, type Desk } from './workflow-fixture';

/** An anonymous POST that reports whether the response cache answered. */
async function cachedRead(url: string, query: string): Promise<{ cache: string | null; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { cache: res.headers.get('x-cache'), body: await res.text() };
}

/** Resolves with the first event matching `match` (the test's own timeout bounds the wait). */
function nextEvent(bus: ContentEventBus, match: (e: ContentEvent) => boolean): Promise<ContentEvent> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe((e) => {
      if (!match(e)) return;
      unsubscribe();
      resolve(e);
    });
  });
}

describe.each(backends())('visibility that changes by time (%s)', (backend) => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk(backend, 'timed_visibility', { responseCache: true });
  });
  afterAll(() => desk?.fx.stop());

  const ds = () => desk.fx.app.dataSources.get('editorial')!;
  const approved = async (input: Record<string, unknown> = {}) => {
    const a = await draft(desk, desk.editor, input);
    await move(desk, desk.editor, 'submitArticle', a.id);
    await move(desk, desk.editor, 'approveArticle', a.id);
    return a;
  };

  it('announces the end of an embargo, so cached search and rubric lists show the article at once', async () => {
    const word = `zorglub${backend}`;
    // Long enough for the writes and the two reads below to happen before it ends, even on a busy machine.
    const until = new Date(Date.now() + 4000);
    const a = await approved({ title: `Le ${word} sous embargo`, primaryRubricId: '1', embargoUntil: until.toISOString() });
    expect(await move(desk, desk.editor, 'publishArticle', a.id)).toBe('PUBLISHED');
    const lists = `{ search(query: "${word}") { nodes { id } } rubric(slug: "maroc") { articles(first: 100) { nodes { id } } } }`;
    const listed = (body: string) => {
      const data = JSON.parse(body).data;
      return { search: data.search.nodes.some((n: { id: string }) => n.id === a.id), rubric: data.rubric.articles.nodes.some((n: { id: string }) => n.id === a.id) };
    };
    expect((await cachedRead(desk.fx.url, lists)).cache).toBe('MISS');
    const cached = await cachedRead(desk.fx.url, lists);
    expect({ cache: cached.cache, ...listed(cached.body) }).toEqual({ cache: 'HIT', search: false, rubric: false });

    // The embargo ends; nothing was written, so until the scheduler says so the cache cannot know.
    while (Date.now() <= until.getTime() + 20) await sleep(100);
    expect(errorCodes(await gql(desk.fx.url, `{ article(slug: "${a.slug}") { id } }`))).toEqual([]);
    const stale = await cachedRead(desk.fx.url, lists);
    expect({ cache: stale.cache, ...listed(stale.body) }).toEqual({ cache: 'HIT', search: false, rubric: false });
    const run = await runScheduledJobs(ds());
    // Announced through editorial's outbox: relayed now, as the relay would at once on its own.
    await desk.fx.app.settleEvents();
    expect(run.embargoesLifted).toEqual([Number(a.id)]);
    const fresh = await cachedRead(desk.fx.url, lists);
    expect({ cache: fresh.cache, ...listed(fresh.body) }).toEqual({ cache: 'MISS', search: true, rubric: true });
    // Announced once, whatever the number of passes or instances.
    expect((await runScheduledJobs(ds())).embargoesLifted).toEqual([]);
    const audit = await ds().getRepository(EditorialAuditEntry).findBy({ action: 'article.embargo_lift', entityId: Number(a.id) });
    expect(audit).toHaveLength(1);
  });

  it('announces a scheduled publication and the end of an embargo that outlasts it, each at its own time', async () => {
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    const a = await approved({ embargoUntil: at(120).toISOString() });
    expect(await move(desk, desk.editor, 'scheduleArticle', a.id, `, publishAt: "${at(60).toISOString()}"`)).toBe('SCHEDULED');
    const events: ContentEvent[] = [];
    const unsubscribe = desk.fx.app.events.subscribe((e) => void ('articleId' in e && e.articleId === Number(a.id) && events.push(e)));
    try {
      // Passes as of later times, as the timer would run them.
      expect(await runScheduledJobs(ds(), at(90))).toMatchObject({ published: [Number(a.id)], embargoesLifted: [] });
      expect(await runScheduledJobs(ds(), at(100))).toMatchObject({ published: [], embargoesLifted: [] });
      expect(await runScheduledJobs(ds(), at(130))).toMatchObject({ published: [], embargoesLifted: [Number(a.id)] });
      await desk.fx.app.settleEvents();
      expect(events.map((e) => e.type)).toEqual(['article.published', 'article.published']);
    } finally {
      unsubscribe();
    }
  });

  it('publishes and unpublishes within a second of the due time, woken by the schedule rather than by polling', async () => {
    const scheduler = new PublicationScheduler(ds(), { bus: desk.fx.app.events, safetyPollMs: 60_000 }).start();
    try {
      while (!scheduler.nextWakeAt) await sleep(10);
      // Nothing due: the next look at the database is the safety poll, a minute away.
      expect(scheduler.nextWakeAt.getTime() - Date.now()).toBeGreaterThan(30_000);

      const a = await approved();
      const publishAt = new Date(Date.now() + 1500);
      const unpublishAt = new Date(publishAt.getTime() + 1500);
      const published = nextEvent(desk.fx.app.events, (e) => e.type === 'article.published' && 'articleId' in e && e.articleId === Number(a.id));
      const unpublished = nextEvent(desk.fx.app.events, (e) => e.type === 'article.unpublished' && 'articleId' in e && e.articleId === Number(a.id));
      const scheduled = await move(desk, desk.editor, 'scheduleArticle', a.id, `, publishAt: "${publishAt.toISOString()}", unpublishAt: "${unpublishAt.toISOString()}"`);
      expect(scheduled).toBe('SCHEDULED');
      // The schedule's own event re-armed the timer for its time.
      expect(scheduler.nextWakeAt!.getTime()).toBeLessThanOrEqual(publishAt.getTime() + 50);

      await published;
      await unpublished;
      const passes = await ds().getRepository(EditorialAuditEntry).find({ where: { entityId: Number(a.id), userId: IsNull() }, order: { id: 'ASC' } });
      const lateness = (action: string, due: Date) => passes.find((p) => p.action === action)!.createdAt.getTime() - due.getTime();
      for (const late of [lateness('article.publish', publishAt), lateness('article.unpublish', unpublishAt)]) {
        expect(late).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThan(1000);
      }
    } finally {
      await scheduler.stop();
    }
  });
});
