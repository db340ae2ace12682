import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startGraphQLServer } from '../../src/server/graphql-http-server';
import { ConfigurationError } from '../../src/errors/configuration-error';
import { hostTestSchema } from '../support/http-test-server';

const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm run gateway`'s entry point as its own process, as an operator would. */
function startGatewayProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/gateway.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /ready at http:\/\/localhost:(\d+)\//.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, exited, ready, output: () => ({ stdout, stderr }) };
}

describe('starting and stopping a process', () => {
  it('refuses a port in use with a ConfigurationError naming it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const attempt = startGraphQLServer({ schema: hostTestSchema, port, logLevel: 'silent' });
      await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('prints one line without a stack trace and exits 1 when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const gateway = startGatewayProcess({ PORT: String(port) });
      gateway.ready.catch(() => undefined);
      expect(await gateway.exited).toBe(1);
      const lines = gateway.output().stderr.trim().split('\n');
      expect(lines).toEqual([`Port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT`]);
    } finally {
      blocker.close();
    }
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const gateway = startGatewayProcess({ PORT: '0' });
    const port = await gateway.ready;
    const live = await fetch(`http://127.0.0.1:${port}/livez`);
    expect(live.status).toBe(200);
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(gateway.output().stderr).toBe('');
  });
});
