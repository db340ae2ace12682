import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { Role } from '../../src/auth/roles';
import { createDemoStaffAccounts, type DemoStaffAccount } from '../../src/seed/staff-accounts';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium in a container: no sandbox, no GPU, and nothing phoning home on its own.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Runs where Chromium is installed; TEST_BROWSER=1 (set by .ci/run) makes a missing one a failure.
const enabled = fs.existsSync(CHROMIUM) || process.env.TEST_BROWSER === '1';

type InPage = { document: { body: { innerText: string } } };
/**
 * Functions that run in the page (Playwright sends their source, so they close over nothing;
 * strings would be evaluated in the page, which the IDE's CSP forbids).
 */
const pageText = (): string => (globalThis as unknown as InPage).document.body.innerText;
const pageShows = (text: string): boolean => (globalThis as unknown as InPage).document.body.innerText.includes(text);

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

(enabled ? describe : describe.skip)('the IDE in a real browser, offline', () => {
  let app: NewsroomApp;
  let browser: Browser;
  let cleanup: () => Promise<void>;
  let editor: DemoStaffAccount;

  beforeAll(async () => {
    const scratch = scratchTargets('sqlite', 'ide_browser', subgraphList().map((m) => m.name));
    app = await startNewsroom({ targets: scratch.targets, seedDemo: true, responseCache: false, ide: 'open' });
    cleanup = async () => {
      await app.stop();
      await scratch.cleanup();
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const staff = await createDemoStaffAccounts(app.dataSources.get('accounts')!, { production: false });
    editor = staff.find((s) => s.role === Role.Editor)!;
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
    await page.waitForFunction(pageShows, '"homePage"', { timeout: 30_000 });

    expect(graphqlCalls).toContain('HomePage');
    const shown = await page.evaluate(pageText);
    expect(shown).toContain('"headline"');
    expect(shown).not.toContain('"errors"');
    expect(outside).toEqual([]);
    await context.close();
  });

  it('signs in from the sign-in tab and sends the token it got from the other tabs', async () => {
    const base = new URL(app.url).origin;
    const context = await browser.newContext();
    await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
    const sent: Array<{ operation: string; authorization: string }> = [];
    context.on('request', (req) => {
      if (new URL(req.url()).pathname === '/graphql' && req.method() === 'POST') {
        sent.push({ operation: req.postDataJSON()?.operationName ?? '', authorization: req.headers().authorization ?? '' });
      }
    });
    const page = await context.newPage();
    await page.goto(`${base}/ide`);

    // The password is typed into the variables, as a developer pastes the one npm start printed.
    await page.getByText('web/sign-in', { exact: true }).click();
    await page.getByText('Variables', { exact: false }).first().click();
    await page.locator('.cm-content').last().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(JSON.stringify({ email: editor.email, password: editor.password }));
    await page.getByText('Send Request', { exact: true }).click();
    await page.waitForFunction(pageShows, '"refreshToken"', { timeout: 30_000 });

    await page.getByText('web/post-comment', { exact: true }).click();
    await page.getByText('Send Request', { exact: true }).click();
    await page.waitForFunction(pageShows, '"postComment"', { timeout: 30_000 });

    expect(await page.evaluate(pageText)).toContain('"APPROVED"');
    const posted = sent.find((s) => s.operation === 'PostComment');
    expect(posted?.authorization).toMatch(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    await context.close();
  });
});
