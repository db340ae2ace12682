import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium in a container: no sandbox, no GPU, and nothing phoning home on its own.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Runs where Chromium is installed; TEST_BROWSER=1 (set by .ci/run) makes a missing one a failure.
const enabled = fs.existsSync(CHROMIUM) || process.env.TEST_BROWSER === '1';

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

(enabled ? describe : describe.skip)('the IDE in a real browser, offline', () => {
  let app: NewsroomApp;
  let browser: Browser;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', 'ide_browser', subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, seedDemo: true, responseCache: false, ide: 'open' });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  it('opens at /ide from a browser visit to /graphql, runs the home page example and shows the result, never leaving loopback', async () => {
    const base = new URL(app.url).origin;
    const context = await browser.newContext();
    const outside: string[] = [];
    // Anything not on this machine is refused and remembered: the IDE must work with no network.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const graphqlCalls: string[] = [];
    context.on('request', (req) => {
      if (new URL(req.url()).pathname === '/graphql' && req.method() === 'POST') graphqlCalls.push(req.postDataJSON()?.operationName ?? '');
    });
    const page = await context.newPage();

    await page.goto(`${base}/graphql`);
    await page.waitForURL(`${base}/ide`);

    // Every example is a tab; pick the home page and send it.
    await page.getByText('web/home-page', { exact: true }).click();
    await page.getByText('Send Request', { exact: true }).click();
    // The result pane is an editor that renders only its visible lines: look for the top of the answer.
    await page.waitForFunction(`document.body.innerText.includes('"homePage"')`, undefined, { timeout: 30_000 });

    expect(graphqlCalls).toContain('HomePage');
    const shown = await page.evaluate<string>('document.body.innerText');
    expect(shown).toContain('"headline"');
    expect(shown).not.toContain('"errors"');
    expect(outside).toEqual([]);
    await context.close();
  });
});
