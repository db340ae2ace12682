/**
 * How late scheduled articles go out, and what it costs the database, for three schedulers
 * over the same SQLite newsroom: the one the project runs (wakes at the next due time, re-armed
 * by content events, 60 s safety poll), a poll every second (as punctual, the obvious way) and
 * the former poll every 15 s.
 *
 *   npm run bench:scheduler [-- --articles 20000 --window 20]
 *
 * Each run schedules 20 articles at random instants over the window, as an editor would (the
 * schedule's write emits its event), and measures for each publication the time between its due
 * time and the scheduler's claim (its audit entry), and the SQL statements sent meanwhile.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { In, IsNull } from 'typeorm';
import type { DataSource } from 'typeorm';
import { Article } from '../entities/editorial/article.entity';
import { EditorialAuditEntry } from '../entities/editorial/editorial-audit-entry.entity';
import { closeDatabases, openDatabases } from '../src/app/open-databases';
import { argValue } from '../src/cli/args';
import { sqlCounter } from '../src/db/sql-counter';
import { PublicationScheduler } from '../src/editorial/workflow/publication-scheduler';
import { runScheduledJobs } from '../src/editorial/workflow/scheduler';
import { ContentEventBus } from '../src/events/content-events';
import { seedEditorial } from '../src/seed/editorial-seeder';
import { editorialSubgraph } from '../src/subgraphs/editorial.subgraph';

const SCHEDULED = 20;

type Strategy = { name: string; start(ds: DataSource, bus: ContentEventBus): () => Promise<void> };

/** A plain fixed-interval poll, as the scheduler was before (15 s) or would need to be for the same precision (1 s). */
const poll = (ms: number): Strategy => ({
  name: `poll every ${ms / 1000} s`,
  start(ds, _bus) {
    const tick = () => runScheduledJobs(ds, new Date()).catch((err) => console.error(err));
    const timer = setInterval(() => void tick(), ms);
    void tick();
    return async () => clearInterval(timer);
  },
});

const STRATEGIES: Strategy[] = [
  {
    name: 'wake at due time (project)',
    start(ds, bus) {
      const scheduler = new PublicationScheduler(ds, { bus, safetyPollMs: 60_000 }).start();
      return () => scheduler.stop();
    },
  },
  poll(1000),
  poll(15_000),
];

async function measure(ds: DataSource, strategy: Strategy, candidates: number[], windowMs: number) {
  const bus = new ContentEventBus();
  const stop = strategy.start(ds, bus);
  await sleep(200);
  const before = sqlCounter.total;
  const startedAt = Date.now();
  const due = new Map<number, number>();
  for (const id of candidates) {
    const at = new Date(Date.now() + 500 + Math.random() * (windowMs - 1000));
    await ds.getRepository(Article).update(id, { status: 'scheduled', publishedAt: at });
    due.set(id, at.getTime());
    await bus.emit({ type: 'article.updated', articleId: id });
  }
  await sleep(windowMs + 500 - (Date.now() - startedAt));
  const statements = sqlCounter.total - before;
  const elapsed = Date.now() - startedAt;
  await stop();
  // The 15 s poll may leave some for after the window: they count as late as the window's end.
  const claims = await ds.getRepository(EditorialAuditEntry).find({ where: { entityId: In(candidates), action: 'article.publish', userId: IsNull() } });
  const late = candidates.map((id) => {
    const claim = claims.find((c) => c.entityId === id);
    return (claim ? claim.createdAt.getTime() : startedAt + elapsed) - due.get(id)!;
  });
  late.sort((a, b) => a - b);
  return { strategy: strategy.name, statementsPerMinute: (statements / elapsed) * 60_000, p50: late[Math.floor(late.length / 2)], max: late[late.length - 1], missed: SCHEDULED - new Set(claims.map((c) => c.entityId)).size };
}

async function main(): Promise<void> {
  const articles = Number(argValue('--articles') ?? 20_000);
  const windowMs = Number(argValue('--window') ?? 20) * 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scheduler-'));
  const dataSources = await openDatabases([editorialSubgraph], { targets: { editorial: { kind: 'sqlite', file: path.join(dir, 'editorial.sqlite') } } });
  const ds = dataSources.get('editorial')!;
  try {
    await seedEditorial(ds, { seed: 5, articles, paragraphs: 1 });
    // Nothing of the seed's own schedule may fall due during the runs.
    await ds.query(`UPDATE article SET status = 'approved' WHERE status = 'scheduled'`);
    const rows: Array<{ id: number }> = await ds.query(`SELECT id FROM article WHERE status = 'approved' ORDER BY id LIMIT ${SCHEDULED * STRATEGIES.length}`);
    const ids = rows.map((r) => Number(r.id));
    console.log(`${articles} articles, ${SCHEDULED} publications over ${windowMs / 1000} s per scheduler (SQLite)\n`);
    const results = [];
    for (const [i, strategy] of STRATEGIES.entries()) results.push(await measure(ds, strategy, ids.slice(i * SCHEDULED, (i + 1) * SCHEDULED), windowMs));
    const base = results[1];
    console.log('| scheduler | late p50 ms | late max ms | SQL statements/min | × poll every 1 s |');
    console.log('|---|---|---|---|---|');
    for (const r of results) {
      console.log(`| ${r.strategy} | ${r.p50} | ${r.max} | ${r.statementsPerMinute.toFixed(0)} | ${(r.statementsPerMinute / base.statementsPerMinute).toFixed(2)} |${r.missed ? ` (${r.missed} not yet out)` : ''}`);
    }
    // Idle: nothing scheduled; statements over a while, per hour.
    console.log('\n| idle scheduler (nothing due) | SQL statements in the 10 s after start-up |\n|---|---|');
    for (const strategy of STRATEGIES) {
      const stop = strategy.start(ds, new ContentEventBus());
      await sleep(1000);
      const before = sqlCounter.total;
      await sleep(10_000);
      const statements = sqlCounter.total - before;
      await stop();
      console.log(`| ${strategy.name} | ${statements} |`);
    }
  } finally {
    await closeDatabases(dataSources);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
