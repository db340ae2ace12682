/**
 * `npm run bench:http`: what the HTTP host itself costs. The home page from a warm response
 * cache (no GraphQL execution: the host, the cache lookup and the access log are all that
 * runs) against a bare node:http server answering the same bytes, in the same run.
 * The scenarios alternate for --rounds rounds (default 3) and each keeps its best round: on a
 * shared machine, other work slows whichever scenario happens to run beside it.
 * Options: --articles N (default 2000), --duration S (default 10), --connections N (default 10).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { argValue } from '../src/cli/args';
import { prepareData, startServerScript } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';

const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 10);
const rounds = Number(argValue('--rounds') ?? 3);

type Urls = { logged: string; quiet: string; bare: string; bytes: number };

async function load(url: string) {
  const opts = { url, method: 'POST' as const, body: JSON.stringify({ query: HOME_PAGE_QUERY }), headers: { 'content-type': 'application/json' }, connections };
  await autocannon({ ...opts, duration: 2 });
  const result = await autocannon({ ...opts, duration });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const env = await prepareData(Number(argValue('--articles') ?? 2000));
  const { urls, child } = await startServerScript<Urls>('bench/http-host-server.ts', {
    ...env,
    NODE_ENV: 'production',
    AUTH_SECRET: env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123',
    // Production refuses the file mailer; the benchmark sends no mail.
    MAILER: 'none',
  });
  try {
    console.log(`\nhome page from a warm response cache (${urls.bytes} bytes), ${connections} connections, best of ${rounds} rounds of ${duration} s`);
    const scenarios: Array<[string, string]> = [
      ['Fastify host, access log on', urls.logged],
      ['Fastify host, access log off', urls.quiet],
      ['bare node:http, same bytes', urls.bare],
    ];
    const best = new Map<string, Awaited<ReturnType<typeof load>>>();
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, url] of scenarios) {
        const r = await load(url);
        if (!best.has(name) || r.rps > best.get(name)!.rps) best.set(name, r);
      }
    }
    const bare = best.get('bare node:http, same bytes')!;
    const rows = scenarios.map(([name]) => [name, best.get(name)!] as const);
    console.log(`${'scenario'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× bare'.padStart(7)}`);
    for (const [name, r] of rows) {
      console.log(`${name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(r.rps / bare.rps).toFixed(2).padStart(7)}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
