import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');

/**
 * No import cycles in the code, type imports included (`-T false`), as `npm run lint` checks,
 * here too so that `npm test` alone catches one: a cycle makes the first module of it see the
 * other half undefined at load time, and tells of a part that knows its owner (the audience
 * runtime and its six parts were one). dpdm runs as its CLI: its library is ESM-only
 * dependencies that jest's CommonJS runtime cannot load.
 */
describe('import cycles', () => {
  it('finds none in src, resolvers and entities', async () => {
    const bin = require.resolve('dpdm/lib/bin/dpdm.js', { paths: [ROOT] });
    const args = ['--no-tree', '--no-warning', '-T', 'false', '--exit-code', 'circular:1', 'src/**/*.ts', 'resolvers/**/*.ts', 'entities/**/*.ts'];
    const run = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: ROOT }).catch((err: { stdout?: string; code?: number }) => err);
    expect(run.stdout).toContain('no circular dependency');
  });
});
