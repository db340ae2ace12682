import fs from 'node:fs';
import path from 'node:path';
import { serverNodeFlags } from '../../src/cli/server-node-flags';

describe('server V8 flags', () => {
  const scripts = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('reads the young generation size npm start runs with', () => {
    expect(serverNodeFlags()).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('runs the gateway and each subgraph served alone with the same flags as npm start', () => {
    for (const name of ['gateway', 'subgraph']) {
      expect(scripts[name].split(/\s+/).filter((word) => word.startsWith('--max-'))).toEqual(serverNodeFlags());
    }
  });
});
