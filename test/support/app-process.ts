import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverNodeFlags } from '../../src/cli/server-node-flags';

const ROOT = path.resolve(__dirname, '../..');

export type AppProcess = {
  url: string;
  pid: number;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
  /** Resident memory of the process now, in MiB (Linux). */
  rssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * Starts one of the project's commands (`src/cli/<script>.ts`) as its own process, the way the
 * README starts it (with `npm start`'s V8 flags), and resolves once it prints the URL it serves.
 */
export async function startAppProcess(script: string, env: Record<string, string>, args: string[] = [], timeoutMs = 120_000): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags(), '-r', '@swc-node/register', path.join(ROOT, 'src/cli', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /(http:\/\/[^\s]+?\/graphql)\b/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    rssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
