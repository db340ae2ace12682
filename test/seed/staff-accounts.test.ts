import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { ALL_ROLES, Role } from '../../src/auth/roles';
import { createDemoStaffAccounts, demoStaffEmail } from '../../src/seed/staff-accounts';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { gql } from '../support/graphql-client';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { roles } } }';
const STAFF_ROLES = ALL_ROLES.filter((r) => r !== Role.Reader);

describe('demo staff accounts', () => {
  let app: NewsroomApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', 'staff_accounts', subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, responseCache: false });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
  });
  afterAll(() => cleanup?.());

  it('are never created in production', async () => {
    expect(await createDemoStaffAccounts(app.dataSources.get('accounts')!, { production: true })).toEqual([]);
    const [{ n }] = await app.dataSources.get('accounts')!.query('SELECT COUNT(*) AS n FROM user_account');
    expect(Number(n)).toBe(0);
  });

  it('give one account per staff role, each signing in with its own random password and holding its role', async () => {
    const staff = await createDemoStaffAccounts(app.dataSources.get('accounts')!, { production: false });
    expect(staff.map((s) => s.role).sort()).toEqual([...STAFF_ROLES].sort());
    expect(new Set(staff.map((s) => s.password)).size).toBe(staff.length);
    for (const account of staff) {
      const res = await gql(app.url, LOGIN, { e: account.email, p: account.password });
      expect(res.errors).toBeUndefined();
      expect(res.data.login.user.roles).toEqual(['READER', account.role.toUpperCase()]);
    }
  });

  it('are created once: a later start leaves them, and their passwords, alone', async () => {
    expect(await createDemoStaffAccounts(app.dataSources.get('accounts')!, { production: false })).toEqual([]);
    const [{ n }] = await app.dataSources.get('accounts')!.query('SELECT COUNT(*) AS n FROM user_account');
    expect(Number(n)).toBe(STAFF_ROLES.length);
  });
});

/** `npm start`'s own entry point as a child process, until its banner is out. */
function startProcess(dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; banner: string }> {
  const root = path.resolve(__dirname, '../..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli/start.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JOBS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      // The banner is one write, so it arrives whole.
      if (out.includes('ready at')) resolve({ child, banner: out });
    });
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${err}`)));
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('npm start', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('prints the IDE URL and the staff accounts on the first start in development, and the accounts work', async () => {
    const dir = tempDir();
    const first = await startProcess(dir);
    try {
      const url = /ready at (\S+)/.exec(first.banner)![1];
      expect(first.banner).toMatch(/GraphQL IDE at http:\/\/localhost:\d+\/ide/);
      for (const role of STAFF_ROLES) expect(first.banner).toContain(demoStaffEmail(role));
      const editorPassword = new RegExp(`${demoStaffEmail(Role.Editor).replace(/\./g, '\\.')}\\s+(\\S+)`).exec(first.banner)![1];
      const login = await gql(url.replace('localhost', '127.0.0.1'), LOGIN, { e: demoStaffEmail(Role.Editor), p: editorPassword });
      expect(login.data?.login.user.roles).toEqual(['READER', 'EDITOR']);
    } finally {
      await stopProcess(first.child);
    }
    // Passwords are shown once: the next start on the same data prints none.
    const second = await startProcess(dir);
    await stopProcess(second.child);
    expect(second.banner).toContain('GraphQL IDE at');
    expect(second.banner).not.toContain(demoStaffEmail(Role.Editor));
  });

  it('prints neither accounts nor an IDE in production', async () => {
    const started = await startProcess(tempDir(), { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(16) + 'y'.repeat(16), MAILER: 'none' });
    await stopProcess(started.child);
    expect(started.banner).not.toContain('GraphQL IDE');
    expect(started.banner).not.toContain(demoStaffEmail(Role.Admin));
  });
});
