/**
 * `npm run bench:tracing`: what OpenTelemetry tracing costs an uncached home page, off (the
 * default) and on, against the code of another checkout without it (`--baseline`, default
 * /work/main). Three worker processes (tracing-worker.ts) each serve the gateway and editorial over
 * the same SQLite data: the baseline, this checkout with tracing off, and this checkout with
 * tracing on, exporting every span (always-on sampler) to a loopback OTLP receiver run here,
 * whose own CPU is not counted. They run in turn, --rounds times (default 5), so that drifts of
 * a shared machine fall on all three; each prints the CPU ms per page it measured itself.
 *   npm run bench:tracing -- --articles 2000 --n 300 --rounds 5 --baseline /work/main
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import readline from 'node:readline';
import { argValue } from '../src/cli/args';
import { prepareData, ROOT } from './bench-support';

const n = Number(argValue('--n') ?? 300);
const rounds = Number(argValue('--rounds') ?? 5);
const baseline = argValue('--baseline') ?? '/work/main';

type Worker = { name: string; ask(command: string): Promise<number>; stop(): void };

async function startWorker(name: string, root: string, trace: 'on' | 'off', env: NodeJS.ProcessEnv): Promise<Worker> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'bench/tracing-worker.ts', '--root', root, '--trace', trace], {
    cwd: ROOT,
    env: { ...env, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`${name} exited`);
    return line.value;
  };
  if ((await next()) !== 'ready') throw new Error(`${name} did not start`);
  return {
    name,
    async ask(command) {
      child.stdin!.write(`${command}\n`);
      return (JSON.parse(await next()) as { cpuMs: number }).cpuMs;
    },
    stop: () => child.stdin!.write('stop\n'),
  };
}

async function main(): Promise<void> {
  const env = await prepareData(Number(argValue('--articles') ?? 2000));
  let exported = 0;
  const receiver = http.createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (exported += chunk.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const workers = [
    await startWorker(`baseline (${baseline})`, baseline, 'off', env),
    await startWorker('tracing off', ROOT, 'off', env),
    await startWorker('tracing on', ROOT, 'on', { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_SAMPLER: 'always_on' }),
  ];
  for (const worker of workers) await worker.ask(`run ${Math.min(n, 200)}`);
  const measured: number[][] = workers.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, worker] of workers.entries()) measured[i].push(await worker.ask(`run ${n}`));
  }
  const perPage = measured.map((m) => m.reduce((a, b) => a + b, 0) / rounds);
  console.log(`home page, CPU ms per page over ${rounds} × ${n}, workers in turn (ratio to the baseline; range of the rounds' ratios):`);
  for (const [i, worker] of workers.entries()) {
    const ratios = measured[i].map((ms, round) => ms / measured[0][round]);
    const range = `${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`;
    console.log(`  ${worker.name.padEnd(28)} ${perPage[i].toFixed(2)}  ×${(perPage[i] / perPage[0]).toFixed(3)}  (${range})`);
  }
  console.log(`  OTLP JSON received: ${(exported / 1024).toFixed(0)} KiB`);
  for (const worker of workers) worker.stop();
  receiver.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
