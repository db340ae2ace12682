import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { serverNodeFlags } from '../../src/cli/server-node-flags';

const ROOT = path.resolve(__dirname, '../..');

export type ServiceProcess = {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Everything the process wrote, for the failure message of a test. */
  output(): string;
  /** False once the process has exited, whatever the cause. */
  alive(): boolean;
  /** Sends `signal` (SIGKILL: a crash; SIGTERM: a graceful stop) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
};

const SCRIPTS = { subgraph: 'src/cli/subgraph.ts', gateway: 'src/cli/gateway.ts', 'all-in-one': 'src/cli/start.ts' } as const;

/**
 * Starts one service as `npm run subgraph -- <name>`, `npm run gateway` or `npm start` does (or
 * another server script), as a child process on loopback, and resolves once it prints its URL.
 * `port` 0 lets the system choose; a restart passes the port of the killed process so its
 * callers find it at the same URL. Tests and benchmarks start their processes here.
 */
export async function startServiceProcess(options: {
  name: string;
  /** `subgraph` runs src/cli/subgraph.ts <name>; `gateway` src/cli/gateway.ts; `all-in-one` src/cli/start.ts; `script` runs `script` with `args` (another server that prints "ready at <url>", e.g. a benchmark's). */
  kind: keyof typeof SCRIPTS | 'script';
  script?: string;
  args?: string[];
  port?: number;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const script = options.kind === 'script' ? options.script : SCRIPTS[options.kind];
  if (!script) throw new Error(`${options.name}: a script to run is required`);
  const args = [...serverNodeFlags(), '-r', '@swc-node/register', script, ...(options.kind === 'subgraph' ? [options.name] : (options.args ?? []))];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(options.port ?? 0), SEED_DEMO: '0', JOBS: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${options.name} did not start in time`)), options.readyTimeoutMs ?? 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${log}`));
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /ready at http:\/\/[^:]+:(\d+)\/graphql/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code, signal) => fail(new Error(`${options.name} exited (${code ?? signal}) before it was ready`)));
  });
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    pid: child.pid!,
    output: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
