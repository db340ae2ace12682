/**
 * `npm run bench:in-process`: where an uncached page's CPU goes, without HTTP or a load
 * generator. Runs the home, rubric and article pages N times (after a warm-up) in this process, in turn:
 * executed straight on the editorial subgraph schema (graphql-js + TypeGraphQL + loaders + SQL),
 * and through Apollo Server with the gateway (adds parsing, planning, the fetch, result
 * shaping); then the hand-written baselines. Prints CPU ms per operation, the steadiest figure
 * on a shared machine. For a CPU profile of either, run it under `node --cpu-prof`.
 *   npm run bench:in-process -- --articles 10000 --n 1000 [--warmup 1000] [--only subgraph|gateway|hand] [--page home|rubric|article]
 * The article page goes round the (up to 50) published articles with approved comments; it spans
 * four subgraphs, so it has no "editorial subgraph alone" figure.
 * (`--only` runs one of the three, `--page` one of the pages, so that a profile shows that one alone.)
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { openDatabases } from '../src/app/open-databases';
import { argValue } from '../src/cli/args';
import { createRequestContext, type RequestContext } from '../src/context/request-context';
import { createEventChannels } from '../src/events/event-channels';
import { createGateway } from '../src/gateway/create-gateway';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import { peersIn } from '../src/subgraphs/subgraph-peers';
import { ARTICLE_PAGE_QUERY } from './article-page.query';
import { BaselineArticlePage } from './baseline-article-page';
import { BaselineHomePage } from './baseline-home-page';
import { BaselineRubricPage } from './baseline-rubric-page';
import { BaselineSql } from './baseline-sql';
import { cpuMsPerRun, prepareData } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';
import { RUBRIC_PAGE_QUERY } from './rubric-page.query';

const n = Number(argValue('--n') ?? 1000);
const only = argValue('--only');
const onlyPage = argValue('--page');

/**
 * Operations run before measuring. The gateway's code takes long to warm: its article page cost
 * about 3.6 ms per operation over the first 800 after 200 and 2.1–2.7 ms over the next 4,000.
 */
const warmup = Number(argValue('--warmup') ?? 1000);

async function cpuPerOp(name: string, run: () => Promise<unknown>): Promise<number> {
  if (only && only !== name) return NaN;
  for (let i = 0; i < warmup; i++) await run();
  return cpuMsPerRun(n, run);
}

async function main(): Promise<void> {
  Object.assign(process.env, await prepareData(Number(argValue('--articles') ?? 10_000)));
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const schemas: Record<string, GraphQLSchema> = {};
  // The process's event channels, as the server has them (the rubric tree is kept between requests only when they are given).
  const events = await createEventChannels({});
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name)!, { events }, peersIn(schemas))).schema;
  const apollo = new ApolloServer<RequestContext>({ gateway: createGateway({ localSchemas: schemas }), plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const sql = new BaselineSql(dataSources.get('editorial')!);
  const tree = await sql.rubricTree();
  const slug = (tree.roots().find((r) => tree.children(r.id).length) ?? tree.roots()[0]).path;
  const home = new BaselineHomePage(sql);
  const rubric = new BaselineRubricPage(sql);
  const article = new BaselineArticlePage(sql, dataSources);
  const slugs = await commentedArticleSlugs(dataSources);
  let gatewayTurn = 0;
  let handTurn = 0;
  const pages: Array<{ name: string; query: string; variables: () => Record<string, unknown>; byHand: () => Promise<unknown>; oneSubgraph: boolean }> = [
    { name: 'home', query: HOME_PAGE_QUERY, variables: () => ({}), byHand: () => home.render(), oneSubgraph: true },
    { name: 'rubric', query: RUBRIC_PAGE_QUERY, variables: () => ({ slug }), byHand: () => rubric.render(slug), oneSubgraph: true },
    {
      name: 'article',
      query: ARTICLE_PAGE_QUERY,
      variables: () => ({ slug: slugs[gatewayTurn++ % slugs.length] }),
      byHand: () => article.render(slugs[handTurn++ % slugs.length]),
      oneSubgraph: false,
    },
  ];
  console.log(`CPU ms per operation, ${n} operations each`);
  for (const page of pages.filter((p) => !onlyPage || p.name === onlyPage)) {
    const document = parse(page.query);
    const subgraph = page.oneSubgraph
      ? await cpuPerOp('subgraph', async () =>
          execute({ schema: schemas.editorial, document, variableValues: page.variables(), contextValue: await createRequestContext({}) }),
        )
      : NaN;
    const gateway = await cpuPerOp('gateway', async () => {
      const res = await apollo.executeOperation({ query: page.query, variables: page.variables() }, { contextValue: await createRequestContext({}) });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`${page.name}: ${JSON.stringify(res.body)}`);
    });
    const byHand = await cpuPerOp('hand', async () => JSON.stringify(await page.byHand()));
    console.log(`${page.name.padEnd(7)} subgraph execute ${subgraph.toFixed(2)}  gateway (Apollo Server + gateway) ${gateway.toFixed(2)}  hand-written ${byHand.toFixed(2)}`);
  }
  await apollo.stop();
}

/** Published articles with approved comments (the article page's threads are then read too), up to 50. */
async function commentedArticleSlugs(dataSources: Map<string, DataSource>): Promise<string[]> {
  const threads: Array<{ articleId: number }> = await dataSources.get('discussion')!.query('SELECT articleId FROM comment_thread WHERE approvedCount > 0 LIMIT 50');
  const ids = threads.map((t) => Number(t.articleId));
  if (!ids.length) throw new Error('No article with comments in the bench data');
  const rows: Array<{ slug: string }> = await dataSources.get('editorial')!.query(
    `SELECT slug FROM article WHERE status = 'published' AND id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
    ids,
  );
  return rows.map((r) => r.slug);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
