import { startNewsroom, type NewsroomApp } from '../../src/app/newsroom-app';
import { loadExampleOperations } from '../../src/ide/example-operations';
import type { IdeMode } from '../../src/ide/ide-mode';
import { ideModeFromEnv } from '../../src/ide/ide-mode';
import { subgraphList } from '../../src/subgraphs/subgraph-modules';
import { scratchTargets } from '../support/backends';
import { errorCodes, gql } from '../support/graphql-client';
import { Role, signInAs } from '../support/sign-in';

const INTROSPECT = '{ __schema { queryType { name } } }';

async function startWithIde(mode: IdeMode) {
  const scratch = scratchTargets('sqlite', `ide_${mode}`, subgraphList().map((m) => m.name));
  const app = await startNewsroom({ targets: scratch.targets, responseCache: false, ide: mode });
  const base = new URL(app.url).origin;
  const stop = async () => {
    await app.stop();
    await scratch.cleanup();
  };
  return { app, base, stop };
}

describe('which IDE a server gets', () => {
  it('is open in development, off in production unless IDE=on, and then for staff', () => {
    expect(ideModeFromEnv({ NODE_ENV: 'development' })).toBe('open');
    expect(ideModeFromEnv({})).toBe('open');
    expect(ideModeFromEnv({ IDE: 'off' })).toBe('off');
    expect(ideModeFromEnv({ NODE_ENV: 'production' })).toBe('off');
    expect(ideModeFromEnv({ NODE_ENV: 'production', IDE: 'on' })).toBe('staff');
  });
});

describe('the IDE served by the gateway (development)', () => {
  let app: NewsroomApp;
  let base: string;
  let stop: () => Promise<void>;
  beforeAll(async () => ({ app, base, stop } = await startWithIde('open')));
  afterAll(() => stop?.());

  it('serves the page with its own CSP, which keeps every connection on this server', async () => {
    const res = await fetch(`${base}/ide`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    // Only relative references: Altair's files and our start-up script, all under /ide/.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('src="initial-options.js"');
    expect(html).toContain('<base href="/ide/">');
  });

  it('serves Altair\'s files under /ide/ and nothing outside them', async () => {
    // Bodies are read to the end: an unread stream keeps its connection busy and the server from closing.
    const main = await fetch(`${base}/ide/main.js`);
    expect(main.status).toBe(200);
    expect(main.headers.get('content-type')).toContain('javascript');
    expect((await main.text()).length).toBeGreaterThan(1000);
    const styles = await fetch(`${base}/ide/styles.css`);
    expect(styles.headers.get('content-type')).toContain('text/css');
    await styles.text();
    expect((await fetch(`${base}/ide/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${base}/ide/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${base}/ide/%E0%A4%A`)).status).toBe(400);
    const sandbox = await fetch(`${base}/ide/iframe-sandbox/index.html`);
    expect(sandbox.status).toBe(200);
    await sandbox.text();
    expect(sandbox.headers.get('content-security-policy')).toBe('sandbox allow-scripts');
    // The sandbox frame has an opaque origin: its module scripts load only with CORS allowed.
    const sandboxScript = await fetch(`${base}/ide/iframe-sandbox/sandbox.png`);
    expect(sandboxScript.headers.get('access-control-allow-origin')).toBe('*');
    await sandboxScript.arrayBuffer();
  });

  it('preloads every example operation and points at this endpoint, with no account, plugins or update checks', async () => {
    const script = await (await fetch(`${base}/ide/initial-options.js`)).text();
    for (const example of loadExampleOperations()) expect(script).toContain(`initialName: \`${example.id}\``);
    expect(script).toContain('new URL("/graphql", location.href)');
    expect(script).toContain('disableAccount: true');
    expect(script).toContain("'plugin.list': []");
    expect(script).toContain("'alert.disableUpdateNotification': true");
  });

  it('sends a browser asking /graphql for HTML on to /ide instead of Apollo\'s CDN landing page', async () => {
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(html).toContain('url=/ide');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('answers introspection for anyone', async () => {
    const res = await gql(app.url, INTROSPECT);
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('the IDE in production with IDE=on (staff only)', () => {
  let app: NewsroomApp;
  let stop: () => Promise<void>;
  beforeAll(async () => ({ app, stop } = await startWithIde('staff')));
  afterAll(() => stop?.());

  const fx = () => ({ app, url: app.url, stop });

  it('refuses introspection to anonymous callers and readers, with a code, and answers staff', async () => {
    const anonymous = await gql(app.url, INTROSPECT);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.errors?.[0].extensions?.reason).toBe('STAFF_ONLY_INTROSPECTION');
    const reader = await signInAs(fx(), []);
    expect(errorCodes(await gql(app.url, '{ __type(name: "Article") { name } }', {}, reader.headers))).toEqual(['FORBIDDEN']);
    const journalist = await signInAs(fx(), [Role.Journalist]);
    expect((await gql(app.url, INTROSPECT, {}, journalist.headers)).data?.__schema.queryType.name).toBe('Query');
  });

  it('still answers ordinary queries, __typename included, to everyone', async () => {
    const res = await gql(app.url, '{ __typename rubrics { name } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.__typename).toBe('Query');
  });

  it('puts the sign-in tab first', async () => {
    const script = await (await fetch(`${new URL(app.url).origin}/ide/initial-options.js`)).text();
    const names = [...script.matchAll(/initialName: `([^`]+)`/g)].map((m) => m[1]);
    expect(names[0]).toBe('web/sign-in');
  });
});

describe('no IDE (production default)', () => {
  let app: NewsroomApp;
  let base: string;
  let stop: () => Promise<void>;
  beforeAll(async () => ({ app, base, stop } = await startWithIde('off')));
  afterAll(() => stop?.());

  it('has no /ide, and a browser at /graphql gets a plain page, not a CSRF error or a CDN page', async () => {
    for (const path of ['/ide', '/ide/main.js']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      await res.text();
    }
    const res = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphQL endpoint');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
