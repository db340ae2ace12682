import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closedPort } from './tcp-relay';

export const VARNISHD = '/usr/sbin/varnishd';

/**
 * Whether suites that need Varnish run: when Debian's varnishd is installed, and always under
 * TEST_VARNISH=1 (CI), where a missing varnishd then fails the suite instead of skipping it.
 */
export function varnishWanted(): boolean {
  return fs.existsSync(VARNISHD) || process.env.TEST_VARNISH === '1';
}

export type Varnish = {
  /** Where clients reach the edge, e.g. http://127.0.0.1:6081 (no path). */
  url: string;
  port: number;
  /** What `EDGE_PURGE_URLS` names for this edge (the VCL answers `BAN` on any path). */
  purgeUrl: string;
  /** Starts varnishd (once): its VCL points at the gateway listening on `backendPort`. */
  start(backendPort: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * A varnishd on loopback with the project's VCL (deploy/varnish/newsroom.vcl), its port chosen
 * before it starts so that gateways can be given `EDGE_PURGE_URLS` before Varnish knows their
 * port. Its work directory is a temporary folder, removed by `stop`.
 */
export async function prepareVarnish(): Promise<Varnish> {
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-'));
  let child: ChildProcess | null = null;
  return {
    url,
    port,
    purgeUrl: `${url}/`,
    async start(backendPort: number) {
      if (!fs.existsSync(VARNISHD)) throw new Error(`${VARNISHD} is missing (apt-get install varnish)`);
      const vcl = fs
        .readFileSync(path.resolve(__dirname, '../../deploy/varnish/newsroom.vcl'), 'utf8')
        .replace('.port = "4000";', `.port = "${backendPort}";`);
      fs.writeFileSync(path.join(dir, 'newsroom.vcl'), vcl);
      const args = ['-F', '-j', 'none', '-n', path.join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-f', path.join(dir, 'newsroom.vcl'), '-s', 'malloc,32m'];
      child = spawn(VARNISHD, args, { stdio: 'ignore' });
      for (let i = 0; ; i += 1) {
        try {
          if ((await fetch(`${url}/livez`)).ok) return;
        } catch {
          if (i > 100) throw new Error('varnishd did not start');
        }
        await sleep(100);
      }
    },
    async stop() {
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((r) => running.once('exit', r));
        running.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type EdgeAnswer = { status: number; edge: string | null; data: any };

/** An anonymous GET through the edge, as a CDN-fronted page sends it. */
export async function viaEdge(edgeUrl: string, query: string): Promise<EdgeAnswer> {
  const res = await fetch(`${edgeUrl}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': '1' } });
  const body = await res.text();
  return { status: res.status, edge: res.headers.get('x-edge-cache'), data: JSON.parse(body).data };
}
