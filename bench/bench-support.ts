import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { serverNodeFlags } from '../src/cli/server-node-flags';

export const ROOT = path.resolve(__dirname, '..');

/** Runs a command to completion, its output on this terminal. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/**
 * Seeds a data set of `articles` once per size (SQLite files under bench/.data, shared by every
 * benchmark), or reseeds the MySQL database DATABASE_URL names. Returns the environment that
 * points a process at it.
 */
export async function prepareData(articles: number): Promise<NodeJS.ProcessEnv> {
  const env = { ...process.env, SEED_DEMO: '0', PROGRESS: '1' };
  const seed = ['-r', '@swc-node/register', 'src/cli/seed.ts', '--articles', String(articles)];
  if (process.env.DATABASE_URL) {
    await run(process.execPath, [...seed, '--reset'], env);
    return env;
  }
  const dir = path.join(ROOT, 'bench/.data', `sqlite-${articles}`);
  const marker = path.join(dir, 'seeded');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    await run(process.execPath, seed, { ...env, DATA_DIR: dir });
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return { ...env, DATA_DIR: dir };
}

/** Starts a benchmark server script and waits for the JSON line of URLs it prints when ready. */
export async function startServerScript<Urls>(script: string, env: NodeJS.ProcessEnv): Promise<{ urls: Urls; child: ChildProcess }> {
  // Servers log JSON lines on stdout too ("Server listening", one per request): at `warn` only
  // the line of URLs starts with "{", and the numbers leave out the access log
  // (`npm run bench:http` measures it). LOG_LEVEL=info overrides.
  const child = spawn(process.execPath, [...serverNodeFlags(), '-r', '@swc-node/register', script], {
    cwd: ROOT,
    env: { LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<Urls>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
  return { urls, child };
}

/** POSTs a GraphQL body and returns the parsed answer. */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return res.json();
}

/**
 * Median time of `n` requests sent one after the other, until the answer's last byte (after 20
 * unmeasured): over one keep-alive connection with node:http, reading the body as bytes. With
 * fetch and `res.json()` the client's own work (undici, parsing the 44 KB home page) added
 * 0.5–2 ms to the same server's figure on this machine.
 */
export async function singleRequestMs(url: string, body: string | readonly string[], n = 100): Promise<number> {
  const bodies = typeof body === 'string' ? [body] : body;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (payload: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${res.statusCode}`))));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  try {
    for (let i = 0; i < 20; i++) await send(bodies[i % bodies.length]);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await send(bodies[i % bodies.length]);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(n / 2)];
  } finally {
    agent.destroy();
  }
}

/**
 * CPU time (user + system) a process of this machine has used so far, in ms, from
 * /proc/<pid>/stat: a server's CPU per request when it runs in a process of its own.
 */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux in practice. */
const CLOCK_TICKS = 100;

/** CPU milliseconds this process spends per call of `run`, over `count` calls in a row. */
export async function cpuMsPerRun(count: number, run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / count;
}
