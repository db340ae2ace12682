/**
 * `npm run bench:limits`: what the operation limits, cost and rate limits cost on the uncached
 * home page. The gateway without and with them (same process, same data) are loaded in turn,
 * several rounds, so drifts of the machine fall on both; prints the throughput ratio.
 *   npm run bench:limits -- --articles 10000 --rounds 3 --duration 10
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { HeaderMap, type GraphQLRequestListener } from '@apollo/server';
import autocannon from 'autocannon';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { argValue } from '../src/cli/args';
import type { RequestContext } from '../src/context/request-context';
import { gatewayOperationGuards } from '../src/limits/gateway-operation-guards';
import { readLimitsConfig } from '../src/limits/limits-config';
import { prepareData, startServerScript } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const duration = Number(argValue('--duration') ?? 10);
const rounds = Number(argValue('--rounds') ?? 3);
const connections = Number(argValue('--connections') ?? 10);
const articles = Number(argValue('--articles') ?? 100_000);

type Urls = { gateway: string; limited: string; stats: string };

async function cpuMicros(urls: Urls): Promise<number> {
  return ((await (await fetch(urls.stats)).json()) as { cpuMicros: number }).cpuMicros;
}

async function load(url: string, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    body: JSON.stringify({ query: HOME_PAGE_QUERY }),
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * The guards' own time per home-page request, in this process: the hooks a request runs
 * (limits, cost, rate-limit budget, headers) on a document Apollo has already parsed and
 * validated, as it has for every repeated operation. Steady where whole-server throughput on a
 * shared machine is not.
 */
async function guardMicrosPerRequest(): Promise<number> {
  const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../schema/api.graphql'), 'utf8'));
  const document = parse(HOME_PAGE_QUERY);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const [plugin] = gatewayOperationGuards(readLimitsConfig({ RATE_LIMIT_ANONYMOUS: '1000000000000/60' })).plugins;
  const once = async () => {
    const rc = {
      contextValue: { viewer: null, ip: '127.0.0.1' },
      schema,
      document,
      operation,
      operationName: 'HomePage',
      queryHash: 'home',
      request: { variables: {} },
      response: { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: {} } } },
    } as never;
    const listener = (await plugin.requestDidStart!(rc)) as GraphQLRequestListener<RequestContext>;
    await listener.didResolveOperation!(rc);
    await listener.willSendResponse!(rc);
  };
  for (let i = 0; i < 2_000; i++) await once();
  const n = 50_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await once();
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

async function main(): Promise<void> {
  const env = await prepareData(articles);
  const { urls, child } = await startServerScript<Urls>('bench/bench-server.ts', {
    ...env,
    NODE_ENV: 'production',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
  });
  try {
    const post = async (url: string) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: HOME_PAGE_QUERY }) })).json();
    const [off, on] = (await Promise.all([post(urls.gateway), post(urls.limited)])) as Array<{ data: unknown; extensions?: { cost?: number } }>;
    console.log(`\n${articles} articles, ${connections} connections, ${rounds} rounds of ${duration} s each way`);
    console.log(`same data with limits on: ${isDeepStrictEqual(off.data, on.data)}; home page cost ${on.extensions?.cost}`);
    await load(urls.gateway, 2);
    await load(urls.limited, 2);
    const totals = { off: { requests: 0, cpu: 0 }, on: { requests: 0, cpu: 0 } };
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer or cooler machine.
      const order: Array<'off' | 'on'> = round % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const which of order) {
        const before = await cpuMicros(urls);
        const r = await load(which === 'off' ? urls.gateway : urls.limited, duration);
        const cpu = (await cpuMicros(urls)) - before;
        totals[which].requests += r.requests;
        totals[which].cpu += cpu;
        const perRequest = (cpu / 1000 / Math.max(1, r.requests)).toFixed(2);
        console.log(`round ${round} limits ${which.padEnd(3)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU ${perRequest} ms/request`);
      }
    }
    const ratio = totals.on.requests / totals.off.requests;
    const cpuRatio = totals.on.cpu / totals.on.requests / (totals.off.cpu / totals.off.requests);
    const guards = await guardMicrosPerRequest();
    const offCpuMicros = totals.off.cpu / totals.off.requests;
    console.log(`\nthe guards' own time: ${guards.toFixed(1)} µs per request, ${((guards / offCpuMicros) * 100).toFixed(2)} % of the ${(offCpuMicros / 1000).toFixed(2)} ms of server CPU an uncached home page takes`);
    console.log(`limits on / off under load: ${ratio.toFixed(3)}× throughput, ${cpuRatio.toFixed(3)}× server CPU per request (the limits cost ${((cpuRatio - 1) * 100).toFixed(1)} % CPU)`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
