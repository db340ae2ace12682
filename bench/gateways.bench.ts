/**
 * `npm run bench:gateways`: Apollo Gateway (ours: `npm run gateway`, response cache off) against
 * Hive Gateway with its default JavaScript planner and with the Hive Router's Rust planner, each
 * a process of its own in front of the SAME four subgraph processes (`npm run subgraph`) and the
 * SAME committed schema/supergraph.graphql. Every Hive subgraph call is signed like ours
 * (bench/hive-signing.plugin.ts), or the subgraphs would refuse it.
 *   npm run bench:gateways                           10k articles on SQLite
 *   DATABASE_URL=mysql://… npm run bench:gateways    on MySQL
 * Checks the gateways answer the same JSON (home page, rubric page, home page with comment and
 * view counts, the one page here that plans fetches to three subgraphs; `me` without and with a
 * reader's token, for the credentials and a refusal's code), then loads each
 * alternately in --rounds rounds and prints req/s, p50, p99, single-request latency, the
 * gateway's and the subgraphs' CPU per request, and the ratios to Apollo Gateway; then query
 * planning alone; then what each answers when the discussion subgraph is down.
 * Options: --articles N (10000), --duration S (10), --connections N (10), --rounds N (3),
 * --plans N (200).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { signAccessToken } from '../src/auth/access-token';
import { Role } from '../src/auth/roles';
import { argValue } from '../src/cli/args';
import { startServiceProcess, type ServiceProcess } from '../test/support/service-process';
import { postJson, prepareData, processCpuMs, ROOT, singleRequestMs } from './bench-support';
import { HOME_PAGE_QUERY } from './home-page.query';
import { RUBRIC_PAGE_QUERY } from './rubric-page.query';
import { measurePlanning } from './query-planning';

const articles = Number(argValue('--articles') ?? 10_000);
const duration = Number(argValue('--duration') ?? 10);
const connections = Number(argValue('--connections') ?? 10);
const rounds = Number(argValue('--rounds') ?? 3);
const plans = Number(argValue('--plans') ?? 200);

const COUNTS_QUERY = HOME_PAGE_QUERY.replace('query HomePage', 'query HomePageCounts').replace('readingTime { label }', 'readingTime { label } commentCount viewCount');
const SUBGRAPHS = ['editorial', 'accounts', 'discussion', 'audience'] as const;

type Gateway = { name: string; process: ServiceProcess };
type Page = { name: string; body: string; query: string; operationName: string };
type Run = { rps: number; p50: number; p99: number; single: number; cpuMs: number; subgraphCpuMs: number };

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function startSubgraphs(env: Record<string, string>): Promise<ServiceProcess[]> {
  // Discussion and audience ask editorial for articles: editorial first.
  const editorial = await startServiceProcess({ name: 'editorial', kind: 'subgraph', env });
  const peers = { ...env, SUBGRAPH_EDITORIAL_URL: editorial.url };
  const others = await Promise.all(SUBGRAPHS.slice(1).map((name) => startServiceProcess({ name, kind: 'subgraph', env: peers })));
  return [editorial, ...others];
}

async function startGateways(env: Record<string, string>): Promise<Gateway[]> {
  const gateways: Gateway[] = [{ name: 'Apollo Gateway', process: await startServiceProcess({ name: 'apollo', kind: 'gateway', env }) }];
  const hives = [
    ['Hive, JS', 'js', 'on'],
    ['Hive, JS, no dedupe', 'js', 'off'],
    ['Hive, Rust', 'rust', 'on'],
    ['Hive, Rust, no dedupe', 'rust', 'off'],
  ] as const;
  for (const [name, planner, dedupe] of hives) {
    try {
      const args = ['--planner', planner, '--dedupe', dedupe];
      const process = await startServiceProcess({ name, kind: 'script', script: 'bench/hive-gateway-server.ts', args, env });
      gateways.push({ name, process });
    } catch (err) {
      console.log(`${name} did not start, left out: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return gateways;
}

/** Where two answers differ (paths, at most `max`), `extensions` aside. */
function differences(a: any, b: any, at = '', out: string[] = [], max = 5): string[] {
  if (out.length >= max) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[key], b[key], `${at}.${key}`, out, max);
  } else if (!isDeepStrictEqual(a, b)) {
    out.push(`${at}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}

/** An answer's data and errors, without the request id of each error (every request has its own). */
function comparable(answer: any): unknown {
  const errors = answer.errors?.map(({ extensions, ...error }: any) => {
    const { requestId: _id, ...rest } = extensions ?? {};
    return extensions ? { ...error, extensions: rest } : error;
  });
  return { data: answer.data, errors };
}

/** Pages compared but not loaded: a reader's token must reach the subgraph (its answer differs from the anonymous one), and a refusal keep its code. */
async function accountChecks(): Promise<Array<Page & { headers?: Record<string, string> }>> {
  const query = '{ me { id displayName } }';
  const body = JSON.stringify({ query });
  const token = await signAccessToken({ userId: 1, roles: [Role.Reader] });
  return [
    { name: 'me, anonymous', query, operationName: '', body },
    { name: 'me, reader token', query, operationName: '', body, headers: { authorization: `Bearer ${token}` } },
  ];
}

async function compareAnswers(pages: Array<Page & { headers?: Record<string, string> }>, gateways: Gateway[]): Promise<void> {
  const [apollo, ...others] = gateways;
  for (const page of pages) {
    const reference = await postJson(apollo.process.url, page.body, page.headers);
    if (reference.errors) console.log(`${page.name}: Apollo Gateway answers errors: ${JSON.stringify(reference.errors).slice(0, 300)}`);
    for (const other of others) {
      const answer = await postJson(other.process.url, page.body, page.headers);
      const same = isDeepStrictEqual(comparable(answer), comparable(reference));
      const extensions = isDeepStrictEqual(answer.extensions, reference.extensions) ? '' : `; extensions differ: ${JSON.stringify(reference.extensions)} against ${JSON.stringify(answer.extensions)}`;
      console.log(`same JSON — ${page.name}, ${other.name} vs Apollo Gateway (data and errors): ${same}${extensions}`);
      if (!same) for (const line of differences(comparable(reference), comparable(answer))) console.log(`  ${line}`);
    }
  }
}

/** One gateway under load on one page, with the CPU it and the subgraphs spent per request. */
async function measure(gateway: Gateway, page: Page, subgraphs: ServiceProcess[]): Promise<Run> {
  const single = await singleRequestMs(gateway.process.url, page.body, 50);
  const subgraphCpu = () => subgraphs.reduce((sum, s) => sum + processCpuMs(s.pid), 0);
  // CPU read around the measured part only, after a warm-up of a second.
  const opts = { url: gateway.process.url, method: 'POST' as const, body: page.body, headers: { 'content-type': 'application/json' }, connections };
  await autocannon({ ...opts, duration: 1 });
  const before = { gateway: processCpuMs(gateway.process.pid), subgraphs: subgraphCpu() };
  const result = await autocannon({ ...opts, duration });
  const after = { gateway: processCpuMs(gateway.process.pid), subgraphs: subgraphCpu() };
  if (result.non2xx || result.errors) throw new Error(`${gateway.name}, ${page.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const total = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    single,
    cpuMs: (after.gateway - before.gateway) / total,
    subgraphCpuMs: (after.subgraphs - before.subgraphs) / total,
  };
}

const range = (xs: number[], digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

async function loadRounds(pages: Page[], gateways: Gateway[], subgraphs: ServiceProcess[]): Promise<void> {
  const runs = new Map<string, Run[]>();
  const key = (page: Page, gateway: Gateway) => `${page.name}\u0000${gateway.name}`;
  for (let round = 0; round < rounds; round++) {
    for (const page of pages) {
      // Each round starts with a different gateway, so none always follows the same one.
      const order = gateways.map((_, i) => gateways[(i + round) % gateways.length]);
      for (const gateway of order) {
        const list = runs.get(key(page, gateway)) ?? [];
        list.push(await measure(gateway, page, subgraphs));
        runs.set(key(page, gateway), list);
      }
    }
    console.log(`round ${round + 1}/${rounds} done`);
  }
  const header = ['page', 'gateway', 'req/s', '× Apollo', 'CPU × Apollo', 'single ms', 'p50 ms', 'p99 ms', 'gw CPU ms/req', 'subgraphs CPU ms/req'];
  const widths = [12, 20, 10, 10, 13, 10, 8, 9, 14, 21];
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' '));
  console.log('');
  row(header);
  for (const page of pages) {
    const apollo = runs.get(key(page, gateways[0]))!;
    for (const gateway of gateways) {
      const list = runs.get(key(page, gateway))!;
      // Per round, against Apollo Gateway in the same round: throughput, and its CPU per request over this one's (above 1: cheaper).
      const ratios = list.map((r, i) => r.rps / apollo[i].rps);
      const cpuRatios = list.map((r, i) => apollo[i].cpuMs / r.cpuMs);
      row([
        page.name,
        gateway.name,
        range(list.map((r) => r.rps)),
        range(ratios, 2),
        range(cpuRatios, 2),
        range(list.map((r) => r.single), 1),
        range(list.map((r) => r.p50)),
        range(list.map((r) => r.p99)),
        range(list.map((r) => r.cpuMs), 2),
        range(list.map((r) => r.subgraphCpuMs), 2),
      ]);
    }
  }
}

