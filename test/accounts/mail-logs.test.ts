import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gql } from '../support/graphql-client';
import { linkToken, readMail } from '../support/mime';

const ROOT = path.resolve(__dirname, '../..');

/** `npm start` as an operator runs it (same entry point), on SQLite files in a fresh directory, without demo content. */
function startProcess(dataDir: string, env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|\w+_DATABASE_URL|REDIS_URL|MAILER|SMTP_URL|MAIL_\w+|NODE_ENV)$/.test(k)));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: { ...base, DATA_DIR: dataDir, SEED_DEMO: '0', JOBS: '0', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function waitForOutput(proc: ReturnType<typeof startProcess>, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(proc.output());
      if (match) {
        proc.child.stdout!.off('data', check);
        resolve(match);
      }
    };
    proc.child.stdout!.on('data', check);
    void proc.exited.then((code) => reject(new Error(`exited with ${code} before ${pattern}:\n${proc.output()}`)));
    check();
  });
}

describe('tokens never reach a log', () => {
  let dataDir: string;
  let running: ChildProcess | null = null;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-mail-logs-'));
  });
  afterEach(async () => {
    if (running && running.exitCode === null) {
      const gone = new Promise((resolve) => running!.once('exit', resolve));
      running.kill('SIGTERM');
      await gone;
    }
    running = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('with the development default, register and requestPasswordReset log the mail file, not the link', async () => {
    const proc = startProcess(dataDir, { AUTH_SECRET: 'a-development-secret-of-at-least-32-chars' });
    running = proc.child;
    const [, port] = await waitForOutput(proc, /ready at http:\/\/localhost:(\d+)\/graphql/);
    const url = `http://127.0.0.1:${port}/graphql`;
    const email = 'lea.logs@example.test';
    const registered = await gql(url, `mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken } }`, {
      i: { email, password: 'Correct-horse-battery-9', displayName: 'Léa' },
    });
    expect(registered.errors).toBeUndefined();
    expect((await gql(url, `mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: email })).data.requestPasswordReset).toBe(true);

    const mailDir = path.join(dataDir, 'mail');
    await waitForOutput(proc, /(\[mail\] written to [^\n]+\n[\s\S]*){2}/);
    const files = fs.readdirSync(mailDir).map((f) => path.join(mailDir, f));
    expect(files).toHaveLength(2);
    const texts = files.map((f) => readMail(fs.readFileSync(f, 'utf8')).text);
    const verifyToken = linkToken(texts.find((t) => t.includes('/compte/verifier-email'))!, '/compte/verifier-email');
    const resetToken = linkToken(texts.find((t) => t.includes('/compte/nouveau-mot-de-passe'))!, '/compte/nouveau-mot-de-passe');

    const log = proc.output();
    for (const file of files) expect(log).toContain(`[mail] written to ${file}`);
    for (const secret of [verifyToken, resetToken, encodeURIComponent(resetToken), registered.data.register.refreshToken, registered.data.register.accessToken]) {
      expect(secret.length).toBeGreaterThan(20);
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/token=/);
  });

  it('in production refuses to start with a mailer that keeps links readable, in one line naming MAILER', async () => {
    const proc = startProcess(dataDir, { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-at-least-32-chars' });
    running = proc.child;
    expect(await proc.exited).toBe(1);
    const lines = proc.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^MAILER=file .*MAILER=smtp/);
    // Refused before any database was opened.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
