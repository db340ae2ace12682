/**
 * The publication scheduler as its own process (for deployments that keep jobs off the
 * serving instances; `npm start` and `npm run subgraph -- editorial` already run it):
 *   npm run scheduler            at each due time (and at least every SCHEDULER_SAFETY_POLL_MS, default 60 s)
 *   npm run scheduler -- --once  one pass, printing what it published and unpublished as JSON
 * `--now <ISO time>` runs the pass as of another time (catch-up drills).
 */
import 'reflect-metadata';
import { closeDatabases, openDatabases } from '../app/open-databases';
import { startScheduler } from '../editorial/workflow/publication-scheduler';
import { runScheduledJobs } from '../editorial/workflow/scheduler';
import { createEventChannels } from '../events/event-channels';
import { EventOutbox } from '../events/event-outbox';
import { editorialSubgraph } from '../subgraphs/editorial.subgraph';
import { argValue, hasFlag } from './args';
import { exitAfterDrain } from './graceful-exit';

async function main(): Promise<void> {
  const dataSources = await openDatabases([editorialSubgraph]);
  const ds = dataSources.get('editorial')!;
  if (hasFlag('--once')) {
    const now = argValue('--now') ? new Date(argValue('--now')!) : new Date();
    console.log(JSON.stringify(await runScheduledJobs(ds, now)));
    await closeDatabases(dataSources);
    return;
  }
  // Its announcements leave through editorial's outbox: this process relays them too.
  const events = await createEventChannels(process.env);
  const relay = new EventOutbox(ds, 'editorial', events.transport);
  relay.start();
  const stop = startScheduler(ds, { bus: events.bus });
  exitAfterDrain([stop, () => relay.stop(), () => events.close(), () => closeDatabases(dataSources)]);
  setInterval(() => undefined, 1 << 30);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