function printPlanning(pages: Page[]): void {
  const supergraph = fs.readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  const rows = measurePlanning(
    supergraph,
    pages.map((p) => ({ name: p.name, query: p.query, operationName: p.operationName })),
    plans,
  );
  console.log(`\nquery planning alone, in this process (no plan cache; warm: median of ${plans}):`);
  console.log(`${'planner'.padEnd(22)} ${'operation'.padEnd(12)} ${'setup ms'.padStart(9)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'fetches'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.planner.padEnd(22)} ${r.operation.padEnd(12)} ${r.setupMs.toFixed(1).padStart(9)} ${r.coldMs.toFixed(2).padStart(8)} ${r.warmMs.toFixed(3).padStart(8)} ${String(r.fetches).padStart(8)}`);
  }
}

/** What each gateway answers for the page with counts once discussion is gone (SIGKILL). */
async function failureBehaviour(page: Page, gateways: Gateway[], subgraphs: ServiceProcess[]): Promise<void> {
  await subgraphs.find((s) => s.name === 'discussion')!.kill('SIGKILL');
  console.log(`\n${page.name} with the discussion subgraph down:`);
  for (const gateway of gateways) {
    const res = await fetch(gateway.process.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: page.body });
    const answer: any = await res.json();
    const errors: any[] = answer.errors ?? [];
    const codes = [...new Set(errors.map((e) => `${e.extensions?.code}${e.extensions?.subgraph ? `/${e.extensions.subgraph}` : ''}`))];
    console.log(
      `${gateway.name.padEnd(20)} HTTP ${res.status}, editorial content ${answer.data?.homePage?.headline?.lead?.title ? 'present' : 'MISSING'}, ` +
        `lead commentCount ${JSON.stringify(answer.data?.homePage?.headline?.lead?.commentCount)}, ${errors.length} errors, codes ${codes.join(' ')}`,
    );
    if (errors[0]) console.log(`${''.padEnd(20)} first: ${JSON.stringify({ message: errors[0].message, path: errors[0].path })}`);
    // An item of a list: its path should hold the item's index.
    const inList = errors.find((e) => e.path?.includes('secondary'));
    if (inList) console.log(`${''.padEnd(20)} in a list: ${JSON.stringify(inList.path)}`);
  }
}

