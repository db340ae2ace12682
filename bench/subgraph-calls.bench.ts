/**
 * `npm run bench:subgraph-calls [-- --articles 10000]`: what per-call timeouts cost on the home
 * page with comment and view counts. Over HTTP: Apollo's RemoteGraphQLDataSource
 * (make-fetch-happen, no timeout) against ForwardingDataSource (Node's fetch with an
 * AbortSignal.timeout per call). In process: InProcessDataSource without and with its timer.
 * Prints req/s and the ratio after/before, each pair measured back to back (before, after,
 * after, before; best of each) in the same run.
 */
import autocannon from 'autocannon';
import { argValue } from '../src/cli/args';
import { prepareData, startServerScript } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

type Urls = { httpBefore: string; httpAfter: string; localBefore: string; localAfter: string };

const QUERY = HOME_PAGE_QUERY.replace('readingTime { label }', 'readingTime { label } commentCount viewCount');
const duration = Number(argValue('--duration') ?? 8);

async function rps(url: string): Promise<number> {
  const opts = { url, method: 'POST' as const, body: JSON.stringify({ query: QUERY }), headers: { 'content-type': 'application/json' }, connections: 10 };
  await autocannon({ ...opts, duration: 2 });
  const result = await autocannon({ ...opts, duration });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function main(): Promise<void> {
  const env = await prepareData(Number(argValue('--articles') ?? 10_000));
  const { urls, child } = await startServerScript<Urls>('bench/subgraph-calls-server.ts', {
    ...env,
    NODE_ENV: 'production',
    RESPONSE_CACHE: 'off',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
  });
  try {
    const check = await (await fetch(urls.httpAfter, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) })).json();
    if ((check as { errors?: unknown }).errors) throw new Error(`the page has errors: ${JSON.stringify((check as { errors: unknown }).errors)}`);
    const rows: Array<[string, number, number]> = [];
    for (const [label, before, after] of [
      ['subgraphs over HTTP', urls.httpBefore, urls.httpAfter],
      ['subgraphs in process', urls.localBefore, urls.localAfter],
    ] as const) {
      // Alternated and the best of two kept: the machine's other load comes and goes.
      const b1 = await rps(before);
      const a1 = await rps(after);
      const a2 = await rps(after);
      const b2 = await rps(before);
      rows.push([label, Math.max(b1, b2), Math.max(a1, a2)]);
    }
    console.log(`\n${'home page, comment and view counts'.padEnd(36)} ${'before req/s'.padStart(12)} ${'after req/s'.padStart(12)} ${'after/before'.padStart(13)}`);
    for (const [label, b, a] of rows) console.log(`${label.padEnd(36)} ${b.toFixed(0).padStart(12)} ${a.toFixed(0).padStart(12)} ${(a / b).toFixed(2).padStart(13)}`);
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
