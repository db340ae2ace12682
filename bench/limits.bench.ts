/**
 * `npm run bench:limits`: what the operation limits, cost and rate limits cost on the uncached
 * home page. The gateway without and with them (same process, same data) are loaded in turn,
 * several rounds, so drifts of the machine fall on both; prints the throughput ratio.
 *   npm run bench:limits -- --articles 10000 --rounds 3 --duration 10
 */
import 'reflect-metadata';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { argValue } from '../src/cli/args';
import { prepareData, startServerScript } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const duration = Number(argValue('--duration') ?? 10);
const rounds = Number(argValue('--rounds') ?? 3);
const connections = Number(argValue('--connections') ?? 10);
const articles = Number(argValue('--articles') ?? 100_000);

type Urls = { gateway: string; limited: string };

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
    const totals = { off: { requests: 0, seconds: 0 }, on: { requests: 0, seconds: 0 } };
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer or cooler machine.
      const order: Array<'off' | 'on'> = round % 2 ? ['off', 'on'] : ['on', 'off'];
      for (const which of order) {
        const r = await load(which === 'off' ? urls.gateway : urls.limited, duration);
        totals[which].requests += r.requests;
        totals[which].seconds += duration;
        console.log(`round ${round} limits ${which.padEnd(3)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`);
      }
    }
    const ratio = totals.on.requests / totals.off.requests;
    console.log(`\nlimits on / off: ${ratio.toFixed(3)}× throughput (cost of the limits: ${((1 - ratio) * 100).toFixed(1)} %)`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