async function main(): Promise<void> {
  const data = stringEnv(await prepareData(articles));
  // Here too: the bench signs a reader's token for the processes to accept.
  process.env.AUTH_SECRET = data.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-0123';
  const env = {
    ...data,
    NODE_ENV: 'production',
    MAILER: 'none',
    LOG_LEVEL: 'warn',
    RESPONSE_CACHE: 'off',
    // One load generator is one address: the cost-weighted rate limit would refuse it. The
    // operation limits and cost stay on (8 µs a request, README "Operation limits").
    RATE_LIMIT: 'off',
  };
  const subgraphs = await startSubgraphs(env);
  const urls = Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, s.url]));
  let gateways: Gateway[] = [];
  try {
    gateways = await startGateways({ ...env, ...urls });
    const rubrics = await postJson(gateways[0].process.url, JSON.stringify({ query: '{ rubrics { path children { path } } }' }));
    const rubric = (rubrics.data.rubrics as { path: string; children: unknown[] }[]).find((r) => r.children.length) ?? rubrics.data.rubrics[0];
    const pages: Page[] = [
      { name: 'home', query: HOME_PAGE_QUERY, operationName: 'HomePage', variables: undefined },
      { name: 'rubric', query: RUBRIC_PAGE_QUERY, operationName: 'RubricPage', variables: { slug: rubric.path } },
      { name: 'home+counts', query: COUNTS_QUERY, operationName: 'HomePageCounts', variables: undefined },
    ].map(({ variables, ...p }) => ({ ...p, body: JSON.stringify({ query: p.query, variables }) }));
    console.log(`\n${articles} articles on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}, ${connections} connections, ${duration} s per run, ${rounds} rounds`);
    await compareAnswers([...pages, ...(await accountChecks())], gateways);
    await loadRounds(pages, gateways, subgraphs);
    printPlanning(pages);
    await failureBehaviour(pages[2], gateways, subgraphs);
  } finally {
    for (const g of gateways) await g.process.kill('SIGTERM');
    for (const s of subgraphs) await s.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
