/**
 * `npm run bench:in-process`: where an uncached page's CPU goes, without HTTP or a load
 * generator. Runs the home and rubric pages N times (after a warm-up) in this process, in turn:
 * executed straight on the editorial subgraph schema (graphql-js + TypeGraphQL + loaders + SQL),
 * and through Apollo Server with the gateway (adds parsing, planning, the fetch, result
 * shaping); then the hand-written baselines. Prints CPU ms per operation, the steadiest figure
 * on a shared machine. For a CPU profile of either, run it under `node --cpu-prof`.
 *   npm run bench:in-process -- --articles 10000 --n 1000 [--only subgraph|gateway|hand] [--page home|rubric]
 * (`--only` runs one of the three, `--page` one of the pages, so that a profile shows that one alone.)
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { openDatabases } from '../src/app/open-databases';
import { argValue } from '../src/cli/args';
import { createRequestContext, type RequestContext } from '../src/context/request-context';
import { createEventChannels } from '../src/events/event-channels';
import { createGateway } from '../src/gateway/create-gateway';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import { NO_PEERS } from '../src/subgraphs/subgraph-peers';
import { BaselineHomePage } from './baseline-home-page';
import { BaselineRubricPage } from './baseline-rubric-page';
import { BaselineSql } from './baseline-sql';
import { cpuMsPerRun, prepareData } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';
import { RUBRIC_PAGE_QUERY } from './rubric-page.query';

const n = Number(argValue('--n') ?? 1000);
const only = argValue('--only');
const onlyPage = argValue('--page');

async function cpuPerOp(name: string, run: () => Promise<unknown>): Promise<number> {
  if (only && only !== name) return NaN;
  for (let i = 0; i < Math.min(200, n); i++) await run();
  return cpuMsPerRun(n, run);
}

async function main(): Promise<void> {
  Object.assign(process.env, await prepareData(Number(argValue('--articles') ?? 10_000)));
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const schemas: Record<string, GraphQLSchema> = {};
  // The process's event channels, as the server has them (the rubric tree is kept between requests only when they are given).
  const events = await createEventChannels({});
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name)!, { events }, NO_PEERS)).schema;
  const apollo = new ApolloServer<RequestContext>({ gateway: createGateway({ localSchemas: schemas }), plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const sql = new BaselineSql(dataSources.get('editorial')!);
  const tree = await sql.rubricTree();
  const slug = (tree.roots().find((r) => tree.children(r.id).length) ?? tree.roots()[0]).path;
  const home = new BaselineHomePage(sql);
  const rubric = new BaselineRubricPage(sql);
  const pages = [
    { name: 'home', query: HOME_PAGE_QUERY, variables: {}, byHand: () => home.render() },
    { name: 'rubric', query: RUBRIC_PAGE_QUERY, variables: { slug }, byHand: () => rubric.render(slug) },
  ];
  console.log(`CPU ms per operation, ${n} operations each`);
  for (const page of pages.filter((p) => !onlyPage || p.name === onlyPage)) {
    const document = parse(page.query);
    const subgraph = await cpuPerOp('subgraph', async () =>
      execute({ schema: schemas.editorial, document, variableValues: page.variables, contextValue: await createRequestContext({}) }),
    );
    const gateway = await cpuPerOp('gateway', async () => {
      const res = await apollo.executeOperation({ query: page.query, variables: page.variables }, { contextValue: await createRequestContext({}) });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`${page.name}: ${JSON.stringify(res.body)}`);
    });
    const byHand = await cpuPerOp('hand', async () => JSON.stringify(await page.byHand()));
    console.log(`${page.name.padEnd(7)} subgraph execute ${subgraph.toFixed(2)}  gateway (Apollo Server + gateway) ${gateway.toFixed(2)}  hand-written ${byHand.toFixed(2)}`);
  }
  await apollo.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
