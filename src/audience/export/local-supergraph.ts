import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const START_SCRIPT = path.resolve(__dirname, '../../cli/start.ts');

/**
 * The supergraph as `npm start` runs it, in a child process on a free local port, for jobs
 * that were given no gateway. Keeping it out of the job's process keeps the job's memory the
 * job's own (a page of rows at a time), whatever the supergraph caches. It uses the same
 * databases and AUTH_SECRET as the job, never seeds demo content and has no response cache.
 */
export async function startLocalSupergraph(): Promise<{ url: string; stop(): Promise<void> }> {
  // The job's loader (e.g. `-r @swc-node/register`) without its own heap limit.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--max-old-space-size'));
  const child: ChildProcess = spawn(process.execPath, [...execArgv, START_SCRIPT], {
    // It serves the export only: it sends no mail, whatever mailer the job's environment names.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: '0', RESPONSE_CACHE: 'off', MAILER: 'none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /ready at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`The supergraph exited (${code}) before it was ready`)));
  });
  child.stdout!.resume();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
