import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedPort } from './tcp-relay';

export type MariadbServer = { port: number; url(database: string): string; sql(statement: string): string };
export type MariadbPair = { primary: MariadbServer; replica: MariadbServer; stop(): Promise<void> };

const MARIADBD = '/usr/sbin/mariadbd';

function client(port: number): MariadbServer {
  return {
    port,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    sql: (statement) => execFileSync('mariadb', ['--protocol=tcp', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', '-N', '-B', '-e', statement], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  };
}

async function waitForServer(server: MariadbServer, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : ''}`);
    try {
      server.sql('SELECT 1');
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`mariadbd on ${server.port} did not answer`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function startServer(root: string, name: string, serverId: number, extra: string[]): Promise<{ server: MariadbServer; child: ChildProcess }> {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/data`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], { stdio: 'ignore' });
  const port = await closedPort();
  const log = path.join(dir, 'error.log');
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${dir}/data`,
      `--socket=${dir}/mysqld.sock`,
      `--pid-file=${dir}/mysqld.pid`,
      `--log-error=${log}`,
      '--bind-address=127.0.0.1',
      `--port=${port}`,
      `--server-id=${serverId}`,
      '--innodb-buffer-pool-size=32M',
      '--character-set-server=utf8mb4',
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  const server = client(port);
  await waitForServer(server, child, log);
  return { server, child };
}

/**
 * Two throwaway MariaDB servers on loopback, the second a replica of the first (binary-log
 * replication), in their own data directories. Needs the mariadb server binaries (Debian's
 * mariadb-server package).
 */
export async function startMariadbPair(): Promise<MariadbPair> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-mariadb-pair-'));
  const primary = await startServer(root, 'primary', 1, ['--log-bin=mysql-bin', '--binlog-format=ROW']);
  const replica = await startServer(root, 'replica', 2, ['--read-only=1', '--relay-log=relay-bin']);
  primary.server.sql(`CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';`);
  const [file, position] = primary.server.sql('SHOW MASTER STATUS').trim().split('\t');
  replica.server.sql(
    `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.server.port}, MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_LOG_FILE='${file}', MASTER_LOG_POS=${position}; START SLAVE;`,
  );
  return {
    primary: primary.server,
    replica: replica.server,
    async stop() {
      for (const child of [replica.child, primary.child]) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
