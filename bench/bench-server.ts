/**
 * The benchmark's servers, in a child process so the load generator does not share their
 * CPU: the gateway without and with the response cache, with the operation limits, the editorial subgraph alone, and
 * the hand-written baselines (home page at /home, rubric page at /rubric?slug=, article page at
 * /article with the slug in the request's GraphQL variables). Prints one JSON line with their URLs
 * and the article slugs to spread requests over when ready; `/__stats` on the baseline port
 * reports SQL statements so far.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { openDatabases } from '../src/app/open-databases';
import { ResponseCache } from '../src/cache/response-cache';
import { MemoryResponseCacheStore } from '../src/cache/response-cache-store';
import { sqlCounter } from '../src/db/sql-counter';
import { sqlDate } from '../src/db/sql-values';
import { createEventChannels } from '../src/events/event-channels';
import { createGateway } from '../src/gateway/create-gateway';
import { gatewayOperationGuards } from '../src/limits/gateway-operation-guards';
import { readLimitsConfig } from '../src/limits/limits-config';
import { startGraphQLServer } from '../src/server/graphql-http-server';
import { subgraphList } from '../src/subgraphs/subgraph-modules';
import { peersIn } from '../src/subgraphs/subgraph-peers';
import { BaselineArticlePage } from './baseline-article-page';
import { BaselineHomePage } from './baseline-home-page';
import { BaselineRubricPage } from './baseline-rubric-page';
import { BaselineSql } from './baseline-sql';

/** CPU time this process has used: per request, it is steadier than throughput on a shared machine. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function main(): Promise<void> {
  const modules = subgraphList();
  const dataSources = await openDatabases(modules);
  const schemas: Record<string, GraphQLSchema> = {};
  // As `npm start` runs them: peers in this process (the audience's article-facts refresher asks
  // editorial in process instead of failing against a URL nothing listens on), and the
  // process's event channels, with which the editorial subgraph keeps the rubric tree between
  // requests (dropped when a rubric changes) instead of reading it for every request. The
  // hand-written pages, which hear no events, read it every time.
  const events = await createEventChannels({});
  for (const mod of modules) schemas[mod.name] = (await mod.start(dataSources.get(mod.name)!, { events }, peersIn(schemas))).schema;
  const gateway = await startGraphQLServer({ gateway: createGateway({ localSchemas: schemas }), port: 0 });
  // The same gateway with the default operation limits, cost and rate limits; one load
  // generator is one address, so its budget is raised to count every request without refusing.
  const limited = await startGraphQLServer({
    gateway: createGateway({ localSchemas: schemas }),
    port: 0,
    operationGuards: gatewayOperationGuards(readLimitsConfig({ ...process.env, RATE_LIMIT_ANONYMOUS: '1000000000000/60' })),
  });
  const cached = await startGraphQLServer({
    gateway: createGateway({ localSchemas: schemas }),
    port: 0,
    responseCache: new ResponseCache(new MemoryResponseCacheStore()),
  });
  // The editorial subgraph's schema over HTTP without the signature check a served subgraph
  // makes (the load generator cannot sign each request): what the subgraph alone costs.
  const subgraph = await startGraphQLServer({ schema: schemas.editorial, port: 0 });
  const sql = new BaselineSql(dataSources.get('editorial')!);
  const home = new BaselineHomePage(sql);
  const rubricPage = new BaselineRubricPage(sql);
  const articlePage = new BaselineArticlePage(sql, dataSources);
  // The rubric page measured: the first top-level rubric with sub-rubrics (a full header).
  const tree = await sql.rubricTree();
  const rubricSlug = (tree.roots().find((r) => tree.children(r.id).length) ?? tree.roots()[0]).path;
  const articles = await articleSample(dataSources);
  const server = http.createServer((req, res) => {
    if (req.url === '/__stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ orm: sqlCounter.total, baseline: sql.statements, cpuMicros: cpuMicros() }));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://baseline');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const page =
        url.pathname === '/rubric'
          ? rubricPage.render(url.searchParams.get('slug') ?? '')
          : url.pathname === '/article'
            ? articlePage.render(String(JSON.parse(Buffer.concat(chunks).toString('utf8')).variables?.slug ?? ''))
            : home.render();
      page
        .then((body) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body)))
        .catch((err) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const basePort = (server.address() as AddressInfo).port;
  console.log(
    JSON.stringify({
      gateway: gateway.url,
      limited: limited.url,
      cached: cached.url,
      subgraph: subgraph.url,
      baseline: `http://127.0.0.1:${basePort}/home`,
      baselineRubric: `http://127.0.0.1:${basePort}/rubric?slug=${encodeURIComponent(rubricSlug)}`,
      rubricSlug,
      baselineArticle: `http://127.0.0.1:${basePort}/article`,
      articleSlugs: articles.slugs,
      articlesWithComments: articles.withComments,
      stats: `http://127.0.0.1:${basePort}/__stats`,
    }),
  );
}

/**
 * The articles the article page is measured on: every public one with a comment thread (the
 * demo comments under the newest), then others spread over the whole archive, up to 200,
 * interleaved so that every stretch of requests meets both kinds.
 */
async function articleSample(dataSources: Map<string, DataSource>): Promise<{ slugs: string[]; withComments: number }> {
  const editorial = dataSources.get('editorial')!;
  const threads: Array<{ articleId: number }> = await dataSources.get('discussion')!.query('SELECT articleId FROM comment_thread WHERE approvedCount > 0');
  const commented = new Set(threads.map((t) => Number(t.articleId)));
  const rows: Array<{ id: number; slug: string }> = await editorial.query(
    "SELECT id, slug FROM article WHERE status = 'published' AND trashedAt IS NULL AND embargoUntil IS NULL AND publishedAt <= ? ORDER BY id",
    [sqlDate(editorial, new Date())],
  );
  const withComments = rows.filter((r) => commented.has(Number(r.id))).slice(0, 100);
  const others = rows.filter((r) => !commented.has(Number(r.id)));
  const step = Math.max(1, Math.floor(others.length / (200 - withComments.length)));
  const spread = others.filter((_, i) => i % step === 0).slice(0, 200 - withComments.length);
  // Each list spread evenly over the sequence: element i of n at (i + 0.5) / n.
  const placed = [withComments, spread].flatMap((list) => list.map((r, i) => ({ slug: r.slug, at: (i + 0.5) / list.length })));
  return { slugs: placed.sort((x, y) => x.at - y.at).map((p) => p.slug), withComments: withComments.length };
}

process.once("SIGTERM", () => process.exit(0));

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
