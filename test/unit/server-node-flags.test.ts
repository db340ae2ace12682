import { serverNodeFlags } from '../../src/cli/server-node-flags';

describe('server V8 flags', () => {
  it('reads the young generation size npm start runs with', () => {
    expect(serverNodeFlags()).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('runs the gateway and each subgraph served alone with the same flags as npm start', () => {
    for (const script of ['gateway', 'subgraph']) expect(serverNodeFlags(script)).toEqual(serverNodeFlags());
  });
});
