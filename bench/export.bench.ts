/**
 * `npm run bench:export`: `npm run export` over N seeded articles (default 100k), its rows per
 * second and its peak memory, against a hand-written baseline measured in the same run
 * (bench/baseline-export.ts: the same rows straight from the tables, no GraphQL).
 *   npm run bench:export                          100k articles on SQLite (seeded once under bench/.data)
 *   npm run bench:export -- --articles 1000000    1M articles
 *   DATABASE_URL=mysql://… npm run bench:export   on MySQL (reseeded)
 *   --local                                       also run the export without GATEWAY_URL (it starts the supergraph itself)
 *
 * As in production, the export job runs apart from the supergraph (`npm start` in another
 * process) and talks to its gateway with an export-scoped token; both processes' resident
 * memory is sampled from /proc every 100 ms (with the kernel's high-water mark, VmHWM). The
 * job's memory is the one that must stay flat whatever the number of rows.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { signAccessToken } from '../src/auth/access-token';
import { ServiceScope } from '../src/auth/roles';
import { argValue, hasFlag } from '../src/cli/args';
import { prepareData, ROOT } from './bench-support';

const articles = Number(argValue('--articles') ?? 100_000);
const AUTH_SECRET = process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123';

type Run = { name: string; rows: number; seconds: number; peakMb: number; serverPeakMb: number | null; samples: number[] };



/** Resident memory of a process in kB, with its high-water mark. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** The first child of a process (the supergraph an export without GATEWAY_URL starts). */
function childOf(pid: number): number | null {
  try {
    const first = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : null;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The supergraph as `npm start` runs it, in its own process. */
async function startSupergraph(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', RESPONSE_CACHE: 'off', SEED_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('ready at') && resolve());
    child.on('exit', (code) => reject(new Error(`the supergraph exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

/** `npm run export` exactly as package.json runs it (node flags included), without npm in between. */
function exportCommand(): string[] {
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.export as string;
  const [node, ...args] = script.split(/\s+/);
  if (node !== 'node') throw new Error(`Unexpected export script: ${script}`);
  return args;
}

/** Runs one exporter to /dev/null, sampling its memory (and the server's); its stderr reports rows and seconds. */
function measure(name: string, command: string[], env: NodeJS.ProcessEnv, server?: ChildProcess): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync('/dev/null', 'w');
    const child = spawn(process.execPath, command, { cwd: ROOT, env, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    let peak = 0;
    let serverPeak = 0;
    const samples: number[] = [];
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    const timer = setInterval(() => {
      const mem = memoryOf(child.pid!);
      if (mem) {
        samples.push(mem.rss);
        peak = Math.max(peak, mem.rss, mem.hwm);
      }
      const serverPid = server?.pid ?? childOf(child.pid!);
      const serverMem = serverPid ? memoryOf(serverPid) : null;
      if (serverMem) serverPeak = Math.max(serverPeak, serverMem.rss);
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      fs.closeSync(out);
      const match = /Exported (\d+) articles in ([\d.]+) s/.exec(stderr);
      if (code !== 0 || !match) return reject(new Error(`${name} exited ${code}: ${stderr.slice(-500)}`));
      // Rows per second over the export itself, without the process start.
      resolve({ name, rows: Number(match[1]), seconds: Number(match[2]), peakMb: peak / 1024, serverPeakMb: serverPeak ? serverPeak / 1024 : null, samples });
    });
  });
}

/** Resident memory over a run, peak of each tenth (MB): flat means constant memory. */
function profile(samples: number[]): string {
  const size = Math.max(1, Math.ceil(samples.length / 10));
  const points: number[] = [];
  for (let i = 0; i < samples.length; i += size) points.push(Math.round(Math.max(...samples.slice(i, i + size)) / 1024));
  return points.join(' ');
}

async function main(): Promise<void> {
  const env = await prepareData(articles);
  const runEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production', MAILER: 'none', AUTH_SECRET, PROGRESS: '0' };
  console.log(`\nExport of ${articles} seeded articles on ${process.env.DATABASE_URL ? 'MySQL' : 'SQLite'}`);
  const runs: Run[] = [await measure('baseline (hand-written SQL, one process)', ['-r', '@swc-node/register', 'bench/baseline-export.ts'], runEnv)];
  const exportArgs = [...exportCommand(), '--format', 'ndjson'];
  const { url, child } = await startSupergraph(runEnv);
  try {
    process.env.AUTH_SECRET = AUTH_SECRET;
    const token = await signAccessToken({ serviceTokenId: 2 ** 31 - 1, scopes: [ServiceScope.Export] }, 6 * 3600);
    runs.push(await measure('npm run export → gateway (npm start)', exportArgs, { ...runEnv, GATEWAY_URL: url, EXPORT_TOKEN: token }, child));
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  if (hasFlag('--local')) runs.push(await measure('npm run export, own supergraph', exportArgs, runEnv));
  const [baseline] = runs;
  for (const r of runs) if (r.rows !== baseline.rows) throw new Error(`${r.name} wrote ${r.rows} rows, the baseline ${baseline.rows}`);
  const rate = (r: Run) => r.rows / r.seconds;
  console.log(`\n${'scenario'.padEnd(42)} ${'rows'.padStart(8)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(7)} ${'× baseline'.padStart(10)} ${'peak RSS MB'.padStart(11)} ${'server MB'.padStart(9)}`);
  for (const r of runs) {
    console.log(
      `${r.name.padEnd(42)} ${String(r.rows).padStart(8)} ${r.seconds.toFixed(1).padStart(8)} ${Math.round(rate(r)).toString().padStart(7)} ${(rate(r) / rate(baseline)).toFixed(2).padStart(10)} ${r.peakMb.toFixed(0).padStart(11)} ${(r.serverPeakMb === null ? '-' : r.serverPeakMb.toFixed(0)).padStart(9)}`,
    );
  }
  for (const r of runs.slice(1)) console.log(`RSS of "${r.name}" by tenth of the run, MB: ${profile(r.samples)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
