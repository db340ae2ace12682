/**
 * `npm run bench:metrics`: what the Prometheus metrics cost an uncached home page. The same
 * page runs through two in-process gateways over the same databases, one built without
 * metrics and one with them (the Apollo plugin timing and counting the operation, the loaders
 * reporting batch sizes), in alternating rounds so that drifts of a shared machine fall on
 * both; prints CPU ms per page and the ratio, then what one scrape of /metrics costs.
 *   npm run bench:metrics -- --articles 10000 --n 500 --rounds 3
 */
import 'reflect-metadata';
import { ApolloServer, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { openDatabases } from '../src/app/open-databases';
import { argValue } from '../src/cli/args';
import { createRequestContext, type RequestContext } from '../src/context/request-context';
import { sqlCounter } from '../src/db/sql-counter';
import { createGateway } from '../src/gateway/create-gateway';
import { metricsPlugin } from '../src/observability/metrics.plugin';
import { batchSizeObserver, ProcessMetrics } from '../src/observability/process-metrics';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import { peersIn } from '../src/subgraphs/subgraph-peers';
import { cpuMsPerRun, prepareData } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const n = Number(argValue('--n') ?? 500);
const rounds = Number(argValue('--rounds') ?? 3);

async function main(): Promise<void> {
  Object.assign(process.env, await prepareData(Number(argValue('--articles') ?? 10_000)));
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const metrics = new ProcessMetrics({ sqlStatements: () => sqlCounter.total });
  const gatewayOver = async (withMetrics: boolean) => {
    const schemas: Record<string, GraphQLSchema> = {};
    for (const mod of modules) {
      const running = await mod.start(dataSources.get(mod.name)!, withMetrics ? { metrics } : {}, peersIn(schemas));
      schemas[mod.name] = running.schema;
      if (withMetrics && running.outbox) metrics.watchOutbox(mod.name, running.outbox);
    }
    const apollo = new ApolloServer<RequestContext>({
      gateway: createGateway({ localSchemas: schemas }),
      plugins: [ApolloServerPluginCacheControlDisabled(), ...(withMetrics ? [metricsPlugin<RequestContext>(metrics)] : [])],
    });
    await apollo.start();
    return async () => {
      const res = await apollo.executeOperation({ query: HOME_PAGE_QUERY }, { contextValue: await createRequestContext({}) });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(JSON.stringify(res.body));
    };
  };
  const without = await gatewayOver(false);
  const withMetrics = await gatewayOver(true);
  for (let i = 0; i < 100; i++) {
    await without();
    await withMetrics();
  }
  let off = 0;
  let on = 0;
  for (let round = 0; round < rounds; round++) {
    off += await cpuMsPerRun(n, without);
    on += await cpuMsPerRun(n, withMetrics);
  }
  off /= rounds;
  on /= rounds;
  console.log(`home page, CPU ms per page over ${rounds} × ${n}: without metrics ${off.toFixed(2)}, with ${on.toFixed(2)}, ratio ${(on / off).toFixed(3)}`);
  // The plugin's own hooks on one request, alone: steadier than the difference of two page timings.
  const plugin = metricsPlugin<RequestContext>(new ProcessMetrics({ defaultMetrics: false }));
  const rc = { operationName: 'HomePage', response: { body: { kind: 'single', singleResult: { data: {} } } } } as never;
  const hooks = async () => {
    const listener = (await plugin.requestDidStart!(rc)) as GraphQLRequestListener<RequestContext>;
    await listener.didResolveOperation!(rc);
    await listener.willSendResponse!(rc);
  };
  for (let i = 0; i < 5_000; i++) await hooks();
  const hooksMs = await cpuMsPerRun(100_000, hooks);
  const observe = batchSizeObserver(metrics)!;
  const observeMs = await cpuMsPerRun(100_000, async () => observe(12));
  console.log(`plugin hooks ${(hooksMs * 1000).toFixed(2)} µs per request; one batch-size observation ${(observeMs * 1000).toFixed(2)} µs (with the await of this loop)`);
  const scrapes = 200;
  const scrape = await cpuMsPerRun(scrapes, () => metrics.scrape());
  console.log(`one /metrics scrape (registry text and two outbox counts): ${scrape.toFixed(2)} CPU ms, ${(await metrics.scrape()).length} bytes`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
